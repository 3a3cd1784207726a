import { Agent, request } from 'node:http';

import autocannon from 'autocannon';

import { responseFailure } from './graphql-response.js';
import type { Failure } from './graphql-response.js';

export interface HttpTarget {
  /** `http://127.0.0.1:<port>/graphql` */
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface SequentialOptions {
  warmupSeconds: number;
  /** Stop after this many measured requests... */
  maxSamples: number;
  /** ...or after this long, whichever comes first. */
  maxSeconds: number;
}

export interface SequentialResult {
  /** Milliseconds, one per successful measured request. */
  latencies: number[];
  requests: number;
  errors: number;
  firstFailure: Failure | null;
  seconds: number;
}

/** One POST over a keep-alive agent; the whole response body is read before it resolves. */
function post(agent: Agent, target: HttpTarget): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(target.url, { method: 'POST', agent, headers: target.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(target.body);
  });
}

/**
 * A single client sending one request after the other on one keep-alive connection: a warm-up (not
 * recorded), then up to `maxSamples` timed requests. Each response is checked (status, GraphQL errors)
 * after its time is taken; a failed request is counted as an error, not as a latency sample.
 */
export async function measureSequential(
  target: HttpTarget,
  options: SequentialOptions,
): Promise<SequentialResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const result: SequentialResult = { latencies: [], requests: 0, errors: 0, firstFailure: null, seconds: 0 };
  const check = (status: number, body: string) => {
    const failure = responseFailure(status, body);
    if (failure) {
      result.errors++;
      result.firstFailure ??= failure;
    }
    return failure;
  };
  try {
    // An operation that fails on its first request is not worth warming up or measuring.
    const first = await post(agent, target);
    if (check(first.status, first.body)) return result;
    const warmupEnd = performance.now() + options.warmupSeconds * 1000;
    while (performance.now() < warmupEnd) await post(agent, target);

    const start = performance.now();
    const end = start + options.maxSeconds * 1000;
    while (result.requests < options.maxSamples && performance.now() < end) {
      const t0 = performance.now();
      const response = await post(agent, target);
      const elapsed = performance.now() - t0;
      result.requests++;
      if (!check(response.status, response.body)) result.latencies.push(elapsed);
    }
    result.seconds = (performance.now() - start) / 1000;
    return result;
  } finally {
    agent.destroy();
  }
}

export interface ThroughputOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface ThroughputResult {
  connections: number;
  seconds: number;
  /** Completed requests (any status) per second over the measured period. */
  rps: number;
  completed: number;
  /** Failed responses + socket errors and timeouts. */
  errors: number;
  /** Responses that were not 2xx or carried GraphQL `errors`. */
  failedResponses: number;
  socketErrors: number;
  timeouts: number;
  /** Latency under load, as autocannon measures it (ms). */
  latencyP50: number;
  latencyP99: number;
}

interface AutocannonRun {
  result: autocannon.Result;
  /** Responses that were not 2xx or carried GraphQL `errors`. */
  failedResponses: number;
}

function runAutocannon(target: HttpTarget, connections: number, seconds: number): Promise<AutocannonRun> {
  let failedResponses = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: target.url,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            headers: target.headers,
            body: target.body,
            // A substring test (not a JSON parse) keeps the load generator cheap.
            onResponse: (status, body) => {
              if (status < 200 || status > 299 || body.includes('"errors":')) failedResponses++;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, failedResponses })),
    );
  });
}

/**
 * Requests per second with `connections` keep-alive connections each sending its next request as soon
 * as the previous answer arrived (autocannon, HTTP/1.1, no pipelining), after a warm-up at the same load.
 */
export async function measureThroughput(
  target: HttpTarget,
  options: ThroughputOptions,
): Promise<ThroughputResult> {
  if (options.warmupSeconds > 0) await runAutocannon(target, options.connections, options.warmupSeconds);
  const { result, failedResponses } = await runAutocannon(target, options.connections, options.seconds);
  const completed = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    connections: options.connections,
    seconds: result.duration,
    rps: completed / result.duration,
    completed,
    errors: failedResponses + result.errors,
    failedResponses,
    socketErrors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
  };
}
