import { describe, expect, it } from '@jest/globals';

import { startBanner } from './start-banner.js';

describe('startBanner', () => {
  const demoTokens = [
    { email: 'admin@acme.example', role: 'admin', token: 'aaa.bbb.ccc' },
    { email: 'viewer@acme.example', role: 'viewer', token: 'ddd.eee.fff' },
  ];

  it('gives the playground URL and pasteable export lines for the demo users', () => {
    const { text, fields } = startBanner({
      port: 4000,
      embedded: true,
      dataDir: '/srv/.data/pglite',
      playground: 'on',
      demoTokens,
    });
    const lines = text.split('\n');
    expect(text).toContain('pulse-gateway is ready (embedded database in /srv/.data/pglite)');
    expect(text).toContain(
      "  Playground  http://localhost:4000/playground   (the demo admin's token is already in its Headers tab)",
    );
    expect(lines).toContain('  export TOKEN=aaa.bbb.ccc   # admin admin@acme.example');
    expect(lines).toContain('  export VIEWER_TOKEN=ddd.eee.fff   # viewer viewer@acme.example');
    expect(text).toContain('-H "authorization: Bearer $TOKEN"');
    expect(text).toContain('npx pulse token --email user@acme.example');
    expect(fields).toEqual({
      graphql: 'http://localhost:4000/graphql',
      playground: 'http://localhost:4000/playground',
      demoTokens: { 'admin@acme.example': 'aaa.bbb.ccc', 'viewer@acme.example': 'ddd.eee.fff' },
    });
  });

  it('prints no tokens and no playground when there are none and it is off', () => {
    const { text } = startBanner({
      port: 8080,
      embedded: false,
      dataDir: '',
      playground: 'off',
      demoTokens: [],
    });
    expect(text).not.toContain('export ');
    expect(text).not.toContain('Playground');
    expect(text).toContain('GraphQL     http://localhost:8080/graphql');
  });
});
