import 'reflect-metadata';

import { describe, expect, it } from '@jest/globals';
import { IsIn } from 'class-validator';
import { GraphQLError } from 'graphql';

import { mutationInputType, validateInput } from './mutation-inputs.js';
import type { InputFieldSpec, MutationInput } from './mutation-inputs.js';

const FIELDS: InputFieldSpec[] = [
  { key: 'key', kind: 'string', requiredOnCreate: true, nullable: false, maxLength: 5 },
  { key: 'role', kind: 'string', requiredOnCreate: false, nullable: false, validators: [IsIn(['a', 'b'])] },
  { key: 'summary', kind: 'string', requiredOnCreate: false, nullable: true },
  { key: 'points', kind: 'int', requiredOnCreate: false, nullable: true },
  { key: 'ratio', kind: 'float', requiredOnCreate: false, nullable: true },
  { key: 'done', kind: 'boolean', requiredOnCreate: false, nullable: false },
  { key: 'due', kind: 'date', requiredOnCreate: false, nullable: true },
  { key: 'projectId', kind: 'int', requiredOnCreate: false, nullable: true, references: 'Project' },
];

const CreateInput = mutationInputType('SpecThingCreateInput', FIELDS, 'create', 'test');
const UpdateInput = mutationInputType('SpecThingUpdateInput', FIELDS, 'update', 'test');

/** The field and message of the BAD_USER_INPUT the input earns, or null when it is valid. */
async function problem(inputClass: typeof CreateInput, input: MutationInput) {
  try {
    await validateInput(inputClass, input);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { extensions, message } = error as GraphQLError;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return { field: extensions.field, message };
  }
}

describe('validateInput', () => {
  it('accepts a complete create input and a partial update', async () => {
    const full = {
      key: 'AB-1',
      role: 'a',
      summary: null,
      points: 3,
      ratio: 0.5,
      done: true,
      due: new Date(),
      projectId: 7,
    };
    expect(await problem(CreateInput, full)).toBeNull();
    expect(await problem(UpdateInput, { summary: 'only this' })).toBeNull();
    expect(await problem(UpdateInput, {})).toBeNull();
  });

  it.each([
    ['create', { role: 'a' }, 'key', 'key is required'],
    ['create', { key: 'TOO-LONG' }, 'key', 'key must be shorter than or equal to 5 characters'],
    ['create', { key: '' }, 'key', 'key should not be empty'],
    ['create', { key: 'A', role: 'c' }, 'role', 'role must be one of the following values: a, b'],
    ['create', { key: 'A', role: null }, 'role', 'role cannot be null'],
    [
      'create',
      { key: 'A', ratio: Number.POSITIVE_INFINITY },
      'ratio',
      'ratio must be a number conforming to the specified constraints',
    ],
    ['create', { key: 'A', points: 1.5 }, 'points', 'points must be an integer number'],
    ['update', { key: null }, 'key', 'key cannot be null'],
    ['update', { done: null }, 'done', 'done cannot be null'],
    ['update', { due: 'yesterday' }, 'due', 'due must be a Date instance'],
  ])('refuses in a %s input %j, naming %s', async (mode, input, field, message) => {
    expect(await problem(mode === 'create' ? CreateInput : UpdateInput, input)).toEqual({ field, message });
  });

  it('lets nullable fields be cleared with null', async () => {
    expect(
      await problem(UpdateInput, { summary: null, points: null, due: null, projectId: null }),
    ).toBeNull();
  });
});
