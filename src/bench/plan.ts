import type { BenchOperation } from './operations.js';
import { DEFAULT_PAGE_SIZES } from './scenarios.js';
import type { Scenario, ScenarioContext, VariableLookup, Variables } from './scenarios.js';

/** One row of the results: an operation with one set of variables. */
export interface BenchCase {
  /** `Viewer`, or `IssueList (first: 500)` for a page-size variant. */
  label: string;
  operation: BenchOperation;
  /** The page size of a page-size variant, else null. */
  pageSize: number | null;
  variables: Variables;
  /** Why the case is not measured, or null. */
  skip: string | null;
  /** Things worth knowing about the variables (unset required ones, failed lookups). */
  notes: string[];
}

/** The page sizes an operation runs at: none (one plain run) unless it declares `$first`. */
export function pageSizesFor(operation: BenchOperation, scenario: Scenario | undefined): readonly number[] {
  if (!operation.variables.some((variable) => variable.name === 'first')) return [];
  return scenario?.pageSizes ?? DEFAULT_PAGE_SIZES;
}

/** Scenario keys that match no operation (yet): printed, so a typo does not go unnoticed. */
export function unusedScenarios(
  operations: readonly BenchOperation[],
  scenarios: Readonly<Record<string, Scenario>>,
): string[] {
  const names = new Set(operations.map((operation) => operation.name));
  return Object.keys(scenarios).filter((name) => !names.has(name));
}

/** Resolves every operation's variables (scenario, then lookups by variable name) into cases. */
export async function planCases(
  operations: readonly BenchOperation[],
  scenarios: Readonly<Record<string, Scenario>>,
  lookups: Readonly<Record<string, VariableLookup>>,
  ctx: ScenarioContext,
): Promise<BenchCase[]> {
  const cache = new Map<string, Promise<unknown>>();
  const lookup = (name: string, fn: VariableLookup) => {
    if (!cache.has(name)) cache.set(name, fn(ctx));
    return cache.get(name)!;
  };

  const cases: BenchCase[] = [];
  for (const operation of operations) {
    const scenario = Object.hasOwn(scenarios, operation.name) ? scenarios[operation.name] : undefined;
    const notes: string[] = [];
    let skip: string | null = scenario?.skip ?? null;
    if (!skip && operation.kind !== 'query') {
      skip = `${operation.kind}: not benchmarked (it would change the bench data)`;
    }

    let variables: Variables = {};
    if (!skip) {
      try {
        const given = scenario?.variables;
        variables = { ...(typeof given === 'function' ? await given(ctx) : given) };
      } catch (error) {
        notes.push(`scenario variables failed: ${message(error)}`);
      }
      for (const variable of operation.variables) {
        if (variables[variable.name] !== undefined || variable.hasDefault) continue;
        const fn = Object.hasOwn(lookups, variable.name) ? lookups[variable.name] : undefined;
        if (!fn) continue;
        try {
          const value = await lookup(variable.name, fn);
          if (value !== undefined && value !== null) variables[variable.name] = value;
        } catch (error) {
          notes.push(`lookup of $${variable.name} failed: ${message(error)}`);
        }
      }
      variables = declaredOnly(operation, variables);
      for (const variable of operation.variables) {
        if (variable.required && variables[variable.name] === undefined) {
          notes.push(`no value for required $${variable.name}: ${variable.type}; add a scenario`);
        }
      }
    }

    const sizes = skip ? [] : pageSizesFor(operation, scenario);
    if (sizes.length === 0) {
      cases.push({ label: operation.name, operation, pageSize: null, variables, skip, notes });
    } else {
      for (const size of sizes) {
        cases.push({
          label: `${operation.name} (first: ${size})`,
          operation,
          pageSize: size,
          variables: { ...variables, first: size },
          skip,
          notes: [...notes],
        });
      }
    }
  }
  return cases;
}

/** Only the variables the operation declares: a scenario may offer several names for one value. */
export function declaredOnly(operation: BenchOperation, variables: Variables): Variables {
  const declared = new Set(operation.variables.map((variable) => variable.name));
  return Object.fromEntries(
    Object.entries(variables).filter(([name, value]) => declared.has(name) && value !== undefined),
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
