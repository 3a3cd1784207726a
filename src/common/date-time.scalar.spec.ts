import { describe, expect, it } from '@jest/globals';
import { GraphQLDateTimeISO } from 'graphql-scalars';

import { DateTimeISO, isoText } from './date-time.scalar.js';

describe('DateTimeISO', () => {
  it('writes a date exactly as toISOString does, across years, months, days and milliseconds', () => {
    const instants = [
      Date.UTC(1000, 0, 1, 0, 0, 0, 0),
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2024, 1, 29, 12, 5, 9, 7),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(1, 0, 1),
      Date.UTC(999, 5, 6, 7, 8, 9, 10),
      Date.UTC(10000, 0, 1),
      -62198755200000,
    ];
    // And a spread of ordinary ones, a random walk of about 70 days per step.
    let instant = Date.UTC(1970, 0, 1);
    for (let i = 0; i < 2000; i++) instants.push((instant += 6_000_000_007 + i * 13));
    for (const time of instants) {
      const date = new Date(time);
      expect(isoText(date)).toBe(date.toISOString());
      expect(DateTimeISO.serialize(date)).toBe(GraphQLDateTimeISO.serialize(date));
    }
  });

  it('keeps graphql-scalars’ name, description, parsing and errors', () => {
    expect(DateTimeISO.name).toBe(GraphQLDateTimeISO.name);
    expect(DateTimeISO.description).toBe(GraphQLDateTimeISO.description);
    expect(DateTimeISO.parseValue('2024-02-29T12:05:09.007Z')).toEqual(
      GraphQLDateTimeISO.parseValue('2024-02-29T12:05:09.007Z'),
    );
    expect(DateTimeISO.serialize('2024-02-29T12:05:09.007Z')).toBe('2024-02-29T12:05:09.007Z');
    expect(() => DateTimeISO.serialize(new Date(Number.NaN))).toThrow(
      'DateTime cannot represent an invalid Date instance',
    );
    expect(() => DateTimeISO.parseValue('yesterday')).toThrow();
  });
});
