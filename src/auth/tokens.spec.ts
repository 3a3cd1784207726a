import { generateKeyPairSync } from 'node:crypto';

import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';

import { InvalidTokenError, TokenService, bearerToken } from './tokens.js';

const SECRET = 'x'.repeat(40);
const jwt = { secret: SECRET, publicKey: null, issuer: null, audience: null };
const viewer = { userId: 7, clientId: 3, role: 'user' as const };

describe('TokenService', () => {
  it('verifies the tokens it signs and returns sub, client_id and role', async () => {
    const tokens = await TokenService.fromConfig(jwt, null);
    expect(await tokens.verify(await tokens.sign(viewer))).toEqual({ ...viewer, sessionId: null });
  });

  it('carries the session id as claim sid, and refuses one that is not a positive integer', async () => {
    const tokens = await TokenService.fromConfig(jwt, null);
    expect(await tokens.verify(await tokens.sign({ ...viewer, sessionId: 42 }))).toEqual({
      ...viewer,
      sessionId: 42,
    });
    const forged = await new SignJWT({ client_id: 3, role: 'user', sid: 'abc' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('7')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(tokens.verify(forged)).rejects.toThrow('token session id (sid) is not a session id');
  });

  it('allows a small, configurable clock skew on exp and no more', async () => {
    const expiredAgo = (seconds: number) =>
      new SignJWT({ client_id: 3, role: 'user' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('7')
        .setExpirationTime(Math.floor(Date.now() / 1000) - seconds)
        .sign(new TextEncoder().encode(SECRET));
    const tolerant = await TokenService.fromConfig({ ...jwt, clockToleranceSeconds: 30 }, null);
    await expect(tolerant.verify(await expiredAgo(10))).resolves.toMatchObject({ userId: 7 });
    await expect(tolerant.verify(await expiredAgo(60))).rejects.toThrow('token has expired');
    const strict = await TokenService.fromConfig({ ...jwt, clockToleranceSeconds: 0 }, null);
    await expect(strict.verify(await expiredAgo(10))).rejects.toThrow('token has expired');
  });

  it('refuses a token it verified before once the token has expired, beyond the clock tolerance', async () => {
    const tokens = await TokenService.fromConfig({ ...jwt, clockToleranceSeconds: 1 }, null);
    const token = await new SignJWT({ client_id: 3, role: 'user' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('7')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 1)
      .sign(new TextEncoder().encode(SECRET));
    const first = await tokens.verify(token);
    expect(first).toEqual({ ...viewer, sessionId: null });
    // What a caller does with the answer does not change the next one.
    first.role = 'admin';
    expect(await tokens.verify(token)).toEqual({ ...viewer, sessionId: null });
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    await expect(tokens.verify(token)).rejects.toThrow('token has expired');
  });

  it('rejects an expired token', async () => {
    const tokens = await TokenService.fromConfig(jwt, null);
    const expired = await new SignJWT({ client_id: 3, role: 'user' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('7')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SECRET));
    await expect(tokens.verify(expired)).rejects.toThrow(new InvalidTokenError('token has expired'));
  });

  it('rejects a token signed with another secret, or tampered with', async () => {
    const tokens = await TokenService.fromConfig(jwt, null);
    const other = await TokenService.fromConfig({ ...jwt, secret: 'y'.repeat(40) }, null);
    await expect(tokens.verify(await other.sign(viewer))).rejects.toThrow('token is invalid');
    const [header, , signature] = (await tokens.sign(viewer)).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: '7', client_id: 4, role: 'admin', exp: 9e9 })).toString(
      'base64url',
    );
    await expect(tokens.verify(`${header}.${forged}.${signature}`)).rejects.toThrow('token is invalid');
  });

  it('pins the algorithm: an unsigned (alg none) token is refused', async () => {
    const tokens = await TokenService.fromConfig(jwt, null);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: '7', client_id: 3, role: 'admin', exp: 9e9 })}.`;
    await expect(tokens.verify(unsigned)).rejects.toThrow('token is invalid');
  });

  it.each([
    [{ client_id: 3, role: 'superuser' }, 'token role must be admin, user, viewer, etl'],
    [{ role: 'user' }, 'token has no valid client_id'],
    [{ client_id: 'three', role: 'user' }, 'token has no valid client_id'],
  ])('rejects claims %j', async (claims, message) => {
    const tokens = await TokenService.fromConfig(jwt, null);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('7')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(tokens.verify(token)).rejects.toThrow(message);
  });

  it('verifies RS256 tokens with JWT_PUBLIC_KEY and refuses to mint with it', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const tokens = await TokenService.fromConfig(
      { ...jwt, secret: null, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      null,
    );
    const token = await new SignJWT({ client_id: 3, role: 'viewer' })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('9')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await tokens.verify(token)).toEqual({ userId: 9, clientId: 3, role: 'viewer', sessionId: null });
    await expect(tokens.sign(viewer)).rejects.toThrow(/public key/);
  });

  it('refuses a short secret and a missing one', async () => {
    await expect(TokenService.fromConfig({ ...jwt, secret: 'short' }, null)).rejects.toThrow(/at least 32/);
    await expect(TokenService.fromConfig({ ...jwt, secret: null }, null)).rejects.toThrow(/JWT_SECRET/);
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header, and nothing from an absent one', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken(undefined)).toBeNull();
  });

  it('rejects other schemes instead of ignoring them', () => {
    expect(() => bearerToken('Basic dXNlcjpwdw==')).toThrow(InvalidTokenError);
  });
});
