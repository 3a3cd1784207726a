import { iso, REFERENCE_NOW } from './demo-clock.js';
import type { SeedContext } from './seed-context.js';

type Tier = 'elite' | 'high' | 'medium' | 'low';
type Metric = 'deployment_frequency' | 'lead_time_for_changes' | 'change_failure_rate' | 'time_to_restore';

const METRIC_UNITS: Record<Metric, string> = {
  deployment_frequency: 'frequency',
  lead_time_for_changes: 'duration',
  change_failure_rate: 'percent',
  time_to_restore: 'duration',
};

/** Values as the State of DevOps reports publish them (text, not numbers). */
const BENCHMARKS: Record<number, Record<Tier, Record<Metric, string>>> = {
  2023: {
    elite: {
      deployment_frequency: 'On demand',
      lead_time_for_changes: '< 1 day',
      change_failure_rate: '5%',
      time_to_restore: '< 1 hour',
    },
    high: {
      deployment_frequency: 'Daily to weekly',
      lead_time_for_changes: '1 day - 1 week',
      change_failure_rate: '10%',
      time_to_restore: '< 1 day',
    },
    medium: {
      deployment_frequency: 'Weekly to monthly',
      lead_time_for_changes: '1 week - 1 month',
      change_failure_rate: '15%',
      time_to_restore: '1 day - 1 week',
    },
    low: {
      deployment_frequency: 'Weekly to monthly',
      lead_time_for_changes: '1 week - 1 month',
      change_failure_rate: '64%',
      time_to_restore: '1 month - 6 months',
    },
  },
  2024: {
    elite: {
      deployment_frequency: 'On demand',
      lead_time_for_changes: '< 1 day',
      change_failure_rate: '5%',
      time_to_restore: '< 1 hour',
    },
    high: {
      deployment_frequency: 'Daily to weekly',
      lead_time_for_changes: '1 day - 1 week',
      change_failure_rate: '20%',
      time_to_restore: '< 1 day',
    },
    medium: {
      deployment_frequency: 'Weekly to monthly',
      lead_time_for_changes: '1 week - 1 month',
      change_failure_rate: '10%',
      time_to_restore: '< 1 day',
    },
    low: {
      deployment_frequency: 'Monthly to 6-monthly',
      lead_time_for_changes: '1 month - 6 months',
      change_failure_rate: '40%',
      time_to_restore: '1 week - 1 month',
    },
  },
};

const INSIGHTS: Record<Metric, string> = {
  deployment_frequency:
    'Elite teams deploy on demand, several times a day; small batches make each change cheaper to review and safer to release.',
  lead_time_for_changes:
    'The gap between elite and low performers is widest in lead time: long queues for review and testing dominate it.',
  change_failure_rate:
    'A low change failure rate comes from fast feedback (automated tests, trunk-based development), not from releasing less.',
  time_to_restore:
    'Teams that restore service within an hour rely on good observability and the ability to roll back quickly.',
};

/**
 * The global DORA reference data (no client): benchmarks for 2023 and 2024 per tier and metric, and one
 * insight per year and metric. Rows already present are left alone (their unique keys say so).
 */
export async function seedDoraReferenceData(ctx: SeedContext): Promise<void> {
  const years = Object.keys(BENCHMARKS).map(Number);
  const metrics = Object.keys(METRIC_UNITS) as Metric[];
  await ctx.writer.insert(
    'dora_market_benchmarks',
    years.flatMap((year) =>
      (Object.keys(BENCHMARKS[year]) as Tier[]).flatMap((tier) =>
        metrics.map((metric) => ({
          report_year: year,
          report_source: 'Google DORA Report',
          performance_tier: tier,
          metric_name: metric,
          metric_value: BENCHMARKS[year][tier][metric],
          metric_unit: METRIC_UNITS[metric],
          created_at: iso(REFERENCE_NOW),
          embedding: ctx.embeddings.forRow('dora_market_benchmarks', `dora:${metric}`),
        })),
      ),
    ),
    { returning: ['id'], onConflictDoNothing: ['report_year', 'performance_tier', 'metric_name'] },
  );
  await ctx.writer.insert(
    'dora_metric_insights',
    years.flatMap((year) =>
      metrics.map((metric) => ({
        report_year: year,
        metric_name: metric,
        insight_text: `${year}: ${INSIGHTS[metric]}`,
        created_at: iso(REFERENCE_NOW),
        embedding: ctx.embeddings.forRow('dora_metric_insights', `dora:${metric}`),
      })),
    ),
    { returning: ['id'], onConflictDoNothing: ['report_year', 'metric_name'] },
  );
}
