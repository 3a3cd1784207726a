import 'reflect-metadata';

import { describe, expect, it } from '@jest/globals';

import { entityMetadata } from '../db/entity-metadata.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';
import { buildIntegrityChecks } from './integrity-checks.js';

describe('buildIntegrityChecks', () => {
  const checks = buildIntegrityChecks(entityMetadata(GATEWAY_ENTITIES));
  const rules = (name: string, table: string) =>
    checks.filter((check) => check.name === name && check.table === table).map((check) => check.rule);

  it('checks every foreign key of the metadata, and the by-value references', () => {
    expect(rules('foreign_key', 'issues').sort()).toEqual(
      [
        'assignee_id',
        'client_id',
        'integration_id',
        'issuetype_id',
        'parent_external_id',
        'parent_id',
        'project_id',
        'reporter_id',
        'status_id',
      ].sort(),
    );
    expect(rules('foreign_key', 'ml_anomaly_alerts').sort()).toEqual(['acknowledged_by', 'client_id']);
  });

  it('compares clients across every relation between client-owned tables, join tables included', () => {
    expect(rules('cross_client', 'pull_request_reviews').sort()).toEqual([
      'integration_id',
      'pull_request_id',
    ]);
    expect(rules('cross_client', 'projects_statuses')).toEqual(['project_id,status_id']);
    expect(rules('cross_client', 'jira_pull_request_links').sort()).toEqual([
      'external_repo_id,pull_request_number',
      'integration_id',
      'issue_id',
    ]);
    // The DORA reference tables have no client, so nothing to compare.
    expect(rules('cross_client', 'dora_market_benchmarks')).toEqual([]);
  });

  it('checks the 24 embedding columns and the 26 serial ids (the join tables have none)', () => {
    expect(checks.filter((check) => check.name === 'embedding')).toHaveLength(24);
    expect(checks.filter((check) => check.name === 'sequence')).toHaveLength(26);
  });

  it('gives every check a distinct name, table and rule', () => {
    const keys = checks.map((check) => `${check.name} ${check.table} ${check.rule}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
