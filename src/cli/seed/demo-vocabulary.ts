/** Word lists the demo data is assembled from. Plain data only; the generators decide how to combine it. */

export const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Amara',
  'Bruno',
  'Chen',
  'Chiara',
  'Dario',
  'Elena',
  'Emeka',
  'Farah',
  'Grace',
  'Hugo',
  'Ines',
  'Ivan',
  'Jonas',
  'Kenji',
  'Lena',
  'Lucas',
  'Maya',
  'Mateo',
  'Nadia',
  'Noah',
  'Olga',
  'Omar',
  'Priya',
  'Rafael',
  'Sana',
  'Sofia',
  'Tariq',
  'Yara',
] as const;

export const LAST_NAMES = [
  'Almeida',
  'Becker',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Hansen',
  'Ibrahim',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Varga',
  'Wagner',
  'Xu',
  'Yilmaz',
  'Zhang',
] as const;

export interface ProjectTemplate {
  key: string;
  name: string;
  team: string;
  /** Parts of the product the project's issues talk about. */
  components: readonly string[];
}

/** Jira projects; a client gets 3 or 4 of them. Keys are unique per client only, like in Jira. */
export const PROJECT_TEMPLATES: readonly ProjectTemplate[] = [
  {
    key: 'PLAT',
    name: 'Platform',
    team: 'Team Atlas',
    components: ['auth service', 'rate limiter', 'event bus', 'job scheduler', 'feature flags', 'audit log'],
  },
  {
    key: 'MOB',
    name: 'Mobile App',
    team: 'Team Comet',
    components: ['login screen', 'push notifications', 'offline sync', 'onboarding flow', 'deep links'],
  },
  {
    key: 'WEB',
    name: 'Web Frontend',
    team: 'Team Nova',
    components: [
      'dashboard',
      'settings page',
      'search bar',
      'billing page',
      'navigation menu',
      'data tables',
    ],
  },
  {
    key: 'DATA',
    name: 'Data Pipeline',
    team: 'Team Delta',
    components: ['ETL pipeline', 'warehouse loader', 'metrics export', 'schema registry', 'backfill job'],
  },
  {
    key: 'API',
    name: 'Public API',
    team: 'Team Orbit',
    components: ['webhooks endpoint', 'pagination', 'GraphQL schema', 'API keys', 'OpenAPI spec'],
  },
  {
    key: 'OPS',
    name: 'Operations',
    team: 'Team Forge',
    components: ['CI pipeline', 'Terraform modules', 'alerting rules', 'log shipping', 'backup job'],
  },
];

export interface RepositoryTemplate {
  name: string;
  language: string;
  description: string;
}

export const REPOSITORY_TEMPLATES: readonly RepositoryTemplate[] = [
  { name: 'api', language: 'TypeScript', description: 'Core backend services and the public API' },
  { name: 'web-app', language: 'TypeScript', description: 'Customer-facing web application' },
  { name: 'mobile-app', language: 'Kotlin', description: 'Android and iOS clients' },
  { name: 'data-pipeline', language: 'Python', description: 'Ingestion, transformation and warehouse loads' },
  { name: 'infra', language: 'HCL', description: 'Terraform and deployment configuration' },
  { name: 'auth-service', language: 'Go', description: 'Authentication and session management' },
  { name: 'design-system', language: 'TypeScript', description: 'Shared UI components' },
  {
    name: 'billing-service',
    language: 'Go',
    description: 'Plans, invoices and payment provider integration',
  },
];

export const EPIC_THEMES = [
  'Checkout redesign',
  'Onboarding revamp',
  'Observability improvements',
  'Performance push',
  'Self-service admin',
  'Accessibility compliance',
  'Multi-region readiness',
  'Reporting v2',
  'Security hardening',
  'Mobile parity',
  'Data quality program',
  'Developer experience',
] as const;

export const STORY_VERBS = ['Implement', 'Add', 'Support', 'Build', 'Introduce'] as const;
export const STORY_FEATURES = [
  'CSV export',
  'bulk editing',
  'saved filters',
  'dark mode',
  'SSO login',
  'audit trail',
  'usage dashboard',
  'email digests',
  'role-based access',
  'inline editing',
  'webhook retries',
  'keyboard shortcuts',
  'team invitations',
  'custom fields',
  'activity feed',
] as const;

export const TASK_VERBS = ['Refactor', 'Upgrade', 'Document', 'Clean up', 'Migrate', 'Automate'] as const;

export const BUG_SYMPTOMS = [
  'crash on empty input',
  'timeout under load',
  'wrong totals after filtering',
  'stale data after refresh',
  'broken layout on small screens',
  'duplicate notifications',
  'memory leak',
  'race condition on save',
  'incorrect timezone handling',
  '500 error on invalid token',
] as const;

export const SUBTASK_TEMPLATES = [
  'Write unit tests',
  'Update API docs',
  'Add metrics and alerts',
  'QA sign-off',
  'Code review follow-ups',
  'Add feature flag',
  'Update changelog',
] as const;

export const PERSONAS = [
  'team admin',
  'engineering manager',
  'developer',
  'new user',
  'support agent',
] as const;
export const BENEFITS = [
  'I can finish my work faster',
  'fewer tickets reach support',
  'the data stays trustworthy',
  'we meet the compliance requirements',
  'I do not have to ask an admin',
] as const;

export const LABELS = [
  'backend',
  'frontend',
  'tech-debt',
  'performance',
  'security',
  'ux',
  'customer-request',
  'regression',
  'infra',
  'quick-win',
] as const;

export const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  'PulseMobile/3.4.1 (iPhone; iOS 17.5)',
] as const;

export const REVIEW_BODIES: Record<'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED', readonly string[]> = {
  APPROVED: [
    'LGTM',
    'Looks good, ship it.',
    'Approved with one nit, fine to merge.',
    'Nice cleanup, thanks!',
  ],
  CHANGES_REQUESTED: [
    'Please add tests for the error path.',
    'This needs a migration for existing rows.',
    'The query is missing the tenant filter.',
    'Can we avoid the N+1 here?',
  ],
  COMMENTED: [
    'A couple of questions inline.',
    'Left some suggestions, non-blocking.',
    'Have you checked this on mobile?',
  ],
};

export const COMMENT_BODIES = [
  'Could this be extracted into a helper?',
  'Nit: naming.',
  'Is this covered by a test?',
  'We should log this at warn level.',
  'Good catch.',
  'Consider handling the empty case here.',
  'This will need a follow-up ticket.',
] as const;

export const CODE_PATHS = [
  'src/server/routes.ts',
  'src/services/billing.ts',
  'src/components/Table.tsx',
  'src/jobs/sync.py',
  'internal/auth/session.go',
  'app/src/main/kotlin/SyncWorker.kt',
  'modules/network/main.tf',
  'src/hooks/useFilters.ts',
] as const;

export const COMMIT_VERBS = ['feat', 'fix', 'refactor', 'test', 'chore', 'docs'] as const;
