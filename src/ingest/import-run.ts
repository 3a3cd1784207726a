import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import type pg from 'pg';

import { createBulkProgress } from '../common/bulk/bulk-progress.js';
import type { BulkCounts } from '../common/bulk/bulk-progress.js';
import { ndjsonBatches } from '../common/bulk/ndjson-batches.js';
import { BatchBuilder, recordValidator } from './ingest-records.js';
import { IngestSession } from './ingest-session.js';
import type { RowStatus } from './ingest-session.js';
import type { RecordCheck } from './record-schema.js';
import { RECORD_TYPES, RECORD_TYPES_BY_NAME } from './record-types.js';
import type { RecordType } from './record-types.js';

/**
 * Records per batch and transaction: big enough that a batch's dozen statements (and the planning of
 * the wide upsert, tens of milliseconds) are noise next to its rows. Node holds no record of a batch in
 * memory (they are spooled), so the size does not weigh on memory.
 */
export const DEFAULT_IMPORT_BATCH_SIZE = 20_000;

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

/** One staged batch of one type, spooled: its COPY rows and, line by line, where each came from. */
interface SpooledBatch {
  copyFile: string;
  /** `source index \t line number \t original line` per row, in `ord` order: read back only for rejects. */
  originFile: string;
  count: number;
}

/** Lines read between progress updates. */
const READ_BATCH_LINES = 1000;

/** Bytes buffered per spool file before one write: a write per record would be a system call each. */
const SPOOL_FLUSH_BYTES = 1 << 20;

/** The spooled batches of one record type, and the one being written. */
class TypeSpool {
  readonly batches: SpooledBatch[] = [];
  readonly builder: BatchBuilder;
  private current: { batch: SpooledBatch; copy: WriteStream; origin: WriteStream } | null = null;
  private copyText = '';
  private originText = '';

  constructor(
    private readonly dir: string,
    private readonly type: RecordType,
    batchSize: number,
  ) {
    this.builder = new BatchBuilder(batchSize);
  }

  async add(check: Extract<RecordCheck, { ok: true }>, origin: string): Promise<void> {
    let ord = this.builder.place(check);
    if (ord === null) {
      await this.close();
      ord = this.builder.place(check)!;
    }
    if (!this.current) {
      const name = join(this.dir, `${this.type.name}.${this.batches.length}`);
      const batch = { copyFile: `${name}.copy`, originFile: `${name}.origin`, count: 0 };
      this.current = {
        batch,
        copy: createWriteStream(batch.copyFile),
        origin: createWriteStream(batch.originFile),
      };
    }
    this.copyText += `${ord}\t${check.record.fields}\n`;
    this.originText += `${origin}\n`;
    this.current.batch.count += 1;
    if (this.copyText.length + this.originText.length >= SPOOL_FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.current) return;
    await write(this.current.copy, this.copyText);
    await write(this.current.origin, this.originText);
    this.copyText = '';
    this.originText = '';
  }

  /** Ends the batch being written; the next record starts a new one. */
  async close(): Promise<void> {
    if (!this.current) return;
    await this.flush();
    await close(this.current.copy);
    await close(this.current.origin);
    this.batches.push(this.current.batch);
    this.current = null;
    this.builder.reset();
  }
}

/**
 * `pulse import`: loads NDJSON records for one client. Pass 1 reads the input once, checks every record
 * against its type's schema (rejecting what fails, with its line) and spools the rest by type, as the
 * COPY text of staging batches, so a file may list issues before their project and standard input
 * works too. Pass 2 loads each type in dependency order, batch by batch: the spooled text goes to COPY
 * as it is (nothing is parsed twice), then the references resolve and one insert ... on conflict
 * writes the batch, one transaction per batch. A killed run leaves only whole batches behind, and
 * running it again converges on the same state. With `dryRun` everything runs in one transaction that
 * is rolled back, so references between records of the run still resolve.
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
    // Pass 1: check and spool by type. Lines that are not valid records of a known type stop here.
    const spools = new Map<string, TypeSpool>();
    for (const [sourceIndex, source] of sources.entries()) {
      const input = source === '-' ? (options.stdin ?? process.stdin) : createReadStream(source);
      for await (const batch of ndjsonBatches(input, source, { batchSize: READ_BATCH_LINES })) {
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
          const check = recordValidator(type).check(parsed);
          if (!check.ok) {
            await reject({
              source,
              line: line.lineNumber,
              type: type.name,
              reason: check.reason,
              record: parsed,
            });
            continue;
          }
          let spool = spools.get(type.name);
          if (!spool) spools.set(type.name, (spool = new TypeSpool(spoolDir, type, batchSize)));
          await spool.add(check, `${sourceIndex}\t${line.lineNumber}\t${line.text}`);
        }
        progress.update(counts);
      }
    }
    for (const spool of spools.values()) await spool.close();

    // Pass 2: each type in dependency order, batch by batch.
    if (options.dryRun) await session.begin();
    for (const type of RECORD_TYPES) {
      const spool = spools.get(type.name);
      if (!spool) continue;
      for (const batch of spool.batches) {
        if (!options.dryRun) await session.begin();
        let outcomes;
        try {
          outcomes = await session.upsert(type, {
            count: batch.count,
            copyText: createReadStream(batch.copyFile),
          });
          if (!options.dryRun) await session.commit();
        } catch (error) {
          if (!options.dryRun) await session.rollback();
          throw error;
        }
        let origins: string[] | null = null;
        for (const [ord, outcome] of outcomes.entries()) {
          if (outcome.status !== 'rejected') {
            counts.applied += 1;
            byType[type.name]![outcome.status] += 1;
            continue;
          }
          // Only a batch with rejects reads back where its rows came from.
          origins ??= readFileSync(batch.originFile, 'utf8').split('\n');
          const origin = origins[ord]!;
          const firstTab = origin.indexOf('\t');
          const secondTab = origin.indexOf('\t', firstTab + 1);
          await reject({
            source: sources[Number(origin.slice(0, firstTab))]!,
            line: Number(origin.slice(firstTab + 1, secondTab)),
            type: type.name,
            reason: outcome.reason!,
            record: JSON.parse(origin.slice(secondTab + 1)) as unknown,
          });
        }
        rmSync(batch.copyFile, { force: true });
        rmSync(batch.originFile, { force: true });
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
