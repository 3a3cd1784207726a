import { randomBytes } from 'node:crypto';
import type { webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { SignJWT, errors as joseErrors, importSPKI, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';

import type { Config } from '../config/config.js';
import { ROLES, isRole } from './roles.js';
import type { Role } from './roles.js';

/** Who a verified token says the caller is. Nothing else about identity is trusted. */
export interface Viewer {
  userId: number;
  clientId: number;
  role: Role;
  /** The `user_sessions` row the token belongs to (claim `sid`); absent for service-account tokens. */
  sessionId?: number | null;
}

export class InvalidTokenError extends Error {}

const DEFAULT_TTL_SECONDS = 8 * 60 * 60;
/** Clocks of the identity provider and the gateway may disagree by this much, no more. */
const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies bearer tokens: HS256 with `JWT_SECRET`, or RS256/ES256 with `JWT_PUBLIC_KEY`. The algorithm
 * list is pinned, so a token cannot pick its own (`none`, or HS256 signed with the public key).
 */
export class TokenService {
  /**
   * Tokens already verified, by their exact text, until they expire. Clients send the same token on
   * every request, and a signature check plus claim parsing costs as much as serving a small page; the
   * result cannot change while the text does not, except by the clock, which `usableUntil` keeps.
   * Revocation is the credential guard's business (auth/credential-guard.ts), as it is without this.
   */
  private readonly verified = new Map<string, { viewer: Viewer; usableFrom: number; usableUntil: number }>();

  private constructor(
    private readonly verifyKey: webcrypto.CryptoKey | Uint8Array,
    private readonly signKey: Uint8Array | null,
    private readonly algorithms: string[],
    private readonly issuer: string | null,
    private readonly audience: string | null,
    private readonly clockToleranceSeconds: number,
  ) {}

  static async fromConfig(jwt: Config['jwt'], devSecretFile: string | null): Promise<TokenService> {
    const tolerance = jwt.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
    if (jwt.publicKey) {
      // The key decides the algorithm: an RSA key verifies RS256 only, an EC P-256 key ES256 only.
      const publicKey = jwt.publicKey;
      const [algorithm, key] = await importSPKI(publicKey, 'RS256')
        .then((k) => ['RS256', k] as const)
        .catch(async () => ['ES256', await importSPKI(publicKey, 'ES256')] as const);
      return new TokenService(key, null, [algorithm], jwt.issuer, jwt.audience, tolerance);
    }
    const secret = jwt.secret ?? (devSecretFile ? readOrCreateDevSecret(devSecretFile) : null);
    if (!secret) throw new Error('JWT_SECRET or JWT_PUBLIC_KEY must be set when DATABASE_URL is set');
    if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
    const key = new TextEncoder().encode(secret);
    return new TokenService(key, key, ['HS256'], jwt.issuer, jwt.audience, tolerance);
  }

  /** Mints a token (development and tests; production tokens come from the identity provider). */
  async sign(viewer: Viewer, ttlSeconds = DEFAULT_TTL_SECONDS): Promise<string> {
    if (!this.signKey) throw new Error('cannot mint tokens with a public key; set JWT_SECRET');
    const claims: JWTPayload = { client_id: viewer.clientId, role: viewer.role };
    if (viewer.sessionId) claims.sid = viewer.sessionId;
    let builder = new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(viewer.userId))
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds);
    if (this.issuer) builder = builder.setIssuer(this.issuer);
    if (this.audience) builder = builder.setAudience(this.audience);
    return builder.sign(this.signKey);
  }

  /** Returns the viewer of a valid token, or throws InvalidTokenError saying why (never echoing it). */
  async verify(token: string): Promise<Viewer> {
    const known = this.verified.get(token);
    if (known) {
      const now = Date.now();
      if (now >= known.usableFrom && now < known.usableUntil) return { ...known.viewer };
      this.verified.delete(token);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.verifyKey, {
        algorithms: this.algorithms,
        issuer: this.issuer ?? undefined,
        audience: this.audience ?? undefined,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: this.clockToleranceSeconds,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('token has expired');
      throw new InvalidTokenError('token is invalid');
    }
    const userId = Number(payload.sub);
    const clientId = Number(payload.client_id);
    if (!Number.isInteger(userId) || userId <= 0)
      throw new InvalidTokenError('token subject is not a user id');
    if (!Number.isInteger(clientId) || clientId <= 0)
      throw new InvalidTokenError('token has no valid client_id');
    if (!isRole(payload.role)) throw new InvalidTokenError(`token role must be ${ROLES.join(', ')}`);
    const sessionId = payload.sid === undefined ? null : Number(payload.sid);
    if (sessionId !== null && (!Number.isInteger(sessionId) || sessionId <= 0))
      throw new InvalidTokenError('token session id (sid) is not a session id');
    const viewer: Viewer = { userId, clientId, role: payload.role, sessionId };
    this.remember(token, viewer, payload);
    return { ...viewer };
  }

  private remember(token: string, viewer: Viewer, payload: JWTPayload): void {
    const tolerance = this.clockToleranceSeconds * 1000;
    // jwtVerify accepted these with the same tolerance; past them the token is verified afresh (and refused).
    const usableUntil = payload.exp! * 1000 + tolerance;
    const usableFrom = payload.nbf === undefined ? 0 : payload.nbf * 1000 - tolerance;
    if (this.verified.size >= MAX_VERIFIED_TOKENS) {
      // The oldest entry goes first (a Map iterates in insertion order).
      this.verified.delete(this.verified.keys().next().value!);
    }
    this.verified.set(token, { viewer, usableFrom, usableUntil });
  }
}

/** Verified tokens remembered (TokenService.verified): about 3 MB at this many. */
const MAX_VERIFIED_TOKENS = 10_000;

/** Pulls the token out of an `Authorization: Bearer ...` header; null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new InvalidTokenError('Authorization header must be "Bearer <token>"');
  return match[1]!;
}

/**
 * The embedded database is for trying the gateway out: it signs with a random secret kept next to the
 * data, so the server and `pulse token` agree without anyone configuring JWT_SECRET.
 */
function readOrCreateDevSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function devSecretFile(embeddedDataDir: string): string {
  return embeddedDataDir === 'memory'
    ? join('.data', 'dev-jwt-secret')
    : join(dirname(embeddedDataDir), 'dev-jwt-secret');
}
