import { Readable } from 'node:stream';

import { describe, expect, it } from '@jest/globals';

import { ndjsonBatches } from './ndjson-batches.js';

const collect = async (text: string, batchSize: number) => {
  const batches = [];
  for await (const batch of ndjsonBatches(Readable.from([text]), 'in.ndjson', { batchSize }))
    batches.push(batch);
  return batches;
};

describe('ndjsonBatches', () => {
  it('yields bounded batches of non-blank lines with their 1-based line numbers', async () => {
    const batches = await collect('{"a":1}\n\n{"a":2}\r\n{"a":3}\n   \n{"a":4}', 2);
    expect(batches.map((batch) => batch.map((line) => [line.lineNumber, line.text]))).toEqual([
      [
        [1, '{"a":1}'],
        [3, '{"a":2}'],
      ],
      [
        [4, '{"a":3}'],
        [6, '{"a":4}'],
      ],
    ]);
    expect(batches[0]![0]!.source).toBe('in.ndjson');
  });

  it('ends a batch early when asked to', async () => {
    const batches = [];
    for await (const batch of ndjsonBatches(Readable.from(['a\nb\nSPLIT\nc\n']), '-', {
      batchSize: 10,
      startsNewBatch: (line) => line.text === 'SPLIT',
    }))
      batches.push(batch.map((line) => line.text));
    expect(batches).toEqual([
      ['a', 'b'],
      ['SPLIT', 'c'],
    ]);
  });

  it('yields nothing for an empty input and refuses a batch size of zero', async () => {
    expect(await collect('', 3)).toEqual([]);
    await expect(collect('x', 0)).rejects.toThrow('batchSize must be a positive integer');
  });
});
