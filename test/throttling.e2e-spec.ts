import { createApiApp } from '../apps/api/src/bootstrap';
import { createTestApp, registerOrg, TEST_PASSWORD, TestApp } from '@pilotlink/testing';
import request from 'supertest';

/**
 * Login throttling that holds: per account whatever the claimed address, per address whatever the
 * account, a lockout curve per account, counters in Redis shared by API processes.
 */
describe('throttling: per account, per address, lockout, shared across API instances (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        // The proxy in front (here: the test client on loopback) is trusted, so X-Forwarded-For counts.
        TRUST_PROXY: '127.0.0.1',
        LOGIN_RATE_LIMIT: '10',
        LOGIN_ADDRESS_RATE_LIMIT: '30',
        LOGIN_LOCKOUT_THRESHOLD: '1000',
        PUBLIC_RATE_LIMIT: '20',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (email: string, password: string, address: string) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('rotating X-Forwarded-For does not escape the per-account limit', async () => {
    const victim = await registerOrg(t.http);
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++)
      statuses.push((await login(victim.email, `wrong-${i}-pw`, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429, 429]);
    const limited = await login(victim.email, TEST_PASSWORD, '203.0.113.77');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Date.parse(limited.body.details.retryAt)).toBeGreaterThan(Date.now());
  });

  /** Another API instance on the same database and Redis prefix, built with these settings. */
  async function instance(env: Record<string, string>) {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      const app = await createApiApp();
      return { app, http: request(app.getHttpServer()) };
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  it('the lockout curve: after 3 failures the account is locked, even for the right password, from any address', async () => {
    const strict = await instance({ LOGIN_LOCKOUT_THRESHOLD: '3' });
    try {
      const victim = await registerOrg(t.http);
      const attempt = (password: string, address: string) =>
        strict.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ email: victim.email, password });
      for (let i = 0; i < 3; i++) expect((await attempt(`bad-${i}-password`, `192.0.2.${i + 1}`)).status).toBe(401);
      const locked = await attempt(TEST_PASSWORD, '192.0.2.200');
      expect(locked.status).toBe(429);
      expect(locked.body.details.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(59);
      // While locked the password is not even checked (no oracle); the doubling: throttling.spec.ts.
      expect((await attempt('bad-again-password', '192.0.2.201')).status).toBe(429);
    } finally {
      await strict.app.close();
    }
  });

  it('60 accounts from one address (password spraying) hit the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      statuses.push((await login(`spray-${i}-${Date.now()}@example.cn`, 'Spring2026!!', '198.18.0.9')).status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual(Array(30).fill(429));
    // Another address is not affected.
    expect((await login(`fresh-${Date.now()}@example.cn`, 'Spring2026!!', '198.18.0.10')).status).toBe(401);
  });

  it('X-Forwarded-For is ignored unless TRUST_PROXY names the proxy (default: none trusted)', async () => {
    const direct = await instance({ TRUST_PROXY: '' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) {
        const res = await direct.http
          .get('/api/search/services')
          .query({ q: '中试' })
          .set('X-Forwarded-For', `10.9.${i}.1`);
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 20).every((s) => s !== 429)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
    } finally {
      await direct.app.close();
    }
  });

  it('two API instances share one counter (Redis), so the limit does not multiply', async () => {
    const second = await instance({});
    try {
      const victim = await registerOrg(t.http);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const http = i % 2 === 0 ? t.http : second.http;
        const res = await http
          .post('/api/auth/login')
          .set('X-Forwarded-For', '198.51.100.250')
          .send({ email: victim.email, password: `nope-${i}-password` });
        statuses.push(res.status);
      }
      // 10 per minute in total, not 10 per instance (each saw only 6).
      expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    } finally {
      await second.app.close();
    }
  });
});
