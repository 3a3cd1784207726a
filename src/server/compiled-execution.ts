import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLScalarType,
  GraphQLSchema,
  isInputObjectType,
  Kind,
  typeFromAST,
  visit,
} from 'graphql';
import type { DocumentNode, ExecutionResult, VariableDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { CompiledQuery } from 'graphql-jit';

import type { Context } from '../context/context.js';

type ApolloGateway = ApolloServerOptionsWithGateway<Context>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<ApolloGateway['load']>>['executor']>;
type ExecutionRequest = Parameters<GatewayExecutor>[0];

/**
 * Compiled execution of queries (graphql-jit) inside Apollo Server's request pipeline.
 *
 * graphql-js interprets a document anew for every request: for each field of each row it looks up the
 * field, coerces its arguments and wraps its value in promise bookkeeping, which on a page of a few
 * hundred rows with nested relations is a large share of the gateway's CPU. graphql-jit turns a
 * document into a JavaScript function once and runs that; the resolvers, the shield's rules and the
 * loaders are the same functions either way, so what a caller sees does not change.
 *
 * Apollo Server has one supported place to put another executor: the gateway interface, which hands it
 * every request after Apollo has parsed and validated the document and run the plugins' hooks. This is
 * that interface with a static schema.
 *
 * Variables are checked by graphql-js first, as before: its errors are the ones Apollo answers with
 * BAD_USER_INPUT. graphql-jit writes its own coercion inline, type by type, which never ends on the
 * self-referencing filter inputs (`and: [IssueFilter!]`); so the compiled copy of the document declares
 * its input-object variables with a scalar that passes values through (in a copy of the schema that
 * only adds that scalar) and gets graphql-js's coerced values for them. Scalar and enum variables keep
 * their types, which graphql-jit needs for `@include(if: $flag)`, and it coerces those itself.
 *
 * A document is compiled the second time it is seen: clients send the same few operations over and over,
 * and compiling costs far more than one interpreted run, so a stream of never-repeated documents stays
 * on graphql-js rather than paying a compilation each. Mutations always run on graphql-js: they are few
 * per request and their order of effects is what matters there, not speed.
 */
export interface CompiledExecutionOptions {
  /** Runs of a document on graphql-js before it is compiled (default 1). */
  interpretedRuns?: number;
}

interface Compiled {
  query: CompiledQuery | ExecutionResult;
  /** The variables the compiled document takes as graphql-js coerced them. */
  preCoerced: readonly string[];
}

interface DocumentEntry {
  runs: number;
  compiled: Map<string, Compiled>;
}

export function compiledExecutionGateway(
  schema: GraphQLSchema,
  { interpretedRuns = 1 }: CompiledExecutionOptions = {},
): ApolloGateway {
  // Apollo keeps parsed documents in its own bounded store and hands the same object for the same text,
  // so entries live exactly as long as Apollo keeps the document.
  const documents = new WeakMap<DocumentNode, DocumentEntry>();
  const config = schema.toConfig();
  const compilationSchema = new GraphQLSchema({ ...config, types: [...config.types, PRE_COERCED] });

  const interpreted = (request: ExecutionRequest) =>
    execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.request.variables,
      operationName: request.operationName,
    });

  const executor: GatewayExecutor = async (request) => {
    if (request.operation.operation !== 'query') return interpreted(request);
    let entry = documents.get(request.document);
    if (!entry) {
      entry = { runs: 0, compiled: new Map() };
      documents.set(request.document, entry);
    }
    if (entry.runs < interpretedRuns) {
      entry.runs++;
      return interpreted(request);
    }
    const variables = getVariableValues(
      schema,
      request.operation.variableDefinitions ?? [],
      request.request.variables ?? {},
    );
    if (variables.errors) return { errors: variables.errors };
    const operationName = request.operationName ?? '';
    let compiled = entry.compiled.get(operationName);
    if (!compiled) {
      const { document, preCoerced } = withPreCoercedVariables(schema, request.document);
      const query = compileQuery(compilationSchema, document, request.operationName ?? undefined);
      compiled = { query, preCoerced };
      entry.compiled.set(operationName, compiled);
    }
    if (!isCompiledQuery(compiled.query)) return compiled.query;
    const values: Record<string, unknown> = { ...request.request.variables };
    for (const name of compiled.preCoerced) {
      if (name in variables.coerced) values[name] = variables.coerced[name];
    }
    const result = await compiled.query.query(undefined, request.context, values);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}

/**
 * graphql-jit's errors imitate graphql-js's but leave `extensions` undefined when the resolver's error
 * had none, where graphql-js (and Apollo's error formatting after it) expects an object: as they are, a
 * failed field would lose its path and locations in the response. The same error, as graphql-js makes it.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions ?? {},
  });
  (rebuilt as { locations: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

/** The type of every variable in a compiled document: values arrive coerced already. */
const PRE_COERCED = new GraphQLScalarType({
  name: 'PulsePreCoercedVariable',
  parseValue: (value) => value,
  serialize: (value) => value,
});

function withPreCoercedVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
): { document: DocumentNode; preCoerced: string[] } {
  const preCoerced: string[] = [];
  const retyped = visit(document, {
    VariableDefinition: (definition): VariableDefinitionNode | undefined => {
      const type = typeFromAST(schema, definition.type);
      if (!type || !isInputObjectType(getNamedType(type))) return undefined;
      preCoerced.push(definition.variable.name.value);
      return {
        ...definition,
        type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: PRE_COERCED.name } },
        defaultValue: undefined,
      };
    },
  });
  return { document: retyped, preCoerced };
}
