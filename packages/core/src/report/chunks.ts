/** Default size of {@link batchChunks}'s pieces: 64 Ki characters, a usual stream buffer. */
export const CHUNK_BATCH_SIZE = 64 * 1024;

/**
 * Groups the small chunks of {@link renderJsonChunks} or {@link renderMarkdownChunks} (one per claim,
 * often a few hundred characters) into pieces of at least `size` characters (the last may be shorter),
 * for fewer writes to a stream or file. Lazy: holds at most one piece at a time. The pieces joined are
 * the chunks joined.
 */
export function* batchChunks(chunks: Iterable<string>, size: number = CHUNK_BATCH_SIZE): Generator<string, void, undefined> {
  let batch: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield batch.join("");
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) yield batch.join("");
}

/**
 * The chunks as one string. Joined in batches first: keeping tens of thousands of small strings alive until
 * one final join costs far more garbage-collector time (they are copied out of the young generation) than
 * the join itself.
 */
export function joinChunks(chunks: Iterable<string>): string {
  return [...batchChunks(chunks)].join("");
}
