import type { CheckFinding } from './integrity-check.js';
import type { ValidationReport } from './run-validation.js';

/** The `--json` document: `{ ok, checks: [{ name, table, severity, count, sample }] }` plus details. */
export function validationJson(report: ValidationReport): string {
  return JSON.stringify(
    {
      ok: report.ok,
      checks: report.checks.map((finding) => ({
        name: finding.name,
        table: finding.table,
        severity: finding.severity,
        count: finding.count,
        sample: finding.sample,
        rule: finding.rule,
        description: finding.description,
      })),
      checksRun: report.checksRun,
      durationMs: report.durationMs,
    },
    null,
    2,
  );
}

/** For people: findings grouped by check name, errors first, each with its count and first keys. */
export function validationText(report: ValidationReport): string {
  const lines: string[] = [];
  const byName = new Map<string, CheckFinding[]>();
  for (const finding of report.checks)
    byName.set(finding.name, [...(byName.get(finding.name) ?? []), finding]);
  for (const [name, findings] of byName) {
    const rows = findings.reduce((sum, finding) => sum + finding.count, 0);
    lines.push(
      `${name}: ${rows} row${rows === 1 ? '' : 's'} in ${findings.length} finding${findings.length === 1 ? '' : 's'}`,
    );
    for (const finding of findings) {
      const more = finding.count > finding.sample.length ? ', ...' : '';
      lines.push(
        `  ${finding.severity.padEnd(7)} ${finding.table}: ${finding.count} ${finding.description}` +
          ` (${finding.sample.join(', ')}${more})`,
      );
    }
  }
  const errors = report.checks.filter((finding) => finding.severity === 'error').length;
  const warnings = report.checks.length - errors;
  lines.push(
    `${report.ok ? 'ok' : 'FAILED'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ` +
      `${report.checksRun} checks in ${(report.durationMs / 1000).toFixed(2)} s`,
  );
  return lines.join('\n');
}
