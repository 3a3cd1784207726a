import {
  IsBoolean,
  IsDate,
  MaxDate,
  MinDate,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  validate,
} from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import type { ClassType } from 'type-graphql';

import { badUserInput } from '../errors.js';
import type { ColumnKind } from './table-model.js';
import { EARLIEST_DATE, LATEST_DATE } from './table-sql.js';

/**
 * The Create and Update input types of a table, derived from its columns: GraphQL types and nullability
 * from the column kind, class-validator constraints from the column (varchar length, number kind,
 * NOT NULL) plus whatever a module adds (enums, formats). Like the read side's filter and order types,
 * the classes are declared by calling the decorators in a loop.
 */

/** One field of a mutation input. */
export interface InputFieldSpec {
  /** GraphQL name, which is also the result-row key (`projectId`, `storyPoints`). */
  key: string;
  kind: Exclude<ColumnKind, 'json'>;
  /** Must be given on create (a non-null GraphQL type there). */
  requiredOnCreate: boolean;
  /** An explicit null is stored as null (otherwise null is refused; leaving the field out is not). */
  nullable: boolean;
  /** varchar length. */
  maxLength?: number;
  /** Set on a foreign key: the class name of the row it must point at. */
  references?: string;
  /** Extra class-validator decorators (enums, formats, ranges), applied after the derived ones. */
  validators?: PropertyDecorator[];
  description?: string;
}

export type InputMode = 'create' | 'update';

export type MutationInput = Record<string, unknown>;

const GRAPHQL_TYPES: Record<InputFieldSpec['kind'], () => unknown> = {
  int: () => Int,
  float: () => Float,
  string: () => String,
  boolean: () => Boolean,
  date: () => Date,
};

function kindValidators(spec: InputFieldSpec): PropertyDecorator[] {
  switch (spec.kind) {
    case 'int':
      return [IsInt()];
    case 'float':
      return [IsNumber({ allowNaN: false, allowInfinity: false })];
    case 'boolean':
      return [IsBoolean()];
    case 'date':
      return [
        IsDate(),
        MinDate(EARLIEST_DATE, { message: '$property must be on or after 0001-01-01' }),
        MaxDate(LATEST_DATE, { message: '$property must be on or before 9999-12-31' }),
      ];
    case 'string': {
      const validators = [IsString()];
      // A NOT NULL text column without a default is something the row cannot do without (a key, a name).
      if (spec.requiredOnCreate) validators.push(IsNotEmpty());
      if (spec.maxLength) validators.push(MaxLength(spec.maxLength));
      return validators;
    }
  }
}

/**
 * Whether the field is optional in this input, and what an explicit null means: nullable columns take
 * it (it clears the value), NOT NULL ones refuse it with the field named.
 */
function presenceValidators(spec: InputFieldSpec, mode: InputMode): PropertyDecorator[] {
  if (mode === 'create' && spec.requiredOnCreate) return [IsDefined({ message: '$property is required' })];
  if (spec.nullable) return [IsOptional()];
  return [
    ValidateIf((input: MutationInput) => input[spec.key] !== undefined),
    IsDefined({ message: '$property cannot be null' }),
  ];
}

/** A TypeGraphQL input class with the class-validator constraints of each field. */
export function mutationInputType(
  name: string,
  fields: InputFieldSpec[],
  mode: InputMode,
  description: string,
): ClassType {
  const cls = class {};
  Object.defineProperty(cls, 'name', { value: name });
  for (const spec of fields) {
    const required = mode === 'create' && spec.requiredOnCreate;
    Reflect.defineMetadata('design:type', Object, cls.prototype, spec.key);
    Field(GRAPHQL_TYPES[spec.kind] as never, { nullable: !required, description: spec.description })(
      cls.prototype,
      spec.key,
    );
    for (const decorate of [
      ...presenceValidators(spec, mode),
      ...kindValidators(spec),
      ...(spec.validators ?? []),
    ]) {
      decorate(cls.prototype, spec.key);
    }
  }
  InputType(name, { description })(cls);
  return cls;
}

/**
 * Validates an input (a TypeGraphQL-converted instance of its class) before anything touches the
 * database. The first broken constraint becomes BAD_USER_INPUT naming the field, in the message
 * (class-validator's messages start with the property) and in `extensions.field`.
 */
export async function validateInput(inputClass: ClassType, input: MutationInput): Promise<void> {
  const instance = input instanceof inputClass ? input : Object.assign(new inputClass(), input);
  const errors = await validate(instance as object, {
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
  });
  const [error] = errors;
  if (!error) return;
  const message = Object.values(error.constraints ?? {})[0] ?? `${error.property} is invalid`;
  throw badUserInput(message, error.property);
}

/** The fields of an input the caller actually sent (an explicit null counts; an omitted field does not). */
export function providedFields(input: MutationInput): [string, unknown][] {
  return Object.entries(input).filter(([, value]) => value !== undefined);
}
