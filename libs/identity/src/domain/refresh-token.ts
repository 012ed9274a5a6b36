import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * A refresh token is `<id>.<secret>`: the id finds the row, only a SHA-256 of the secret is stored
 * (a leaked table does not yield usable tokens). Secrets are 256 random bits, so a fast hash is enough.
 */
export interface MintedRefreshToken {
  id: string;
  token: string;
  hash: string;
}

export function mintRefreshToken(): MintedRefreshToken {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${id}.${secret}`, hash: hashSecret(secret) };
}

export function parseRefreshToken(token: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  return match ? { id: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
