import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { recordJsonSchema } from './record-schema.js';
import { RECORD_TYPES } from './record-types.js';

/** Where the committed JSON Schemas of the import records live (one file per record type). */
export const RECORD_SCHEMA_DIR = join('schema', 'import');

export function recordSchemaFiles(): { path: string; text: string }[] {
  return RECORD_TYPES.map((type) => ({
    path: join(RECORD_SCHEMA_DIR, `${type.name}.schema.json`),
    text: `${JSON.stringify(recordJsonSchema(type), null, 2)}\n`,
  }));
}

/** Writes the files (`npm run schema:import`), or lists those that differ from the code when checking. */
export function syncRecordSchemaFiles(root: string, check: boolean): string[] {
  const stale: string[] = [];
  for (const file of recordSchemaFiles()) {
    const path = join(root, file.path);
    let current: string | null = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = null;
    }
    if (current === file.text) continue;
    stale.push(file.path);
    if (!check) writeFileSync(path, file.text);
  }
  return stale;
}
