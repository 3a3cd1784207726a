import { describe, expect, it } from '@jest/globals';

import { embeddingProblem } from './embedding.type.js';
import { tenantCondition } from './tenant-filter.js';

describe('embeddingProblem', () => {
  it('accepts exactly 1536 finite numbers', () => {
    expect(embeddingProblem(new Array(1536).fill(0.25))).toBeNull();
  });

  it.each([
    ['a string', 'abc', 'embedding must be a list of numbers'],
    ['1537 numbers', new Array(1537).fill(0), 'embedding must have exactly 1536 numbers, got 1537'],
    ['a NaN', [...new Array(1535).fill(0), Number.NaN], 'embedding[1535] is not a finite number'],
    ['a string entry', ['1', ...new Array(1535).fill(0)], 'embedding[0] is not a finite number'],
  ])('explains %s', (_label, value, reason) => {
    expect(embeddingProblem(value)).toBe(reason);
  });
});

describe('tenantCondition', () => {
  it('builds the nested condition for the path to the owning client', () => {
    expect(tenantCondition('client')({ clientId: 4 })).toEqual({ client: 4 });
    expect(tenantCondition('project.client')({ clientId: 4 })).toEqual({ project: { client: 4 } });
  });

  it('fails closed on a missing or malformed client id', () => {
    expect(() => tenantCondition('client')({})).toThrow(/integer clientId/);
    expect(() => tenantCondition('client')({ clientId: '4' })).toThrow(/integer clientId/);
  });
});
