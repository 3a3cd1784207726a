import { Kind } from 'graphql';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

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
export function selectedFieldNames(info: GraphQLResolveInfo, paths: string[][]): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) {
    for (const path of paths) collect(node.selectionSet, path, info, names);
  }
  return names;
}

function collect(
  set: SelectionSetNode | undefined,
  path: string[],
  info: GraphQLResolveInfo,
  into: Set<string>,
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (path.length === 0) into.add(selection.name.value);
      else if (selection.name.value === path[0]) collect(selection.selectionSet, path.slice(1), info, into);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, path, info, into);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, path, info, into);
    }
  }
}
