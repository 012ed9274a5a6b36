import { createTestApp, registerOrg, TestApp, TEST_PASSWORD } from '@pilotlink/testing';

describe('sessions: login, refresh rotation, logout, rate limits (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('rotates refresh tokens; reusing a rotated one is 401 and revokes the whole session', async () => {
    const sme = await registerOrg(t.http);
    const first = await t.http.post('/api/auth/refresh').send({ refreshToken: sme.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(sme.refreshToken);
    expect((await t.http.get('/api/me').set({ Authorization: `Bearer ${first.body.accessToken}` })).status).toBe(200);

    const replay = await t.http.post('/api/auth/refresh').send({ refreshToken: sme.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');

    // The legitimate successor dies with the family: the thief and the victim both sign in again.
    const successor = await t.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expect(successor.status).toBe(401);
    const rows = await t.db.query(`SELECT revoked_reason FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at`, [
      sme.userId,
    ]);
    expect(rows.map((r: { revoked_reason: string }) => r.revoked_reason)).toEqual(['ROTATED', 'REUSE_DETECTED']);
  });

  it('two racing refreshes with one token: exactly one wins', async () => {
    const sme = await registerOrg(t.http);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.http.post('/api/auth/refresh').send({ refreshToken: sme.refreshToken })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(4);
  });

  it('logout revokes the session; the refresh token no longer works', async () => {
    const sme = await registerOrg(t.http);
    expect((await t.http.post('/api/auth/logout').send({ refreshToken: sme.refreshToken })).status).toBe(204);
    const after = await t.http.post('/api/auth/refresh').send({ refreshToken: sme.refreshToken });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('REFRESH_TOKEN_INVALID');
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: 'garbage' })).status).toBe(401);
  });

  it('a wrong password and an unknown email answer alike', async () => {
    const sme = await registerOrg(t.http);
    const wrong = await t.http.post('/api/auth/login').send({ email: sme.email, password: 'not-the-password' });
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ email: `nobody-${Date.now()}@example.cn`, password: 'whatever-123' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('the 11th rapid bad login for one account is 429, while another account can still log in', async () => {
    const victim = await registerOrg(t.http);
    const other = await registerOrg(t.http);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.http.post('/api/auth/login').send({ email: victim.email, password: `wrong-${i}-password` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const limited = await t.http.post('/api/auth/login').send({ email: victim.email, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect((await t.http.post('/api/auth/login').send({ email: other.email, password: TEST_PASSWORD })).status).toBe(
      200,
    );
  });
});
