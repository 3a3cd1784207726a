import { createReadStream, createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import type pg from 'pg';

import { createBulkProgress } from '../common/bulk/bulk-progress.js';
import type { BulkCounts } from '../common/bulk/bulk-progress.js';
import { ndjsonBatches } from '../common/bulk/ndjson-batches.js';
import { upsertRecords } from './ingest-records.js';
import { IngestSession } from './ingest-session.js';
import type { RowStatus } from './ingest-session.js';
import { RECORD_TYPES, RECORD_TYPES_BY_NAME } from './record-types.js';

/** Records per batch and transaction: big enough to amortize a batch's dozen statements. */
export const DEFAULT_IMPORT_BATCH_SIZE = 5000;

export interface ImportOptions {
  /** Files, folders (their `*.ndjson` files, sorted) or `-` for standard input. */
  inputs: string[];
  clientId: number;
  /** Where rejected records go, one JSON object a line. */
  rejectsFile: string;
  dryRun?: boolean;
  batchSize?: number;
  stdin?: Readable;
  /** Progress display; defaults to standard error. */
  progressStream?: NodeJS.WriteStream;
}

export type TypeCounts = Record<RowStatus, number>;

export interface ImportSummary {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  byType: Record<string, TypeCounts>;
  seconds: number;
  dryRun: boolean;
}

interface Reject {
  source: string;
  line: number;
  type: string | null;
  reason: string;
  record: unknown;
}

/** Children whose parent came in a later batch get their link here, once per run. */
async function linkAllParents(session: IngestSession, dryRun: boolean): Promise<void> {
  if (dryRun) {
    await session.linkIssueParents();
    return;
  }
  await session.begin();
  try {
    await session.linkIssueParents();
    await session.commit();
  } catch (error) {
    await session.rollback();
    throw error;
  }
}

/** The input files of a path: itself, or the `.ndjson` files of a folder in name order. */
export function expandInputs(inputs: readonly string[]): string[] {
  return inputs.flatMap((input) => {
    if (input === '-') return ['-'];
    if (!statSync(input).isDirectory()) return [input];
    return readdirSync(input)
      .filter((name) => name.endsWith('.ndjson') || name.endsWith('.jsonl'))
      .sort()
      .map((name) => join(input, name));
  });
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'close');
}

/**
 * `pulse import`: loads NDJSON records for one client. The input is read once and split by record
 * type into spool files (so a file may list issues before their project, and standard input works
 * too), then each type is loaded in dependency order, in batches: staged with COPY and upserted by
 * natural key, one transaction per batch. A killed run leaves only whole batches behind, and running
 * it again converges on the same state. With `dryRun` everything runs in one transaction that is
 * rolled back, so references between records of the run still resolve.
 */
export async function runImport(connection: pg.ClientBase, options: ImportOptions): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE;
  const started = performance.now();
  const spoolDir = mkdtempSync(join(tmpdir(), 'pulse-import-'));
  const rejects = createWriteStream(options.rejectsFile, { encoding: 'utf8' });
  const byType: Record<string, TypeCounts> = {};
  const counts: BulkCounts = { read: 0, applied: 0, rejected: 0 };
  const progress = createBulkProgress({
    label: options.dryRun ? 'import (dry run)' : 'import',
    stream: options.progressStream,
  });
  const sources = expandInputs(options.inputs);
  const reject = async (entry: Reject) => {
    counts.rejected += 1;
    if (entry.type) byType[entry.type]!.rejected += 1;
    await write(rejects, `${JSON.stringify(entry)}\n`);
  };
  for (const type of RECORD_TYPES) byType[type.name] = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };

  const session = new IngestSession(connection, options.clientId);
  try {
    // Pass 1: split by type. Lines that are not JSON objects of a known type are rejected here.
    const spools = new Map<string, WriteStream>();
    for (const [sourceIndex, source] of sources.entries()) {
      const input = source === '-' ? (options.stdin ?? process.stdin) : createReadStream(source);
      for await (const batch of ndjsonBatches(input, source, { batchSize })) {
        for (const line of batch) {
          counts.read += 1;
          let parsed: unknown;
          try {
            parsed = JSON.parse(line.text);
          } catch {
            await reject({
              source,
              line: line.lineNumber,
              type: null,
              reason: 'schema: not valid JSON',
              record: line.text,
            });
            continue;
          }
          const typeName = (parsed as { type?: unknown } | null)?.type;
          const type = typeof typeName === 'string' ? RECORD_TYPES_BY_NAME.get(typeName) : undefined;
          if (!type || typeof parsed !== 'object' || Array.isArray(parsed)) {
            const reason =
              typeName === undefined
                ? 'schema: missing field type'
                : `schema: unknown type ${JSON.stringify(typeName)}`;
            await reject({ source, line: line.lineNumber, type: null, reason, record: parsed });
            continue;
          }
          let spool = spools.get(type.name);
          if (!spool)
            spools.set(type.name, (spool = createWriteStream(join(spoolDir, `${type.name}.spool`))));
          await write(spool, `${sourceIndex}\t${line.lineNumber}\t${line.text}\n`);
        }
        progress.update(counts);
      }
    }
    for (const spool of spools.values()) await close(spool);

    // Pass 2: each type in dependency order, batch by batch.
    if (options.dryRun) await session.begin();
    for (const type of RECORD_TYPES) {
      if (!spools.has(type.name)) continue;
      const spoolFile = join(spoolDir, `${type.name}.spool`);
      for await (const batch of ndjsonBatches(createReadStream(spoolFile), spoolFile, { batchSize })) {
        const lines = batch.map((spooled) => {
          const firstTab = spooled.text.indexOf('\t');
          const secondTab = spooled.text.indexOf('\t', firstTab + 1);
          return {
            source: sources[Number(spooled.text.slice(0, firstTab))]!,
            line: Number(spooled.text.slice(firstTab + 1, secondTab)),
            record: JSON.parse(spooled.text.slice(secondTab + 1)) as unknown,
          };
        });
        if (!options.dryRun) await session.begin();
        let outcomes;
        try {
          outcomes = await upsertRecords(
            session,
            type,
            lines.map((line) => line.record),
          );
          if (!options.dryRun) await session.commit();
        } catch (error) {
          if (!options.dryRun) await session.rollback();
          throw error;
        }
        for (const [index, outcome] of outcomes.entries()) {
          const line = lines[index]!;
          if (outcome.status === 'rejected') {
            await reject({
              source: line.source,
              line: line.line,
              type: type.name,
              reason: outcome.reason!,
              record: line.record,
            });
          } else {
            counts.applied += 1;
            byType[type.name]![outcome.status] += 1;
          }
        }
        progress.update(counts);
      }
      if (type.name === 'issue') await linkAllParents(session, Boolean(options.dryRun));
    }
    if (options.dryRun) await session.rollback();
  } catch (error) {
    if (options.dryRun) await session.rollback().catch(() => undefined);
    throw error;
  } finally {
    progress.finish(counts);
    await close(rejects);
    rmSync(spoolDir, { recursive: true, force: true });
  }

  const total = (status: RowStatus) => Object.values(byType).reduce((sum, type) => sum + type[status], 0);
  return {
    read: counts.read,
    inserted: total('inserted'),
    updated: total('updated'),
    unchanged: total('unchanged'),
    rejected: counts.rejected,
    byType: Object.fromEntries(
      Object.entries(byType).filter(([, type]) => Object.values(type).some((n) => n > 0)),
    ),
    seconds: (performance.now() - started) / 1000,
    dryRun: Boolean(options.dryRun),
  };
}
