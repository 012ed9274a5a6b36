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
});
