import request from 'supertest';
import { createApiApp } from '../apps/api/src/bootstrap';
import { createPrivilegedOrg, createTestApp, TestApp } from '@pilotlink/testing';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** helmet's headers on the portal, the API and a download (CSP with a per-response style nonce). */
describe('security headers (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const expectHardened = (headers: Record<string, string>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const csp = headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'( 'nonce-[^']+')?;/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  };

  it('the portal: CSP with a style nonce that index.html hands to Ant Design', async () => {
    expect(existsSync(path.resolve(__dirname, '../dist/web/index.html'))).toBe(true);
    const first = await t.http.get('/').expect(200);
    expectHardened(first.headers);
    const nonce = first.text.match(/<meta name="csp-nonce" content="([^"]+)"/)?.[1];
    expect(nonce).toMatch(/^[0-9a-f]{16,}$/);
    expect(first.headers['content-security-policy']).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(first.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const second = await t.http.get('/login').expect(200);
    expect(second.text).not.toContain(nonce); // one per response
  });

  it('the API and a download carry them too', async () => {
    expectHardened((await t.http.get('/api/health')).headers);
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    const csv = await t.http.get('/api/reports/platforms').query({ year: 2026, format: 'csv' }).set(bureau.auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment;/);
    expectHardened(csv.headers);
  });

  it('docs are served outside production; metrics open without a token outside production', async () => {
    expect((await t.http.get('/api/docs-json')).status).toBe(200);
    expect((await t.http.get('/api/metrics')).status).toBe(200);
  });

  it('in production: no docs, and metrics only with the METRICS_TOKEN bearer', async () => {
    const secret = () => randomBytes(36).toString('base64url');
    const token = secret();
    const env = {
      NODE_ENV: 'production',
      JWT_SECRET: secret(),
      TEAM_ID_PEPPER: secret(),
      MEILI_API_KEY: secret(),
      METRICS_TOKEN: token,
    };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    let prod: Awaited<ReturnType<typeof createApiApp>> | undefined;
    try {
      prod = await createApiApp();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    try {
      const http = request(prod.getHttpServer());
      expect((await http.get('/api/docs-json')).status).toBe(404);
      expect((await http.get('/api/docs')).status).toBe(404);
      expect((await http.get('/api/metrics')).status).toBe(404);
      expect((await http.get('/api/metrics').set('Authorization', `Bearer ${secret()}`)).status).toBe(404);
      const scraped = await http.get('/api/metrics').set('Authorization', `Bearer ${token}`);
      expect(scraped.status).toBe(200);
      expect(scraped.text).toContain('pilotlink_');
    } finally {
      await prod.close();
    }
  });
});
