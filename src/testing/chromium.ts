import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The headless browser of the browser tests: CHROMIUM_PATH (scripts/test.sh sets it), else whatever
 * scripts/browser/ensure-chromium.sh finds or installs (Debian's chromium).
 */
export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && existsSync(configured)) return configured;
  const script = fileURLToPath(new URL('../../scripts/browser/ensure-chromium.sh', import.meta.url));
  return execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}
