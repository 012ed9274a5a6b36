import { validateEnv } from './env.schema';

describe('validateEnv', () => {
  it('gives working defaults with no configuration', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(env.MEILI_URL).toBe('http://127.0.0.1:7700');
  });

  it('coerces numbers from strings', () => {
    expect(validateEnv({ PORT: '4100' }).PORT).toBe(4100);
  });

  it('names the bad variable', () => {
    expect(() => validateEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => validateEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => validateEnv({ MEILI_MASTER_KEY: 'short' })).toThrow(/MEILI_MASTER_KEY/);
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });

  it('takes a queue prefix with one Redis Cluster hash tag, and nothing that would split or escape it', () => {
    for (const prefix of ['pilotlink', '{pilotlink}', 'pl:{prod}', 'pltest:0f3a'])
      expect(validateEnv({ QUEUE_PREFIX: prefix }).QUEUE_PREFIX).toBe(prefix);
    for (const prefix of ['{}', '{a}{b}', 'pl{', 'pl}', 'a b', '{a b}'])
      expect(() => validateEnv({ QUEUE_PREFIX: prefix })).toThrow(/QUEUE_PREFIX/);
  });
});

describe('validateEnv in production', () => {
  const strong = (c: string) => `${c}-0123456789abcdefghijklmnopqrstuvwxyz`;
  const good = {
    NODE_ENV: 'production',
    JWT_SECRET: strong('jwt'),
    TEAM_ID_PEPPER: strong('pepper'),
    MEILI_API_KEY: strong('meili'),
  };

  it('accepts own secrets and a Meilisearch API key', () => {
    expect(validateEnv(good).NODE_ENV).toBe('production');
  });

  it('refuses short, published or repeated secrets, naming the variable', () => {
    for (const JWT_SECRET of [
      'compose-placeholder-jwt-secret-change-me',
      'a'.repeat(40),
      'short-secret',
      'my-changeme-secret-xxxxxxxxxxxxxxxxxxxx',
    ]) {
      expect(() => validateEnv({ ...good, JWT_SECRET })).toThrow(/JWT_SECRET/);
    }
    expect(() => validateEnv({ ...good, TEAM_ID_PEPPER: undefined })).toThrow(/TEAM_ID_PEPPER/);
    expect(() => validateEnv({ ...good, TEAM_ID_PEPPER: good.JWT_SECRET })).toThrow(/TEAM_ID_PEPPER: must differ/);
  });

  it('requires a Meilisearch key other than the master key, and refuses the test webhook allow-list', () => {
    expect(() => validateEnv({ ...good, MEILI_API_KEY: undefined })).toThrow(/MEILI_API_KEY/);
    expect(() => validateEnv({ ...good, MEILI_API_KEY: 'k'.repeat(20), MEILI_MASTER_KEY: 'k'.repeat(20) })).toThrow(
      /MEILI_API_KEY: must not be the master key/,
    );
    expect(() => validateEnv({ ...good, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
  });
});
