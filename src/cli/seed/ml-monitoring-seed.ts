import { DAY, HOUR, MINUTE, REFERENCE_NOW, iso } from './demo-clock.js';
import type { JiraSetup } from './jira-setup-seed.js';
import type { SeedContext } from './seed-context.js';
import type { SqlRow } from './seed-writer.js';
import type { SeededRandom } from './seeded-random.js';
import type { SeededClient } from './tenant-seed.js';

const LEARNING_MEMORIES = 20;
const PREDICTIONS = 60;
const ANOMALY_ALERTS = 15;

/** Anomaly scores from this value up flag an anomaly; severity grows with the score. */
const ANOMALY_THRESHOLD = 0.75;
const CRITICAL_THRESHOLD = 0.9;

interface ModelDefinition {
  name: string;
  /** A plausible prediction and the features it was made from. */
  predict(random: SeededRandom, projectKey: string): { value: number; features: Record<string, unknown> };
}

const MODELS: readonly ModelDefinition[] = [
  {
    name: 'cycle_time_predictor',
    predict: (random, projectKey) => ({
      value: round(random.logUniform(4, 400), 1),
      features: {
        project: projectKey,
        story_points: random.pick([1, 2, 3, 5, 8]),
        open_reviews: random.int(0, 6),
      },
    }),
  },
  {
    name: 'story_point_estimator',
    predict: (random, projectKey) => ({
      value: random.pick([1, 2, 3, 5, 8, 13]),
      features: {
        project: projectKey,
        summary_tokens: random.int(4, 30),
        has_description: random.chance(0.8),
      },
    }),
  },
  {
    name: 'pr_merge_time_predictor',
    predict: (random, projectKey) => ({
      value: round(random.logUniform(0.5, 120), 1),
      features: { project: projectKey, additions: random.int(5, 1500), reviewers: random.int(1, 3) },
    }),
  },
  {
    name: 'defect_risk_classifier',
    predict: (random, projectKey) => ({
      value: round(random.next(), 3),
      features: {
        project: projectKey,
        changed_files: random.int(1, 60),
        touches_migrations: random.chance(0.2),
      },
    }),
  },
];

/** Learning memory, prediction log and anomaly alerts of one client, each in chronological order. */
export async function seedMlMonitoring(
  ctx: SeedContext,
  client: SeededClient,
  setup: JiraSetup,
): Promise<void> {
  const projectKeys = setup.projects.map((project) => project.key);
  await seedLearningMemory(ctx, client, projectKeys);
  await seedPredictions(ctx, client, projectKeys);
  await seedAnomalyAlerts(ctx, client, projectKeys);
}

const LEARNING_CASES: readonly { errorType: string; intent: string; issue: string; fix: string }[] = [
  {
    errorType: 'missing_tenant_filter',
    intent: 'Average cycle time of {project} last quarter',
    issue: 'The generated query read every client instead of the current one.',
    fix: 'Always filter on client_id of the viewer.',
  },
  {
    errorType: 'wrong_join',
    intent: 'Pull requests merged for {project} epics',
    issue: 'Joined pull_requests on issues.key instead of through jira_pull_request_links.',
    fix: 'Join links on (external_repo_id, pull_request_number).',
  },
  {
    errorType: 'ambiguous_metric',
    intent: 'Lead time trend for {project}',
    issue: 'Lead time was computed from first commit instead of issue creation.',
    fix: 'Use total_lead_time_seconds, which starts at issue creation.',
  },
  {
    errorType: 'sql_syntax',
    intent: 'Bugs per week in {project}',
    issue: 'date_trunc was called with the arguments swapped.',
    fix: "Write date_trunc('week', created).",
  },
  {
    errorType: 'timeout',
    intent: 'Similar issues to the latest {project} incident',
    issue: 'The similarity search scanned the table without the HNSW index.',
    fix: 'Order by embedding <=> the query vector with a LIMIT so the index is used.',
  },
];

async function seedLearningMemory(
  ctx: SeedContext,
  client: SeededClient,
  projectKeys: string[],
): Promise<void> {
  const random = ctx.random.fork('ai-learning-memory');
  const rows: SqlRow[] = chronological(random, LEARNING_MEMORIES, 90).map((createdAt) => {
    const learned = random.pick(LEARNING_CASES);
    const project = random.pick(projectKeys);
    const intent = learned.intent.replace('{project}', project);
    return {
      client_id: client.id,
      error_type: learned.errorType,
      user_intent: intent,
      failed_query: `select avg(total_cycle_time_seconds) from issues where project_id = ${random.int(1, 40)}`,
      specific_issue: learned.issue,
      suggested_fix: learned.fix,
      confidence: round(random.between(0.35, 0.99), 2),
      learning_context: JSON.stringify({
        project,
        model: random.pick(['gpt-4o', 'gpt-4o-mini', 'claude-sonnet']),
        attempts: random.int(1, 4),
        user_feedback: random.pick(['thumbs_down', 'corrected', 'none']),
      }),
      created_at: iso(createdAt),
      updated_at: iso(Math.min(createdAt + random.between(0, 5) * DAY, REFERENCE_NOW)),
    };
  });
  await ctx.writer.insert('ai_learning_memory', rows);
}

async function seedPredictions(ctx: SeedContext, client: SeededClient, projectKeys: string[]): Promise<void> {
  const random = ctx.random.fork('ml-prediction-log');
  const rows: SqlRow[] = chronological(random, PREDICTIONS, 30).map((createdAt) => {
    const model = random.pick(MODELS);
    const { value, features } = model.predict(random, random.pick(projectKeys));
    // Most predictions are unremarkable; the tail is anomalous.
    const anomalyScore = round(random.next() ** 2.5, 3);
    return {
      client_id: client.id,
      model_name: model.name,
      prediction_value: value,
      input_features: JSON.stringify(features),
      anomaly_score: anomalyScore,
      is_anomaly: anomalyScore >= ANOMALY_THRESHOLD,
      severity:
        anomalyScore >= CRITICAL_THRESHOLD
          ? 'critical'
          : anomalyScore >= ANOMALY_THRESHOLD
            ? 'warning'
            : 'normal',
      response_time_ms: Math.round(random.logUniform(8, 900)),
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
    };
  });
  await ctx.writer.insert('ml_prediction_log', rows);
}

async function seedAnomalyAlerts(
  ctx: SeedContext,
  client: SeededClient,
  projectKeys: string[],
): Promise<void> {
  const random = ctx.random.fork('ml-anomaly-alerts');
  const rows: SqlRow[] = chronological(random, ANOMALY_ALERTS, 45).map((createdAt) => {
    const model = random.pick(MODELS);
    const severity = random.weighted([
      ['low', 4],
      ['medium', 5],
      ['high', 3],
      ['critical', 1],
    ]);
    const expected = round(random.logUniform(5, 200), 1);
    const observed = round(expected * random.between(1.6, 4), 1);
    const project = random.pick(projectKeys);
    // Acknowledged alerts name the client's admin; acknowledging happens after the alert, before now.
    const acknowledgedAt = random.chance(0.4)
      ? Math.min(createdAt + random.logUniform(0.5, 72) * HOUR, REFERENCE_NOW - MINUTE)
      : null;
    return {
      client_id: client.id,
      model_name: model.name,
      severity,
      alert_data: JSON.stringify({
        metric: model.name.replace(/_(predictor|estimator|classifier)$/, ''),
        project,
        expected,
        observed,
        deviation: round(observed / expected, 2),
        message: `${project}: observed ${observed} against an expected ${expected}`,
      }),
      acknowledged: acknowledgedAt !== null,
      acknowledged_by: acknowledgedAt === null ? null : client.admin.id,
      acknowledged_at: acknowledgedAt === null ? null : iso(acknowledgedAt),
      created_at: iso(createdAt),
      updated_at: iso(acknowledgedAt ?? createdAt),
    };
  });
  await ctx.writer.insert('ml_anomaly_alerts', rows);
}

/** `count` instants within the last `days` days, oldest first, so ids follow time. */
function chronological(random: SeededRandom, count: number, days: number): number[] {
  return Array.from({ length: count }, () => REFERENCE_NOW - random.between(0.01, days) * DAY).sort(
    (a, b) => a - b,
  );
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
