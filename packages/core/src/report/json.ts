import { ReportSchema, type Report } from "../model/report.js";

/** Serialises a report as pretty JSON. Key order follows the schema, so equal reports give identical bytes. */
export function renderJson(report: Report): string {
  return JSON.stringify(ReportSchema.parse(report), null, 2) + "\n";
}
