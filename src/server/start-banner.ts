import type { PlaygroundMode } from '../config/config.js';
import { PLAYGROUND_PATH } from './playground.js';

export interface DemoToken {
  email: string;
  role: string;
  token: string;
}

export interface BannerDetails {
  port: number;
  embedded: boolean;
  dataDir: string;
  playground?: PlaygroundMode;
  demoTokens: DemoToken[];
}

/** The shell variable each demo role's token goes in; the admin's is plain TOKEN, as the README uses. */
const TOKEN_VARIABLE: Record<string, string> = { admin: 'TOKEN', user: 'USER_TOKEN', viewer: 'VIEWER_TOKEN' };

/**
 * What a person needs right after `npm start`: where the playground is, tokens as `export` lines to
 * paste into a shell, one query to try, and how to get more tokens.
 */
export function startBanner(details: BannerDetails): { text: string; fields: Record<string, unknown> } {
  const base = `http://localhost:${details.port}`;
  const playground = details.playground && details.playground !== 'off' ? `${base}${PLAYGROUND_PATH}` : null;
  const lines = [
    '',
    `pulse-gateway is ready${details.embedded ? ` (embedded database in ${details.dataDir})` : ''}`,
    `  GraphQL     ${base}/graphql`,
  ];
  if (playground) {
    const note =
      details.playground === 'admin'
        ? 'admins: paste your token in its Headers tab'
        : details.demoTokens.length > 0
          ? "the demo admin's token is already in its Headers tab"
          : 'paste a token in its Headers tab';
    lines.push(`  Playground  ${playground}   (${note})`);
  }
  lines.push(`  Health      ${base}/health/database`);
  if (details.demoTokens.length > 0) {
    lines.push('', 'Demo bearer tokens (valid 8 h); paste these lines into your shell:');
    for (const { email, role, token } of details.demoTokens) {
      lines.push(
        `  export ${TOKEN_VARIABLE[role] ?? `${role.toUpperCase()}_TOKEN`}=${token}   # ${role} ${email}`,
      );
    }
    lines.push(
      '',
      'Then try:',
      `  curl -s ${base}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
      `    -d '{"query":"{ viewer { role user { email } client { name } } }"}'`,
      '',
      'More tokens: stop the server (the embedded database is single-process), then',
      '  npx pulse token --email user@acme.example',
    );
  }
  lines.push('');
  return {
    text: lines.join('\n'),
    fields: {
      graphql: `${base}/graphql`,
      playground,
      ...(details.demoTokens.length > 0
        ? { demoTokens: Object.fromEntries(details.demoTokens.map((token) => [token.email, token.token])) }
        : {}),
    },
  };
}
