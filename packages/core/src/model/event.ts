import { z } from "zod";

/** Something that happened (or will), as reported by one or more articles. */
export const EventSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** First day (ISO date), when known. */
  start: z.string().nullable().default(null),
  /** Last day (ISO date), when known. */
  end: z.string().nullable().default(null),
  /** Articles whose main story this event is. */
  articleIds: z.array(z.string()),
  /** Articles that only refer to it in passing. */
  mentionedByArticleIds: z.array(z.string()).default([]),
  claimIds: z.array(z.string()),
  participantIds: z.array(z.string()).default([]),
  placeIds: z.array(z.string()).default([]),
});
/** An event. */
export type Event = z.infer<typeof EventSchema>;
