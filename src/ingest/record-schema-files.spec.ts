import 'reflect-metadata';

import { describe, expect, it } from '@jest/globals';

import { syncRecordSchemaFiles } from './record-schema-files.js';

describe('schema/import', () => {
  it('holds the JSON Schema of every record type, as the code writes it (npm run schema:import)', () => {
    expect(syncRecordSchemaFiles(process.cwd(), true)).toEqual([]);
  });
});
