import { createTestApp, makeUscc, TestApp } from '@pilotlink/testing';
import { load } from 'js-yaml';
import { Meilisearch } from 'meilisearch';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createAdmin } from '../apps/worker/src/ops/create-admin';
import { deriveMeiliKeys, ensureMeiliKeys, MEILI_KEY_UIDS } from '../apps/worker/src/ops/meili-keys';

const ROOT = path.resolve(__dirname, '..');

/** Runs a TypeScript entry point as its own process (as `node dist/…` would), with this environment. */
function runTs(entry: string, args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [entry, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const strongSecret = () => randomBytes(36).toString('base64url');

type ComposeService = {
  environment?: Record<string, string>;
  ports?: string[];
  command?: string[] | string;
  deploy?: { replicas?: number | string };
  volumes?: string[];
};

describe('safe to deploy: compose, production refusals, first admin, Meilisearch keys (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('docker/compose.yml holds no literal secret, publishes only the gateway to API replicas, runs Meilisearch in production mode', () => {
    const compose = load(readFileSync(path.join(ROOT, 'docker/compose.yml'), 'utf8')) as {
      'x-app': ComposeService;
      services: Record<string, ComposeService>;
    };
    const secretish = /(SECRET|PASSWORD|PEPPER|KEY|TOKEN)$/;
    const checked: string[] = [];
    const blocks: [string, ComposeService][] = [['x-app', compose['x-app']], ...Object.entries(compose.services)];
    for (const [name, service] of blocks) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        const text = String(value);
        if (secretish.test(variable)) {
          checked.push(`${name}.${variable}`);
          // Required from the environment (no default), or explicitly empty/optional-without-default.
          expect({ variable, text }).toEqual({
            variable,
            text: expect.stringMatching(/^(\$\{[A-Z_]+(:\?[^}]*|:-)\}|)$/),
          });
        }
        // A URL may carry a password only through a required variable.
        const inUrl = text.match(/:\/\/[^:/@]+:([^@]+)@/);
        if (inUrl) expect(inUrl[1]).toMatch(/^\$\{[A-Z_]+:\?[^}]*\}$/);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'postgres.POSTGRES_PASSWORD',
        'meilisearch.MEILI_MASTER_KEY',
        'x-app.JWT_SECRET',
        'x-app.TEAM_ID_PEPPER',
        'api.MEILI_API_KEY',
        'worker.MEILI_API_KEY',
      ]),
    );
    expect(compose.services.api.environment?.MEILI_API_KEY).toMatch(/^\$\{MEILI_SEARCH_KEY:\?/);
    expect(compose.services.worker.environment?.MEILI_API_KEY).toMatch(/^\$\{MEILI_ADMIN_KEY:\?/);
    expect(compose.services.api.environment).not.toHaveProperty('MEILI_MASTER_KEY');
    expect(compose.services.worker.environment).not.toHaveProperty('MEILI_MASTER_KEY');
    expect(compose.services.meilisearch.environment?.MEILI_ENV).toBe('production');
    for (const internal of ['postgres', 'redis', 'meilisearch', 'api', 'worker'])
      expect(compose.services[internal].ports).toBeUndefined();
    expect(compose.services.gateway.ports).toEqual([expect.stringMatching(/:8080$/)]);
    // Replicas by default: nothing in the processes assumes it is the only one (test/cluster).
    expect(compose.services.api.deploy?.replicas).toBe('${API_REPLICAS:-2}');
    expect(compose.services.worker.deploy?.replicas).toBe('${WORKER_REPLICAS:-2}');
    // Uploads land in one volume every replica mounts, where the image points FILE_STORAGE_DIR.
    expect(compose['x-app'].volumes).toContain('files:/var/lib/pilotlink/files');
    expect(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')).toContain(
      'ENV FILE_STORAGE_DIR=/var/lib/pilotlink/files',
    );
    // The API trusts X-Forwarded-For from the gateway's fixed address only.
    expect(compose['x-app'].environment?.TRUST_PROXY).toBe('${TRUST_PROXY:-172.30.0.10}');
    expect(JSON.stringify(compose.services.redis.command)).toContain('appendonly');
    expect(JSON.stringify(compose.services.migrate.command)).not.toContain('seed');
  });

  const productionEnv = () => ({
    NODE_ENV: 'production',
    DATABASE_URL: t.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    MEILI_URL: process.env.MEILI_URL,
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY,
    MEILI_API_KEY: strongSecret(),
    JWT_SECRET: strongSecret(),
    TEAM_ID_PEPPER: strongSecret(),
    LOG_LEVEL: 'silent',
  });

  it('production boot refuses a default, published or short JWT secret, naming the variable', async () => {
    // Short and repetitive secrets: env.schema.spec.ts.
    for (const JWT_SECRET of [undefined, 'compose-placeholder-jwt-secret-change-me']) {
      const run = await runTs('apps/api/src/main.ts', [], { ...productionEnv(), JWT_SECRET, PORT: '1' });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/Invalid configuration[\s\S]*JWT_SECRET/);
    }
  });

  it('production refuses to load demo data; the first admin comes from admin:create, which prints no secret', async () => {
    const seed = await runTs('apps/demo/src/cli.ts', ['seed'], productionEnv());
    expect(seed.code).toBe(1);
    expect(seed.stderr).toContain('Refusing to load demo data in production');
    const demo = await t.db.query(`SELECT 1 FROM users WHERE email LIKE '%@demo.pilotlink.cn'`);
    expect(demo).toHaveLength(0);

    // In process (tsx, which runs the CLI above, does not emit the decorator metadata Nest's injector needs).
    const password = `Admin-${strongSecret()}`;
    const email = `first.admin.${Date.now()}@bureau.example.cn`;
    const input = { email, displayName: '运营管理员', password, orgName: '运营中心', regionCode: '350500' };
    const logs = jest.spyOn(console, 'log');
    await createAdmin({ ...input, uscc: makeUscc('350500', '11') });
    expect(JSON.stringify(logs.mock.calls)).not.toContain(password);
    logs.mockRestore();

    const login = await t.http.post('/api/auth/login').send({ email, password });
    expect(login.status).toBe(200);
    expect(login.body.org).toMatchObject({ kind: 'ADMIN', verificationStatus: 'VERIFIED' });
    await expect(createAdmin({ ...input, uscc: makeUscc('350500', '11') })).rejects.toThrow('already exists');
    await expect(createAdmin({ ...input, email: `x${email}`, password: 'short', uscc: makeUscc() })).rejects.toThrow(
      'ADMIN_PASSWORD',
    );
  });

  it('meili:keys makes a search-only key for the API and an index admin key for the worker', async () => {
    const master = process.env.MEILI_MASTER_KEY!;
    const meili = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: master });
    const prefix = t.env.MEILI_INDEX_PREFIX;
    try {
      const keys = await ensureMeiliKeys(process.env.MEILI_URL!, master, prefix);
      expect(keys).toEqual(deriveMeiliKeys(master));
      expect(await ensureMeiliKeys(process.env.MEILI_URL!, master, prefix)).toEqual(keys);

      const admin = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: keys.admin });
      await admin.createIndex(`${prefix}keys_probe`, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
      await admin
        .index(`${prefix}keys_probe`)
        .addDocuments([{ id: '1', title: '石墨烯中试' }])
        .waitTask({ timeout: 60_000 });
      await expect(admin.getKeys()).rejects.toThrow();
      await expect(admin.createIndex('other_install_index')).rejects.toThrow();

      const search = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: keys.search });
      expect((await search.index(`${prefix}keys_probe`).search('石墨烯')).hits).toHaveLength(1);
      await expect(search.index(`${prefix}keys_probe`).addDocuments([{ id: '2', title: 'x' }])).rejects.toThrow();
      await expect(
        search.index(`${prefix}keys_probe`).updateSettings({ searchableAttributes: ['id'] }),
      ).rejects.toThrow();
    } finally {
      for (const uid of Object.values(MEILI_KEY_UIDS)) await meili.deleteKey(uid).catch(() => undefined);
    }
  });
});
