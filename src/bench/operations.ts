import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { GraphQLError, Kind, parse, print, visit } from 'graphql';
import type {
  ASTNode,
  DefinitionNode,
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
} from 'graphql';

/** One `schema/operations/*.graphql` file. */
export interface OperationSource {
  /** Path relative to the project root, for messages. */
  file: string;
  source: string;
}

export interface OperationVariable {
  name: string;
  /** The type as written: `Int`, `ID!`, `[String!]`. */
  type: string;
  /** Non-null and without a default value: a request without it fails. */
  required: boolean;
  hasDefault: boolean;
}

export interface BenchOperation {
  name: string;
  file: string;
  kind: 'query' | 'mutation' | 'subscription';
  /** The operation and every fragment it uses (transitively, from any file), ready to send. */
  document: string;
  variables: OperationVariable[];
  /** How many `embedding` fields the operation selects, in itself or in its fragments. */
  embeddingSelections: number;
}

export interface ParsedOperations {
  operations: BenchOperation[];
  /** What cannot be benchmarked: syntax errors, anonymous or duplicate operations, unknown fragments. */
  problems: string[];
}

/** Reads every `*.graphql` file of a folder, in name order. A missing folder has no operations. */
export async function loadOperationSources(
  directory: string,
  displayPrefix: string,
): Promise<OperationSource[]> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const files = names.filter((name) => name.endsWith('.graphql')).sort();
  return Promise.all(
    files.map(async (name) => ({
      file: `${displayPrefix}/${name}`,
      source: await readFile(join(directory, name), 'utf8'),
    })),
  );
}

/**
 * Splits operation files into named operations. Like codegen, fragments are global: an operation may
 * spread a fragment defined in another file. Each operation is sent with only the fragments it uses.
 */
export function parseOperationSources(sources: readonly OperationSource[]): ParsedOperations {
  const problems: string[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: { node: OperationDefinitionNode; file: string }[] = [];
  const seen = new Map<string, string>();

  for (const { file, source } of sources) {
    let document: DocumentNode;
    try {
      document = parse(source, { noLocation: true });
    } catch (error) {
      problems.push(`${file}: ${error instanceof GraphQLError ? error.message : String(error)}`);
      continue;
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const name = definition.name.value;
        if (fragments.has(name)) problems.push(`${file}: fragment ${name} is defined more than once`);
        else fragments.set(name, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        const name = definition.name?.value;
        if (!name) {
          problems.push(`${file}: anonymous ${definition.operation} (give it a name to benchmark it)`);
        } else if (seen.has(name)) {
          problems.push(`${file}: operation ${name} is already defined in ${seen.get(name)}`);
        } else {
          seen.set(name, file);
          operations.push({ node: definition, file });
        }
      }
    }
  }

  const result: BenchOperation[] = [];
  for (const { node, file } of operations) {
    const name = node.name!.value;
    const used = usedFragments(node, fragments);
    if (used.missing.length > 0) {
      problems.push(`${file}: operation ${name} uses unknown fragment(s) ${used.missing.join(', ')}`);
      continue;
    }
    const definitions: DefinitionNode[] = [node, ...used.fragments];
    result.push({
      name,
      file,
      kind: node.operation,
      document: print({ kind: Kind.DOCUMENT, definitions }),
      variables: (node.variableDefinitions ?? []).map((variable) => ({
        name: variable.variable.name.value,
        type: print(variable.type),
        required: variable.type.kind === Kind.NON_NULL_TYPE && !variable.defaultValue,
        hasDefault: Boolean(variable.defaultValue),
      })),
      embeddingSelections: definitions.reduce(
        (sum, definition) => sum + countFields(definition, 'embedding'),
        0,
      ),
    });
  }
  return { operations: result, problems };
}

/** The fragments an operation spreads, directly or through other fragments, in order of first use. */
function usedFragments(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): { fragments: FragmentDefinitionNode[]; missing: string[] } {
  const found: FragmentDefinitionNode[] = [];
  const missing: string[] = [];
  const visited = new Set<string>();
  const queue: ASTNode[] = [operation];
  while (queue.length > 0) {
    visit(queue.shift()!, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (visited.has(name)) return;
        visited.add(name);
        const fragment = fragments.get(name);
        if (!fragment) {
          missing.push(name);
          return;
        }
        found.push(fragment);
        queue.push(fragment);
      },
    });
  }
  return { fragments: found, missing };
}

function countFields(node: ASTNode, fieldName: string): number {
  let count = 0;
  visit(node, {
    Field(field) {
      if (field.name.value === fieldName) count++;
    },
  });
  return count;
}

/**
 * The same document without any selection of `fieldName`, to measure what selecting it costs. Null when
 * removing it would leave an empty selection set (the field was all that was selected somewhere).
 */
export function withoutField(document: string, fieldName: string): string | null {
  let empty = false;
  const stripped = visit(parse(document, { noLocation: true }), {
    Field(field) {
      return field.name.value === fieldName ? null : undefined;
    },
    SelectionSet: {
      leave(selectionSet) {
        if (selectionSet.selections.length === 0) empty = true;
      },
    },
  });
  return empty ? null : print(stripped);
}

/** How many `key` properties a JSON response holds, and how many of them are not null. */
export function countKeys(value: unknown, key: string): { total: number; nonNull: number } {
  const counts = { total: 0, nonNull: 0 };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [name, child] of Object.entries(node)) {
        if (name === key) {
          counts.total++;
          if (child !== null) counts.nonNull++;
        } else {
          walk(child);
        }
      }
    }
  };
  walk(value);
  return counts;
}
