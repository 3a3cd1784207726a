import { Kind } from 'graphql';
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the current field's selection reaches `path` (e.g. `['totalCount']`, `['embedding']`),
 * through fragments. Used to read opt-in columns and counts only when the query asks for them.
 */
export function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  return selectedFieldNames(info, [path.slice(0, -1)]).has(path.at(-1)!);
}

/**
 * Names of the fields selected at the end of any of `paths` below the current field (e.g. the fields
 * of `nodes` and of `edges.node` on a connection), through fragments. An empty path means the current
 * field's own selection.
 */
export function selectedFieldNames(
  info: GraphQLResolveInfo,
  paths: string[][],
  fieldNodes: readonly FieldNode[] = info.fieldNodes,
): Set<string> {
  const names = new Set<string>();
  visitSelected(info, paths, fieldNodes, (field) => names.add(field.name.value));
  return names;
}

/**
 * The fields selected at the end of any of `paths` below `fieldNodes` (by default the current
 * field's), through fragments, by response key (the alias, or the name): the nodes of one key are the
 * one field graphql-js merges them into, and two keys may be one field with different arguments.
 */
export function selectedFields(
  info: GraphQLResolveInfo,
  paths: string[][],
  fieldNodes: readonly FieldNode[] = info.fieldNodes,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  visitSelected(info, paths, fieldNodes, (field) => {
    const key = field.alias?.value ?? field.name.value;
    const nodes = fields.get(key);
    if (nodes) nodes.push(field);
    else fields.set(key, [field]);
  });
  return fields;
}

function visitSelected(
  info: GraphQLResolveInfo,
  paths: string[][],
  fieldNodes: readonly FieldNode[],
  visit: (field: FieldNode) => void,
): void {
  for (const node of fieldNodes) {
    for (const path of paths) collect(node.selectionSet, path, info, visit);
  }
}

function collect(
  set: SelectionSetNode | undefined,
  path: string[],
  info: GraphQLResolveInfo,
  visit: (field: FieldNode) => void,
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (path.length === 0) visit(selection);
      else if (selection.name.value === path[0]) collect(selection.selectionSet, path.slice(1), info, visit);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, path, info, visit);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, path, info, visit);
    }
  }
}
