import { DAY, LAST_SYNC_AT, iso } from './demo-clock.js';
import { PROJECT_TEMPLATES } from './demo-vocabulary.js';
import type { ProjectTemplate } from './demo-vocabulary.js';
import {
  HIERARCHY_LEVELS,
  ISSUE_TYPES,
  LEGACY_ISSUE_TYPE_MAPPINGS,
  LEGACY_STATUS_MAPPINGS,
  STATUSES,
  WORKFLOW_STEPS,
} from './jira-catalogue.js';
import type { IssueKind, StatusName, WorkflowStepDefinition, WorkflowStepName } from './jira-catalogue.js';
import { requireId, returnedId } from './seed-context.js';
import type { SeedContext } from './seed-context.js';
import type { SqlRow } from './seed-writer.js';
import type { SeededClient } from './tenant-seed.js';

export interface SeededProject {
  id: number;
  /** 0-based position among the client's projects. */
  index: number;
  key: string;
  template: ProjectTemplate;
  /** Label that makes the project's rows cluster together in embedding space. */
  topic: string;
}

/** Ids of the client's Jira configuration, by the names the issue generator uses. */
export interface JiraSetup {
  statusIds: ReadonlyMap<StatusName, number>;
  issuetypeIds: ReadonlyMap<IssueKind, number>;
  projects: SeededProject[];
}

/**
 * A client's Jira configuration: the issue-type hierarchy, mappings and types; the workflow, status
 * mappings and statuses; 3 or 4 projects and which types and statuses each uses.
 */
export async function seedJiraSetup(ctx: SeedContext, client: SeededClient): Promise<JiraSetup> {
  const issuetypeIds = await seedIssueTypes(ctx, client);
  const statusIds = await seedWorkflowAndStatuses(ctx, client);
  const projects = await seedProjects(ctx, client);
  await ctx.writer.insert(
    'projects_issuetypes',
    projects.flatMap((project) =>
      [...issuetypeIds.values()].map((issuetypeId) => ({
        project_id: project.id,
        issuetype_id: issuetypeId,
        embedding: ctx.embeddings.forRow('projects_issuetypes', project.topic),
      })),
    ),
  );
  await ctx.writer.insert(
    'projects_statuses',
    projects.flatMap((project) =>
      [...statusIds.values()].map((statusId) => ({
        project_id: project.id,
        status_id: statusId,
        embedding: ctx.embeddings.forRow('projects_statuses', project.topic),
      })),
    ),
  );
  return { statusIds, issuetypeIds, projects };
}

/** Columns every configuration row shares. */
function configurationColumns(client: SeededClient): SqlRow {
  return {
    client_id: client.id,
    integration_id: client.jiraIntegrationId,
    created_at: iso(LAST_SYNC_AT - 180 * DAY),
    last_updated_at: iso(LAST_SYNC_AT),
  };
}

async function seedIssueTypes(ctx: SeedContext, client: SeededClient): Promise<Map<IssueKind, number>> {
  const { writer, embeddings } = ctx;
  const hierarchies = await writer.insert(
    'issuetype_hierarchies',
    HIERARCHY_LEVELS.map((level) => ({
      ...configurationColumns(client),
      level_name: level.name,
      level_number: level.level,
      description: level.description,
      embedding: embeddings.forRow('issuetype_hierarchies', `hierarchy:${level.level}`),
    })),
    { returning: ['id', 'level_number'] },
  );
  const hierarchyIdByLevel = new Map(
    hierarchies.map((row) => [returnedId(row, 'level_number'), returnedId(row)]),
  );
  const levelOf = (kind: IssueKind) => ISSUE_TYPES.find((type) => type.kind === kind)?.level ?? 0;

  const mappingSources = [
    ...ISSUE_TYPES.map((type) => ({ from: type.kind as string, to: type.kind })),
    ...LEGACY_ISSUE_TYPE_MAPPINGS,
  ];
  const mappings = await writer.insert(
    'issuetype_mappings',
    mappingSources.map((mapping) => ({
      ...configurationColumns(client),
      issuetype_from: mapping.from,
      issuetype_to: mapping.to,
      issuetype_hierarchy_id: requireId(hierarchyIdByLevel, levelOf(mapping.to)),
      embedding: embeddings.forRow('issuetype_mappings', `issuetype:${mapping.to}`),
    })),
    { returning: ['id', 'issuetype_from'] },
  );
  const mappingIdByName = new Map(mappings.map((row) => [String(row.issuetype_from), returnedId(row)]));

  const issuetypes = await writer.insert(
    'issuetypes',
    ISSUE_TYPES.map((type) => ({
      ...configurationColumns(client),
      external_id: type.externalId,
      original_name: type.kind,
      issuetype_mapping_id: requireId(mappingIdByName, type.kind),
      description: type.description,
      hierarchy_level: type.level,
      embedding: embeddings.forRow('issuetypes', `issuetype:${type.kind}`),
    })),
    { returning: ['id', 'original_name'] },
  );
  return new Map(issuetypes.map((row) => [String(row.original_name) as IssueKind, returnedId(row)]));
}

async function seedWorkflowAndStatuses(
  ctx: SeedContext,
  client: SeededClient,
): Promise<Map<StatusName, number>> {
  const { writer, embeddings, random } = ctx;
  // Each client drops some optional steps: workflows of 4 to 6 steps.
  const steps = WORKFLOW_STEPS.filter((step) => !step.optional || random.chance(0.6));
  const workflows = await writer.insert(
    'workflows',
    steps.map((step, i) => ({
      ...configurationColumns(client),
      step_name: step.name,
      step_number: i + 1,
      step_category: step.category,
      is_commitment_point: step.commitmentPoint,
      embedding: embeddings.forRow('workflows', `workflow:${step.name}`),
    })),
    { returning: ['id', 'step_name'] },
  );
  const workflowIdByStep = new Map(
    workflows.map((row) => [String(row.step_name) as WorkflowStepName, returnedId(row)]),
  );
  const stepFor = (name: WorkflowStepName): WorkflowStepDefinition => {
    const step = WORKFLOW_STEPS.find((candidate) => candidate.name === name);
    if (!step) throw new Error(`Unknown workflow step ${name}`);
    return workflowIdByStep.has(name) || !step.fallback ? step : stepFor(step.fallback);
  };

  const mappingSources = [
    ...STATUSES.map((status) => ({ from: status.name as string, step: status.step })),
    ...LEGACY_STATUS_MAPPINGS,
  ];
  const mappings = await writer.insert(
    'status_mappings',
    mappingSources.map((mapping) => {
      const step = stepFor(mapping.step);
      return {
        ...configurationColumns(client),
        status_from: mapping.from,
        status_to: step.name,
        status_category: step.category,
        workflow_id: requireId(workflowIdByStep, step.name),
        embedding: embeddings.forRow('status_mappings', `workflow:${step.name}`),
      };
    }),
    { returning: ['id', 'status_from'] },
  );
  const mappingIdByStatus = new Map(mappings.map((row) => [String(row.status_from), returnedId(row)]));

  const statuses = await writer.insert(
    'statuses',
    STATUSES.map((status) => ({
      ...configurationColumns(client),
      external_id: status.externalId,
      original_name: status.name,
      status_mapping_id: requireId(mappingIdByStatus, status.name),
      category: status.category,
      description: status.description,
      embedding: embeddings.forRow('statuses', `workflow:${stepFor(status.step).name}`),
    })),
    { returning: ['id', 'original_name'] },
  );
  return new Map(statuses.map((row) => [String(row.original_name) as StatusName, returnedId(row)]));
}

async function seedProjects(ctx: SeedContext, client: SeededClient): Promise<SeededProject[]> {
  const { writer, embeddings, random } = ctx;
  const templates = random.sample(PROJECT_TEMPLATES, random.int(3, 4));
  const topicOf = (template: ProjectTemplate) => `project:${client.identity.slug}:${template.key}`;
  const returned = await writer.insert(
    'projects',
    templates.map((template, i) => ({
      ...configurationColumns(client),
      external_id: String(10_000 + client.identity.index * 100 + i),
      key: template.key,
      name: template.name,
      project_type: 'software',
      embedding: embeddings.forRow('projects', topicOf(template)),
    })),
    { returning: ['id', 'key'] },
  );
  const idByKey = new Map(returned.map((row) => [String(row.key), returnedId(row)]));
  return templates.map((template, index) => ({
    id: requireId(idByKey, template.key),
    index,
    key: template.key,
    template,
    topic: topicOf(template),
  }));
}
