/** Why a GraphQL response is a failure: the first error's code and message. */
export interface Failure {
  code: string;
  message: string;
}

/**
 * A response fails when it is not HTTP 200, is not JSON, or carries GraphQL `errors` (even next to
 * partial `data`). The code is the first error's `extensions.code`, else `HTTP_<status>` or `ERROR`.
 */
export function responseFailure(status: number, body: string): Failure | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { code: `HTTP_${status}`, message: `response is not JSON: ${body.slice(0, 200)}` };
  }
  const errors = (parsed as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0] as { message?: unknown; extensions?: { code?: unknown } } | null;
    const code = first?.extensions?.code;
    return {
      code: typeof code === 'string' ? code : status === 200 ? 'ERROR' : `HTTP_${status}`,
      message: typeof first?.message === 'string' ? first.message : JSON.stringify(first),
    };
  }
  if (status !== 200) return { code: `HTTP_${status}`, message: body.slice(0, 200) };
  if ((parsed as { data?: unknown } | null)?.data == null) {
    return { code: 'NO_DATA', message: 'response has neither data nor errors' };
  }
  return null;
}

/** The body of a GraphQL-over-HTTP request. */
export function requestBody(
  document: string,
  operationName: string,
  variables: Record<string, unknown>,
): string {
  return JSON.stringify({ query: document, operationName, variables });
}

/** Top-level fields of `data` that are null: a detail query that found nothing measures little. */
export function nullTopLevelFields(body: string): string[] {
  const data = (JSON.parse(body) as { data?: Record<string, unknown> | null }).data ?? {};
  return Object.entries(data)
    .filter(([, value]) => value === null)
    .map(([field]) => field);
}
