import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** One line of an NDJSON input, with where it came from so a reject can point at it. */
export interface NdjsonLine {
  /** The file name (or `-` for standard input). */
  source: string;
  /** 1-based, counting blank lines too, as an editor shows it. */
  lineNumber: number;
  text: string;
}

export interface NdjsonBatchOptions {
  /** Lines per batch at most (the last batch may be shorter). */
  batchSize: number;
  /** Ends a batch early when this returns true for the next line (for example, a repeated key). */
  startsNewBatch?: (line: NdjsonLine, batch: readonly NdjsonLine[]) => boolean;
}

/**
 * Streams an NDJSON input as bounded batches of non-blank lines. Only one batch is held at a time, and
 * readline's back-pressure pauses the stream while the consumer works on it, so memory stays flat
 * whatever the size of the input.
 */
export async function* ndjsonBatches(
  input: Readable,
  source: string,
  { batchSize, startsNewBatch }: NdjsonBatchOptions,
): AsyncGenerator<NdjsonLine[]> {
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new Error('batchSize must be a positive integer');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let batch: NdjsonLine[] = [];
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    const line = { source, lineNumber, text };
    if (batch.length > 0 && (batch.length >= batchSize || startsNewBatch?.(line, batch))) {
      yield batch;
      batch = [];
    }
    batch.push(line);
  }
  if (batch.length > 0) yield batch;
}
