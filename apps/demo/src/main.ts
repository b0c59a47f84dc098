// The page: the list of inputs, the worker that reconciles them, and the report's panels.
import type { ArticleRole, Report, Span } from "@corroborate/core";
import { el, replaceChildren } from "./dom.js";
import { ACCEPTED_EXTENSIONS } from "./adapters.js";
import { pastedInput, readFiles } from "./files.js";
import type { DemoInput, WorkerRequest, WorkerResponse } from "./protocol.js";
import { claimSpan, type ReportContext } from "./view/context.js";
import {
  agreementsPanel,
  claimDetail,
  conflictsPanel,
  entitiesPanel,
  eventsPanel,
  nonConflictsPanel,
  problemsPanel,
  verdictsPanel,
} from "./view/panels.js";
import { SourcesView } from "./view/sources.js";

/** Finds an element the page's HTML must have. */
function must<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page lacks #${id}`);
  return node as T;
}

const ui = {
  loadExample: must<HTMLButtonElement>("load-example"),
  run: must<HTMLButtonElement>("run"),
  clear: must<HTMLButtonElement>("clear"),
  downloadJson: must<HTMLAnchorElement>("download-json"),
  downloadMd: must<HTMLAnchorElement>("download-md"),
  status: must<HTMLParagraphElement>("status"),
  inputList: must<HTMLUListElement>("input-list"),
  pasteForm: must<HTMLFormElement>("paste-form"),
  drop: must<HTMLDivElement>("drop"),
  fileInput: must<HTMLInputElement>("file-input"),
  formats: must<HTMLParagraphElement>("formats"),
  sourceList: must<HTMLDivElement>("source-list"),
  claimBody: must<HTMLDivElement>("claim-body"),
  add: must<HTMLDetailsElement>("add"),
};
const panel = (id: string) => must<HTMLElement>(id).querySelector<HTMLElement>(".body")!;

const state = {
  inputs: [] as DemoInput[],
  /** The last request sent; answers to analyses older than the last one are dropped. */
  seq: 0,
  lastAnalysis: 0,
  pending: new Map<number, WorkerRequest["kind"]>(),
  report: null as Report | null,
  urls: [] as string[],
};

const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
worker.addEventListener("message", (event: MessageEvent<WorkerResponse>) => onAnswer(event.data));
worker.addEventListener("error", (event) => setStatus(`The worker failed: ${event.message || "unknown error"}`, "error"));

const sources = new SourcesView((claimId) => ctx?.selectClaim(claimId));
let ctx: ReportContext | null = null;

function setStatus(text: string, kind: "info" | "busy" | "error" | "done" = "info"): void {
  ui.status.textContent = text;
  ui.status.dataset["state"] = kind;
}

/** Sends the current inputs to the worker; answers to older requests are ignored. */
function analyse(): void {
  ui.run.disabled = state.inputs.length === 0;
  ui.clear.disabled = state.inputs.length === 0;
  if (state.inputs.length === 0) {
    // With nothing to show, the ways to add articles are what the page is for.
    ui.add.open = true;
    showReport(null);
    setStatus("No articles: load the example story, paste an article or drop files.");
    return;
  }
  state.lastAnalysis = send({ kind: "analyse", seq: 0, inputs: state.inputs });
  document.body.setAttribute("aria-busy", "true");
  setStatus(`Reconciling ${state.inputs.length} input${state.inputs.length === 1 ? "" : "s"}…`, "busy");
}

/** Posts a request with the next sequence number, remembering its kind; returns the number. */
function send(request: WorkerRequest): number {
  const seq = ++state.seq;
  state.pending.set(seq, request.kind);
  worker.postMessage({ ...request, seq });
  return seq;
}

function onAnswer(answer: WorkerResponse): void {
  const kind = state.pending.get(answer.seq);
  state.pending.delete(answer.seq);
  if (!answer.ok) {
    if (kind === "example") setStatus(`Could not load the example story: ${answer.error}`, "error");
    else if (answer.seq === state.lastAnalysis || answer.seq < 0) {
      document.body.removeAttribute("aria-busy");
      setStatus(`Could not reconcile: ${answer.error}`, "error");
    }
    return;
  }
  if (answer.kind === "example") {
    // Loading twice replaces the example's own files rather than adding copies.
    state.inputs = [...state.inputs.filter((i) => !answer.inputs.some((e) => e.name === i.name)), ...answer.inputs];
    renderInputs();
    analyse();
    return;
  }
  if (answer.seq !== state.lastAnalysis) return;
  document.body.removeAttribute("aria-busy");
  showReport(answer.report, answer.json, answer.markdown);
  const r = answer.report;
  setStatus(
    `Reconciled ${r.articles.length} article${r.articles.length === 1 ? "" : "s"} in ${answer.ms} ms: ` +
      `${r.entities.length} entities, ${r.events.length} events, ${r.claims.length} claims, ${r.agreements.length} agreements, ` +
      `${r.conflicts.length} conflicts, ${r.nonConflicts.length} explained differences, ${r.verdicts.length} verdicts` +
      (r.failures.length ? `; ${r.failures.length} input${r.failures.length === 1 ? "" : "s"} not read (see below)` : "") +
      ".",
    "done",
  );
  ui.status.dataset["ms"] = String(answer.ms);
}

function showReport(report: Report | null, json = "", markdown = ""): void {
  state.report = report;
  for (const url of state.urls) URL.revokeObjectURL(url);
  state.urls = [];
  for (const [link, text, type] of [
    [ui.downloadJson, json, "application/json"],
    [ui.downloadMd, markdown, "text/markdown"],
  ] as const) {
    if (report) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      state.urls.push(url);
      link.href = url;
      link.classList.remove("disabled");
      link.removeAttribute("aria-disabled");
    } else {
      link.removeAttribute("href");
      link.classList.add("disabled");
      link.setAttribute("aria-disabled", "true");
    }
  }
  if (!report) {
    ctx = null;
    replaceChildren(ui.sourceList);
    for (const id of ["entities", "events", "conflicts", "non-conflicts", "verdicts", "agreements", "problems"]) replaceChildren(panel(id));
    replaceChildren(ui.claimBody, el("p", { class: "empty" }, "Click a claim in a source, or a quote below, to see who agrees or disagrees."));
    return;
  }
  const context: ReportContext = {
    report,
    articles: new Map(report.articles.map((a) => [a.id, a])),
    claims: new Map(report.claims.map((c) => [c.id, c])),
    entities: new Map(report.entities.map((e) => [e.id, e])),
    highlight: (spans, related) => sources.highlight(spans, related),
    selectClaim: (claimId) => {
      const claim = context.claims.get(claimId);
      if (!claim) return;
      replaceChildren(ui.claimBody, claimDetail(context, claimId));
      const related = new Set<string>();
      for (const group of [...report.agreements, ...report.conflicts, ...report.nonConflicts])
        if (group.claimIds.includes(claimId)) for (const id of group.claimIds) related.add(id);
      related.delete(claimId);
      const relatedSpans: Span[] = [...related].map((id) => context.claims.get(id)).filter((c) => c !== undefined).map(claimSpan);
      sources.highlight([claimSpan(claim)], relatedSpans);
    },
  };
  ctx = context;
  replaceChildren(ui.sourceList, sources.render(report));
  replaceChildren(panel("entities"), entitiesPanel(context));
  replaceChildren(panel("events"), eventsPanel(context));
  replaceChildren(panel("conflicts"), conflictsPanel(context));
  replaceChildren(panel("non-conflicts"), nonConflictsPanel(context));
  replaceChildren(panel("verdicts"), verdictsPanel(context));
  replaceChildren(panel("agreements"), agreementsPanel(context));
  replaceChildren(panel("problems"), problemsPanel(context));
  replaceChildren(ui.claimBody, el("p", { class: "empty" }, "Click a claim in a source, or a quote below, to see who agrees or disagrees."));
}

/** The list of inputs, each with its metadata editable, its role switchable, and a remove button. */
function renderInputs(): void {
  replaceChildren(
    ui.inputList,
    state.inputs.map((input, index) => {
      const id = `in-${index}`;
      const outlet = el("input", { type: "text", id: `${id}-outlet`, value: input.metadata.outlet ?? "", placeholder: "from the article" });
      const date = el("input", { type: "date", id: `${id}-date`, value: (input.metadata.publishedAt ?? "").slice(0, 10) });
      const role = el(
        "select",
        { id: `${id}-role` },
        el("option", { value: "source" }, "source"),
        el("option", { value: "derived" }, "derived"),
      );
      role.value = input.metadata.role ?? "source";
      const remove = el("button", { type: "button", class: "remove", "aria-label": `Remove ${input.name}` }, "Remove");
      outlet.addEventListener("change", () => update(index, { outlet: outlet.value.trim() || undefined }));
      date.addEventListener("change", () => update(index, { publishedAt: date.value || undefined }));
      role.addEventListener("change", () => update(index, { role: role.value as ArticleRole }));
      remove.addEventListener("click", () => {
        state.inputs.splice(index, 1);
        renderInputs();
        analyse();
        ui.inputList.querySelector<HTMLButtonElement>("button.remove")?.focus();
      });
      const size = typeof input.data === "string" ? input.data.length : input.data.byteLength;
      return el(
        "li",
        { "data-input": input.name },
        el("span", { class: "input-name" }, input.name, el("span", { class: "small" }, ` ${size} ${typeof input.data === "string" ? "characters" : "bytes"}`)),
        el("label", { for: `${id}-outlet` }, "Outlet"),
        outlet,
        el("label", { for: `${id}-date` }, "Date"),
        date,
        el("label", { for: `${id}-role` }, "Role"),
        role,
        remove,
      );
    }),
  );
}

function update(index: number, patch: Partial<DemoInput["metadata"]>): void {
  const input = state.inputs[index];
  if (!input) return;
  const metadata = { ...input.metadata, ...patch };
  for (const key of Object.keys(patch) as (keyof typeof patch)[]) if (patch[key] === undefined) delete metadata[key];
  state.inputs[index] = { ...input, metadata };
  analyse();
}

function names(): Set<string> {
  return new Set(state.inputs.map((i) => i.name));
}

async function addFiles(files: File[]): Promise<void> {
  const { inputs, problems } = await readFiles(files, names());
  state.inputs.push(...inputs);
  renderInputs();
  analyse();
  if (problems.length) setStatus(problems.map((p) => `${p.name} ${p.message}`).join("; "), "error");
}

function loadExample(): void {
  setStatus("Loading the example story…", "busy");
  send({ kind: "example", seq: 0 });
}

ui.formats.textContent =
  `Formats: plain text (optionally with front matter), HTML pages (the article without the page around it; gzipped too), ` +
  `RSS / Atom / JSON Feed, schema.org JSON-LD, IPTC ninjs and NewsML-G2 (${ACCEPTED_EXTENSIONS.join(" ")}). An input that cannot be read is listed below with the reason.`;
ui.fileInput.accept = ACCEPTED_EXTENSIONS.join(",");
ui.loadExample.addEventListener("click", loadExample);
ui.run.addEventListener("click", analyse);
ui.clear.addEventListener("click", () => {
  state.inputs = [];
  renderInputs();
  analyse();
});
ui.pasteForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const data = new FormData(ui.pasteForm);
  const text = String(data.get("text") ?? "");
  if (!text.trim()) {
    setStatus("The pasted article is empty.", "error");
    return;
  }
  state.inputs.push(
    pastedInput(
      { text, outlet: String(data.get("outlet") ?? ""), publishedAt: String(data.get("publishedAt") ?? ""), role: data.get("role") === "derived" ? "derived" : "source" },
      names(),
    ),
  );
  ui.pasteForm.reset();
  renderInputs();
  analyse();
});
ui.fileInput.addEventListener("change", () => {
  void addFiles([...(ui.fileInput.files ?? [])]);
  ui.fileInput.value = "";
});
for (const type of ["dragenter", "dragover"] as const)
  ui.drop.addEventListener(type, (event) => {
    event.preventDefault();
    ui.drop.classList.add("over");
  });
ui.drop.addEventListener("dragleave", () => ui.drop.classList.remove("over"));
ui.drop.addEventListener("drop", (event) => {
  event.preventDefault();
  ui.drop.classList.remove("over");
  void addFiles([...(event.dataTransfer?.files ?? [])]);
});
// Files dropped elsewhere on the page are added too, rather than opened by the browser in place of the page.
document.addEventListener("dragover", (event) => event.preventDefault());
document.addEventListener("drop", (event) => {
  if (event.defaultPrevented) return;
  event.preventDefault();
  void addFiles([...(event.dataTransfer?.files ?? [])]);
});

// `/` opens with the example story loaded; `/?empty` opens with no articles.
if (new URLSearchParams(location.search).has("empty")) analyse();
else loadExample();
