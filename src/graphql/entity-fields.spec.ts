import 'reflect-metadata';

import { describe, expect, it } from '@jest/globals';
import { isObjectType } from 'graphql';

import { graphqlFieldNames } from '../common/table-api/table-model.js';
import { GATEWAY_MODULES } from '../modules/index.js';
import { buildUnguardedSchema } from './build-schema.js';

describe('the entity files', () => {
  it('declare every field of their GraphQL types, relations and connections included', async () => {
    const { schema, tables } = await buildUnguardedSchema(GATEWAY_MODULES);
    const undeclared: string[] = [];
    for (const { entity, model } of tables.values()) {
      const type = schema.getType(model.className);
      if (!isObjectType(type)) throw new Error(`${model.className} is not an object type`);
      const declared = graphqlFieldNames(entity);
      for (const field of Object.keys(type.getFields())) {
        if (!declared.has(field)) undeclared.push(`${model.className}.${field}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
