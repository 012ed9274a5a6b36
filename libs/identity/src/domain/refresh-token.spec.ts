import { mintRefreshToken, parseRefreshToken, secretMatches } from './refresh-token';

describe('refresh tokens', () => {
  it('round-trips: a minted token parses and its secret matches the stored hash', () => {
    const minted = mintRefreshToken();
    const parsed = parseRefreshToken(minted.token);
    expect(parsed?.id).toBe(minted.id);
    expect(secretMatches(parsed!.secret, minted.hash)).toBe(true);
    expect(minted.hash).not.toContain(parsed!.secret);
  });

  it('refuses a tampered secret and malformed tokens', () => {
    const minted = mintRefreshToken();
    const parsed = parseRefreshToken(minted.token)!;
    const tampered = (parsed.secret[0] === 'A' ? 'B' : 'A') + parsed.secret.slice(1);
    expect(secretMatches(tampered, minted.hash)).toBe(false);
    expect(parseRefreshToken('not-a-token')).toBeNull();
    expect(parseRefreshToken(`${minted.id}.short`)).toBeNull();
  });

  it('mints distinct tokens', () => {
    expect(mintRefreshToken().token).not.toBe(mintRefreshToken().token);
  });
});
