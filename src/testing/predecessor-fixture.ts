import type pg from 'pg';

import {
  PREDECESSOR_OPTIONAL_TABLES,
  PREDECESSOR_TABLES,
  predecessorSchemaStatements,
} from '../db/predecessor/predecessor-schema.js';
import { predecessorRowsQuery } from '../db/predecessor/predecessor-rows.js';
import type { PredecessorState } from '../db/predecessor/predecessor-rows.js';

export interface PredecessorFixtureOptions {
  /** Client organisations with data (one more, inactive and empty, is always added). */
  clients: number;
  issuesPerClient: number;
  /** Optional predecessor tables to create and fill; default: all of them. */
  optionalTables?: readonly string[];
}

/** Awkward but legal text: every kind of Unicode, empty strings, quotes, control characters. */
const AWKWARD_TEXT = `array[
  'plain text', '', 'Ünïcødé façade naïve', '日本語のテキストと漢字', 'עברית מימין לשמאל', 'العربية',
  '🚀 emoji 👩‍💻 family 👨‍👩‍👧‍👦', 'e' || chr(769) || ' combining accent', E'tab\\there\\nnew line\\r\\n',
  'quote '' and "double" and \`back\`', E'back\\\\slash', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕞𝕒𝕥𝕙', 'zero' || chr(8203) || 'width',
  '  leading and trailing  ', repeat('long ', 400)
]`;
const AWKWARD_COUNT = 15;

/**
 * Builds, in an empty database, what the predecessor backend-service would hold after months of use:
 * its schema (schema-reference sections 3-7, no vector extension, no embeddings, `timestamp` without
 * time zone, join tables without a key) and rows generated with set-based SQL: NULLs where defaults
 * exist, empty strings beside NULLs, every kind of Unicode, microsecond and edge-of-range timestamps,
 * inactive rows, by-value references that point at nothing (`parent_external_id`, links to
 * repositories never synced). Every row respects the rules the unified schema adds, so the database is
 * adoptable; tests break one rule at a time on top of it.
 *
 * Fast enough for 100,000 issues (the adoption benchmark uses it too).
 */
export async function buildPredecessorDatabase(
  client: pg.ClientBase,
  options: PredecessorFixtureOptions,
): Promise<void> {
  const optional = options.optionalTables ?? PREDECESSOR_OPTIONAL_TABLES;
  const has = (table: string) => optional.includes(table);
  await client.query('begin');
  try {
    for (const sql of predecessorSchemaStatements(optional)) await client.query(sql);
    for (const sql of fixtureRows(options.clients, options.issuesPerClient, has)) await client.query(sql);
    // Explicit ids were inserted: move every sequence past them, as the predecessor's inserts would have.
    for (const table of PREDECESSOR_TABLES) {
      if (!table.columns[0]!.startsWith('id ')) continue;
      if (table.kind !== 'core' && !has(table.name)) continue;
      await client.query(
        `select setval(pg_get_serial_sequence('${table.name}', 'id'), coalesce((select max(id) from ${table.name}), 0) + 1, false)`,
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  await client.query('analyze');
}

function fixtureRows(clients: number, issues: number, has: (table: string) => boolean): string[] {
  const C = clients;
  const N = issues;
  const PR = Math.max(1, Math.floor(N / 2));
  const text = (index: string) => `(${AWKWARD_TEXT})[1 + (${index}) % ${AWKWARD_COUNT}]`;
  // Timestamps with microseconds, plus the edges of the range the predecessor wrote.
  const at = (index: string, spread = '37 minutes 13.123457 seconds') =>
    `(case when (${index}) % 97 = 0 then timestamp '1970-01-01 00:00:00.000001' when (${index}) % 89 = 0 then timestamp '2099-12-31 23:59:59.999999' ` +
    `when (${index}) % 83 = 0 then timestamp '2024-02-29 23:59:59.999999' else timestamp '2023-01-01 00:00:00' + (${index}) * interval '${spread}' end)`;
  const clientSeries = `generate_series(1, ${C}) as c`;
  const statements = [
    // One client more than asked for: inactive, NULL website, no rows anywhere.
    `insert into clients (id, name, website, assets_folder, logo_filename, color_schema_mode, active, created_at, last_updated_at)
       select c, case when c = 1 then 'Acme Ünïcødé 株式会社' else 'Client ' || c || ' ' || ${text('c')} end,
              case when c % 3 = 0 then null when c % 3 = 1 then '' else 'https://client' || c || '.example' end,
              case when c % 2 = 0 then null else 'assets/' || c end,
              case when c % 2 = 0 then null else 'logo-' || c || '.png' end,
              case when c % 3 = 0 then null when c % 3 = 1 then 'default' else 'custom' end,
              c <= ${C}, ${at('c')}, ${at('c * 7')}
         from generate_series(1, ${C + 1}) as c`,
    `insert into users (id, email, first_name, last_name, role, is_admin, auth_provider, okta_user_id, password_hash,
                        theme_mode, high_contrast_mode, reduce_motion, colorblind_safe_palette, accessibility_level,
                        profile_image_filename, last_login_at, client_id, active, created_at, last_updated_at)
       select (c - 1) * 5 + u, case u when 1 then 'admin' when 2 then 'user' when 3 then 'viewer' else 'person' || u end || '@client' || c || '.example',
              case when u = 4 then null when u = 5 then '' else ${text('u + c')} end, case when u = 3 then null else 'Last ' || u end,
              case u when 1 then 'admin' when 3 then 'viewer' else 'user' end,
              case when u = 2 then null else u = 1 end, case when u = 5 then 'okta' else 'local' end,
              case when u = 5 then 'okta-' || c else null end,
              case when u = 5 then null else '$2b$12$predecessorhash' || c || u end,
              case when u = 4 then null else 'dark' end, case when u = 4 then null else false end, u = 2, false,
              case when u = 3 then 'AAA' else 'regular' end, null,
              case when u = 4 then null else ${at('c * 5 + u')} end,
              c, u <> 4, ${at('c * 5 + u')}, ${at('c * 11 + u')}
         from ${clientSeries}, generate_series(1, 5) as u`,
    `insert into user_sessions (user_id, token_hash, expires_at, ip_address, user_agent, client_id, active, created_at, last_updated_at)
       select (c - 1) * 5 + u, md5('session' || c || u || s), ${at('c + u + s')}, case when s = 1 then '::1' else '203.0.113.' || u end,
              ${text('c + u + s')}, c, s = 1, ${at('u + s')}, ${at('u + s + 1')}
         from ${clientSeries}, generate_series(1, 5) as u, generate_series(1, 2) as s order by 1, 2`,
    `insert into user_permissions (user_id, resource, action, granted, client_id, active, created_at, last_updated_at)
       select (c - 1) * 5 + u, (array['issues', 'projects', 'settings'])[p], (array['read', 'write', 'admin'])[p], p <> 3, c, true, ${at('u * p')}, ${at('u * p')}
         from ${clientSeries}, generate_series(1, 5) as u, generate_series(1, 3) as p order by 1, 2`,
    `insert into integrations (id, name, url, username, password, base_search, last_sync_at, client_id, active, created_at, last_updated_at)
       select (c - 1) * 2 + k, case k when 1 then 'Jira' else 'GitHub' end, 'https://integration' || k || '.example/' || c,
              case when k = 2 then null else 'bot@client' || c end, 'secret-token-' || md5(c::text || k),
              case when k = 1 then 'project in (P' || c || ')' else '' end, case when c % 2 = 0 then null else ${at('c + k')} end,
              c, true, ${at('c + k')}, ${at('c + k')}
         from ${clientSeries}, generate_series(1, 2) as k`,
    `insert into projects (id, external_id, key, name, project_type, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * 3 + p, case when p = 3 then null else '1000' || p end, 'P' || c || 'X' || p, ${text('p + c')} || ' project',
              case when p = 2 then '' else 'software' end, (c - 1) * 2 + 1, c, p <> 3, ${at('p')}, ${at('p + c')}
         from ${clientSeries}, generate_series(1, 3) as p`,
    `insert into workflows (id, step_name, step_number, step_category, is_commitment_point, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * 4 + w, (array['Backlog', 'In Progress', 'Review', 'Done'])[w], case when w = 4 then null else w end,
              (array['To Do', 'In Progress', 'In Progress', 'Done'])[w], w = 2, case when w = 1 then null else (c - 1) * 2 + 1 end,
              c, true, ${at('w')}, ${at('w')}
         from ${clientSeries}, generate_series(1, 4) as w`,
    `insert into status_mappings (id, status_from, status_to, status_category, workflow_id, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * 4 + s, (array['Open', 'Doing', 'Code Review ✓', 'Closed'])[s], (array['To Do', 'In Progress', 'Review', 'Done'])[s],
              (array['To Do', 'In Progress', 'In Progress', 'Done'])[s], (c - 1) * 4 + s, case when s = 4 then null else (c - 1) * 2 + 1 end,
              c, s <> 3, ${at('s')}, ${at('s')}
         from ${clientSeries}, generate_series(1, 4) as s`,
    `insert into issuetype_hierarchies (id, level_name, level_number, description, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * 3 + h, (array['Epic', 'Story', 'Sub-task'])[h], 3 - h, case when h = 2 then null else '' end,
              case when h = 3 then null else (c - 1) * 2 + 1 end, c, true, ${at('h')}, ${at('h')}
         from ${clientSeries}, generate_series(1, 3) as h`,
    `insert into issuetype_mappings (id, issuetype_from, issuetype_to, issuetype_hierarchy_id, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * 3 + h, (array['Epic', 'Story', 'Sub-task'])[h], (array['Epic', 'Story', 'Task'])[h], (c - 1) * 3 + h,
              (c - 1) * 2 + 1, c, true, ${at('h')}, ${at('h')}
         from ${clientSeries}, generate_series(1, 3) as h`,
    `insert into issuetypes (id, external_id, original_name, issuetype_mapping_id, description, hierarchy_level, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * 3 + h, '100' || h, (array['Epic', 'Story', 'Sub-task'])[h], case when h = 3 then null else (c - 1) * 3 + h end,
              ${text('h')}, case when h = 3 then 7 else 3 - h end, (c - 1) * 2 + 1, c, true, ${at('h')}, ${at('h')}
         from ${clientSeries}, generate_series(1, 3) as h`,
    `insert into statuses (id, external_id, original_name, status_mapping_id, category, description, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * 4 + s, case when s = 4 then null else '1' || s end, (array['Open', 'Doing', 'Code Review ✓', 'Closed'])[s],
              (c - 1) * 4 + s, (array['To Do', 'In Progress', 'In Progress', 'Done'])[s], null, (c - 1) * 2 + 1, c, true, ${at('s')}, ${at('s')}
         from ${clientSeries}, generate_series(1, 4) as s`,
    `insert into projects_issuetypes (project_id, issuetype_id)
       select (c - 1) * 3 + p, (c - 1) * 3 + h from ${clientSeries}, generate_series(1, 3) as p, generate_series(1, 3) as h`,
    `insert into projects_statuses (project_id, status_id)
       select (c - 1) * 3 + p, (c - 1) * 4 + s from ${clientSeries}, generate_series(1, 3) as p, generate_series(1, 4) as s`,
    `insert into issues (id, external_id, key, project_id, team, summary, issuetype_id, status_id, resolution, story_points, assignee, labels,
                         created, updated, work_first_committed_at, work_first_started_at, work_last_started_at, work_first_completed_at,
                         work_last_completed_at, priority, parent_external_id, code_changed, total_work_starts, total_completions,
                         total_backlog_returns, total_work_time_seconds, total_review_time_seconds, total_cycle_time_seconds,
                         total_lead_time_seconds, workflow_complexity_score, rework_indicator, direct_completion,
                         custom_field_01, custom_field_02, custom_field_03, custom_field_20, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * ${N} + i, case when i % 11 = 0 then null else '' || (20000 + i) end, 'P' || c || 'X' || (1 + i % 3) || '-' || i,
              case when i % 17 = 0 then null else (c - 1) * 3 + 1 + i % 3 end, case when i % 5 = 0 then '' when i % 5 = 1 then null else 'Team ' || (i % 4) end,
              case when i % 13 = 0 then null else ${text('i')} end, (c - 1) * 3 + 1 + i % 3, case when i % 19 = 0 then null else (c - 1) * 4 + 1 + i % 4 end,
              case when i % 4 = 3 then 'Done' when i % 4 = 2 then '' else null end, case when i % 7 = 0 then null else i % 13 end,
              case when i % 6 = 0 then null else 'Assignee ' || ${text('i + 3')} end, case when i % 3 = 0 then '' when i % 3 = 1 then null else 'backend,ünïcødé' end,
              ${at('i')}, ${at('i + 1')}, case when i % 2 = 0 then null else ${at('i + 2')} end, ${at('i + 3')}, ${at('i + 4')},
              case when i % 4 = 3 then ${at('i + 5')} else null end, null,
              case when i % 9 = 0 then null else (array['Highest', 'High', 'Medium', 'Low', ''])[1 + i % 5] end,
              case when i % 8 = 0 then 'EXT-NEVER-SYNCED-' || i when i % 8 = 1 then '' else null end,
              case when i % 3 = 0 then null else i % 2 = 0 end,
              case when i % 10 = 0 then null else i % 5 end, 0, case when i % 12 = 0 then null else 1 end,
              case when i % 10 = 0 then null else i * 1.5 end, 0.0, i * 60.000001, case when i % 14 = 0 then null else i * 3600.25 end,
              case when i % 10 = 0 then null else i % 7 end, case when i % 15 = 0 then null else i % 2 = 1 end, false,
              ${text('i + 7')}, case when i % 2 = 0 then '' else null end, '{"json": "as text", "n": ' || i || '}', 'last custom ' || i,
              (c - 1) * 2 + 1, c, i % 23 <> 0, ${at('i')}, ${at('i + 9')}
         from ${clientSeries}, generate_series(1, ${N}) as i`,
    `insert into issue_changelogs (issue_id, external_id, from_status_id, to_status_id, transition_start_date, transition_change_date,
                                   time_in_status_seconds, changed_by, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * ${N} + i, case when k = 1 then null else 'cl-' || i || '-' || k end,
              case when k = 1 then null else (c - 1) * 4 + 1 + (i + k) % 4 end, (c - 1) * 4 + 1 + (i + k + 1) % 4,
              ${at('i + k')}, ${at('i + k + 1')}, case when i % 5 = 0 then null else (i * k) * 0.000001 + k end,
              case when k = 2 then ${text('i')} else 'jira-bot' end, (c - 1) * 2 + 1, c, true, ${at('i + k')}, ${at('i + k')}
         from ${clientSeries}, generate_series(1, ${N}) as i, generate_series(1, 2) as k order by c, i, k`,
    `insert into repositories (id, external_id, name, full_name, description, url, is_private, repo_created_at, repo_updated_at, pushed_at,
                               language, default_branch, archived, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * 3 + r, 'R_' || c || r, 'repo-' || r, 'client' || c || '/repo-' || r, ${text('r')}, 'https://github.example/client' || c || '/repo-' || r,
              case when r = 3 then null else r = 1 end, ${at('r')}, ${at('r + 1')}, case when r = 2 then null else ${at('r + 2')} end,
              case when r = 3 then '' else 'TypeScript' end, 'main', case when r = 3 then null else false end, (c - 1) * 2 + 2, c, r <> 3, ${at('r')}, ${at('r')}
         from ${clientSeries}, generate_series(1, 3) as r`,
    `insert into pull_requests (id, external_id, external_repo_id, repository_id, issue_id, number, name, user_name, body, discussion_comment_count,
                                review_comment_count, source, destination, reviewers, status, url, pr_created_at, pr_updated_at, closed_at,
                                merged_at, merged_by, commit_count, additions, deletions, changed_files, first_review_at, rework_commit_count,
                                review_cycles, integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * ${PR} + n, 'PR_' || c || '_' || n, case when n % 10 = 0 then 'R_NEVER_SYNCED_' || n else 'R_' || c || (1 + n % 3) end,
              (c - 1) * 3 + 1 + n % 3, case when n % 4 = 0 then null else (c - 1) * ${N} + n * 2 end, n, ${text('n')}, 'dev' || (n % 7),
              case when n % 3 = 0 then null when n % 3 = 1 then '' else ${text('n + 5')} end, n % 4, case when n % 6 = 0 then null else n % 3 end,
              'feature/' || n, 'main', n % 3, (array['open', 'merged', 'closed'])[1 + n % 3], 'https://github.example/pr/' || n,
              ${at('n')}, ${at('n + 1')}, case when n % 3 = 0 then null else ${at('n + 2')} end, case when n % 3 = 1 then ${at('n + 3')} else null end,
              case when n % 3 = 1 then 'maintainer' else null end, 1 + n % 5, n * 3, n, 1 + n % 9, case when n % 2 = 0 then null else ${at('n + 4')} end,
              n % 2, case when n % 8 = 0 then null else n % 4 end, (c - 1) * 2 + 2, c, n % 29 <> 0, ${at('n')}, ${at('n')}
         from ${clientSeries}, generate_series(1, ${PR}) as n`,
    `insert into pull_request_reviews (external_id, pull_request_id, author_login, state, body, submitted_at, integration_id, client_id, active, created_at, last_updated_at)
       select 'RV_' || c || '_' || n, (c - 1) * ${PR} + n, 'reviewer' || (n % 5), (array['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED'])[1 + n % 3],
              case when n % 2 = 0 then '' else ${text('n + 1')} end, ${at('n + 5')}, (c - 1) * 2 + 2, c, true, ${at('n')}, ${at('n')}
         from ${clientSeries}, generate_series(1, ${PR}) as n`,
    `insert into pull_request_commits (external_id, pull_request_id, author_name, author_email, committer_name, committer_email, message,
                                       authored_date, committed_date, integration_id, client_id, active, created_at, last_updated_at)
       select md5(c::text || n || k), (c - 1) * ${PR} + n, ${text('n + k')}, 'dev' || n % 7 || '@example.com', case when k = 2 then null else 'GitHub' end,
              case when k = 2 then '' else 'noreply@github.example' end, ${text('n * k')}, ${at('n + k')}, ${at('n + k + 1')},
              (c - 1) * 2 + 2, c, true, ${at('n')}, ${at('n')}
         from ${clientSeries}, generate_series(1, ${PR}) as n, generate_series(1, 2) as k order by c, n, k`,
    `insert into pull_request_comments (external_id, pull_request_id, author_login, body, comment_type, path, position, line,
                                        created_at_github, updated_at_github, integration_id, client_id, active, created_at, last_updated_at)
       select 'CM_' || c || '_' || n, (c - 1) * ${PR} + n, 'commenter' || n % 3, ${text('n + 2')}, case when n % 2 = 0 then 'review' else 'issue' end,
              case when n % 2 = 0 then 'src/ünï/' || n || '.ts' else null end, case when n % 2 = 0 then n % 40 else null end, n % 100,
              ${at('n + 6')}, case when n % 3 = 0 then null else ${at('n + 7')} end, (c - 1) * 2 + 2, c, true, ${at('n')}, ${at('n')}
         from ${clientSeries}, generate_series(1, ${PR}) as n`,
    `insert into system_settings (setting_key, setting_value, setting_type, description, client_id, active, created_at, last_updated_at)
       select (array['theme', 'sync_interval', 'feature_flags'])[k], (array['dark', '3600', '{"beta": true, "ünï": "cødé"}'])[k],
              (array['string', 'integer', 'json'])[k], case when k = 2 then null else '' end, c, true, ${at('k')}, ${at('k')}
         from ${clientSeries}, generate_series(1, 3) as k order by c, k`,
    `insert into jira_pull_request_links (issue_id, external_repo_id, repo_full_name, pull_request_number, branch_name, commit_sha, pr_status,
                                          integration_id, client_id, active, created_at, last_updated_at)
       select (c - 1) * ${N} + i, case when i % 6 = 0 then 'R_NEVER_SYNCED_' || i else 'R_' || c || (1 + i % 3) end,
              case when i % 6 = 0 then 'someone-else/never-synced-' || i else 'client' || c || '/repo-' || (1 + i % 3) end,
              greatest(1, i / 2), case when i % 4 = 0 then null else 'feature/' || i end, case when i % 4 = 1 then '' else md5(i::text) end,
              (array['OPEN', 'MERGED', 'DECLINED', null])[1 + i % 4], (c - 1) * 2 + 1, c, i % 31 <> 0, ${at('i')}, ${at('i')}
         from ${clientSeries}, generate_series(1, ${N}, 2) as i order by c, i`,
    `insert into dora_market_benchmarks (report_year, report_source, performance_tier, metric_name, metric_value, metric_unit, created_at)
       select y, case when y = 2023 then null else 'Google DORA Report' end, t, m, case when t = 'Elite' then 'on-demand' else '1 per week' end,
              case when m = 'deployment_frequency' then null else 'hours' end, timestamptz '2024-01-01 12:00:00.123456+00' + (y - 2022) * interval '1 day'
         from generate_series(2022, 2024) as y, unnest(array['Elite', 'High', 'Medium', 'Low']) as t,
              unnest(array['deployment_frequency', 'lead_time', 'change_failure_rate']) as m`,
    `insert into dora_metric_insights (report_year, metric_name, insight_text, created_at)
       select y, m, 'Insight for ' || m || ' — ' || ${text('y')}, timestamptz '2024-06-30 23:59:59.999999+00'
         from generate_series(2022, 2024) as y, unnest(array['deployment_frequency', 'lead_time']) as m`,
  ];
  if (has('job_schedules')) {
    statements.push(
      `insert into job_schedules (job_name, status, last_repo_sync_checkpoint, repo_processing_queue, last_pr_cursor, current_pr_node_id,
                                  last_commit_cursor, last_review_cursor, last_comment_cursor, last_review_thread_cursor, last_run_started_at,
                                  last_success_at, error_message, retry_count, integration_id, client_id, active, created_at, last_updated_at)
         select 'sync-' || k || '-client-' || c, (array['PENDING', 'RUNNING', 'FAILED'])[1 + (c + k) % 3], ${at('c + k')},
                case when k = 1 then '["repo-1","repo-2"]' else '' end, 'Y3Vyc29y' || c, null, 'cursor-' || k, null, '', null,
                ${at('c * k')}, case when k = 2 then null else ${at('c * k + 1')} end, case when k = 2 then 'Traceback: ünïcødé ' || ${text('c')} else null end,
                case when k = 2 then null else k end, case when k = 2 then null else (c - 1) * 2 + k end, c, k = 1, ${at('k')}, ${at('k')}
           from ${clientSeries}, generate_series(1, 2) as k order by c, k`,
    );
  }
  if (has('client_color_settings')) {
    statements.push(
      `insert into client_color_settings (color_schema_mode, accessibility_level, theme_mode, color1, color2, color3, color4, color5,
                                          on_color1, on_color2, on_color3, on_color4, on_color5, on_gradient_1_2, on_gradient_2_3,
                                          on_gradient_3_4, on_gradient_4_5, on_gradient_5_1, client_id, active, created_at, last_updated_at)
         select case when k = 1 then 'default' else 'custom' end, case when k = 1 then 'regular' else 'AAA' end, case when k = 1 then 'light' else 'dark' end,
                '#C8102E', '#253746', case when k = 2 then null else '#00C7B1' end, '#A2DDF8', '', '#FFFFFF', '#FFFFFF', '#000000', '#000000', '#FFFFFF',
                '#FFFFFF', null, '#000000', '#FFFFFF', '#000000', c, true, ${at('k')}, ${at('k')}
           from ${clientSeries}, generate_series(1, 2) as k order by c, k`,
    );
  }
  if (has('migration_history')) {
    statements.push(
      `insert into migration_history (migration_number, migration_name, applied_at, rollback_at, status)
         values ('0001', 'Initial Database Schema', timestamp '2024-05-01 08:30:00.123456', null, 'applied'),
                ('0002', 'Add job schedules ✓', timestamp '2024-05-02 08:30:00', timestamp '2024-05-03 09:00:00.5', 'rolled_back')`,
    );
  }
  if (has('ai_learning_memory')) {
    statements.push(
      `insert into ai_learning_memory (error_type, user_intent, failed_query, specific_issue, corrected_query, user_feedback, user_correction,
                                       message_id, client_id, created_at, last_updated_at)
         select (array['syntax', 'semantic', 'timeout'])[1 + k % 3], ${text('k')}, 'select * from issues where ' || k, ${text('k + 4')},
                case when k % 3 = 0 then null when k % 3 = 1 then '' else 'select id from issues where ' || k end,
                case when k % 2 = 0 then null else ${text('k + 1')} end, case when k % 4 = 0 then 'use the key column' else null end,
                case when k % 5 = 0 then null else 'msg-' || c || '-' || k end, c, ${at('k')}, case when k = 7 then null else ${at('k + 1')} end
           from ${clientSeries}, generate_series(1, 20) as k order by c, k`,
    );
  }
  if (has('ai_predictions')) {
    statements.push(
      `insert into ai_predictions (model_name, model_version, input_data, prediction_result, confidence_score, actual_outcome, accuracy_score,
                                   prediction_type, client_id, created_at, validated_at)
         select 'trajectory-xgb', case when k = 1 then null else 'v' || k end, jsonb_build_object('issue', k, 'ünï', 'cødé'),
                jsonb_build_object('days', k * 1.5), case when k = 2 then null else 0.1234 * (k % 8) end, case when k % 2 = 0 then 'null'::jsonb else null end,
                0.9999, (array['trajectory', 'complexity', 'risk'])[1 + k % 3], c, ${at('k')}, case when k % 2 = 0 then ${at('k + 2')} else null end
           from ${clientSeries}, generate_series(1, 10) as k order by c, k`,
    );
  }
  if (has('ai_performance_metrics')) {
    statements.push(
      `insert into ai_performance_metrics (metric_name, metric_value, metric_unit, measurement_timestamp, context_data, client_id, service_name)
         select 'latency_p99', 123456.7891 - k, case when k = 1 then null else 'ms' end, case when k = 3 then null else ${at('k')} end,
                case when k % 2 = 0 then '{}'::jsonb else jsonb_build_object('k', k) end, c, (array['backend', 'etl', 'ai', null])[1 + k % 4]
           from ${clientSeries}, generate_series(1, 10) as k order by c, k`,
    );
  }
  return statements;
}

/**
 * A checksum of every predecessor column of every row of every predecessor table present, read the
 * same way before and after adoption (timestamps as instants, text in UTC): equal sums, equal data.
 */
export async function predecessorChecksums(
  client: pg.ClientBase,
  state: PredecessorState,
  tables: readonly string[],
): Promise<Record<string, { rows: number; md5: string }>> {
  await client.query(`set timezone = 'UTC'`);
  // One process reads each table in order, so the aggregate sees the rows in the query's order.
  await client.query('set max_parallel_workers_per_gather = 0');
  const sums: Record<string, { rows: number; md5: string }> = {};
  for (const table of tables) {
    const { rows } = await client.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(r::text, E'\\n'), '')) as md5 from (${predecessorRowsQuery(table, state)}) r`,
    );
    sums[table] = rows[0]!;
  }
  return sums;
}
