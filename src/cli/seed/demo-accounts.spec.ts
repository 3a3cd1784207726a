import { scryptSync } from 'node:crypto';

import { describe, expect, it } from '@jest/globals';

import { DEMO_PASSWORD, demoClientIdentity, demoUsers, hashDemoPassword } from './demo-accounts.js';

describe('demoUsers', () => {
  it('lists the documented admin, user and viewer of each client', () => {
    expect(demoUsers(2)).toEqual([
      { email: 'admin@acme.example', role: 'admin', clientName: 'Acme Corp' },
      { email: 'user@acme.example', role: 'user', clientName: 'Acme Corp' },
      { email: 'viewer@acme.example', role: 'viewer', clientName: 'Acme Corp' },
      { email: 'admin@globex.example', role: 'admin', clientName: 'Globex' },
      { email: 'user@globex.example', role: 'user', clientName: 'Globex' },
      { email: 'viewer@globex.example', role: 'viewer', clientName: 'Globex' },
    ]);
  });

  it('keeps e-mails unique past the named clients', () => {
    expect(demoClientIdentity(10)).toEqual({ index: 10, name: 'Client 11', slug: 'client11' });
    const emails = demoUsers(25).map((user) => user.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});

describe('hashDemoPassword', () => {
  it('stores a reproducible scrypt hash that verifies against the demo password only', async () => {
    const stored = await hashDemoPassword('admin@acme.example');
    expect(await hashDemoPassword('admin@acme.example')).toBe(stored);
    const [scheme, salt, hash] = stored.split('$');
    expect(scheme).toBe('scrypt');
    expect(scryptSync(DEMO_PASSWORD, Buffer.from(salt, 'hex'), 64).toString('hex')).toBe(hash);
    expect(scryptSync('wrong', Buffer.from(salt, 'hex'), 64).toString('hex')).not.toBe(hash);
  });
});
