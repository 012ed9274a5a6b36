import { ERROR_CODES } from '@pilotlink/core';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { expectStatus, programBody, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  nullable?: boolean;
};
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** A body nested far deeper than any DTO (the fuzzer's 3,000 levels overflowed the stack). */
const DEEP = `{"a":${'['.repeat(3_000)}${']'.repeat(3_000)}}`;

/**
 * Bad input to every POST/PATCH/PUT route of the OpenAPI document (issue 14, point 5) — the list comes
 * from the document, not a hand-kept copy: NUL bytes and lone surrogates in every string field, explicit
 * null, wrong types, fractional, negative and huge numbers, arrays where objects belong, unknown fields,
 * and malformed, oversized and too-deeply nested bodies. Each must answer 4xx with a stable code, and no
 * row of any table may change. Path ids are real objects the caller may touch where there are some, so
 * the bad field reaches the service (as the fuzzer's `PATCH /api/orgs/:id {"address":"abc\u0000def"}` did).
 */
describe('bad input to every write route of the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: OpenApi;
  let actors: RegisteredOrg[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ env: { ...voucherTestEnv(), LOGIN_RATE_LIMIT: '100000', AUTH_RATE_LIMIT: '100000' } });
    const w = await new VoucherWorld(t).init();
    const { operator, platformId } = await w.listedPlatform();
    const serviceId = await w.fixedService(operator, platformId, 100_000);
    const sme = await w.verifiedSme();
    const admin = await createPrivilegedOrg(t, 'ADMIN', '350000');
    const demand = await expectStatus(
      t.http
        .post('/api/demands')
        .set(sme.auth)
        .send({
          title: '石墨烯改性EVA鞋底中试放大',
          description: '需验证连续发泡工艺的稳定性。',
          fieldCode: 'TEXTILE_SHOE_MATERIAL',
          stage: 'PILOT',
          categories: ['SCALE_UP'],
          budgetMinFen: 5_000_000,
          budgetMaxFen: 15_000_000,
          regionCode: '350582',
          mode: 'OPEN',
          confidentiality: 'PUBLIC',
        }),
      201,
    );
    const program = await expectStatus(
      t.http.post('/api/voucher-programs').set(w.bureau.auth).send(programBody()),
      201,
    );
    const order = await w.order(sme, serviceId);
    actors = [sme, operator, w.bureau, admin];
    // The first path segment after /api → an object of that kind (the others get a random id: 404s still
    // must validate first).
    ids = {
      orgs: sme.orgId,
      platforms: platformId,
      services: serviceId,
      demands: demand.body.id,
      'voucher-programs': program.body.id,
      orders: order.id,
    };
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(() => t.close());

  function resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  }

  /** A plausible value from the schema (its example, enum, default, or by type). */
  function sample(schema: Schema | undefined, depth = 0): unknown {
    const s = resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    if (s.default !== undefined) return s.default;
    if (s.type === 'array') return depth > 3 ? [] : [sample(s.items, depth + 1)];
    if (s.properties) {
      return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sample(v, depth + 1)]));
    }
    if (s.type === 'integer' || s.type === 'number') return 1;
    if (s.type === 'boolean') return false;
    if (s.format === 'uuid') return randomUUID();
    if (s.format === 'date') return '2030-01-01';
    if (s.format === 'date-time') return '2030-01-01T00:00:00Z';
    return 'x';
  }

  /** The bad values for one property, by its type. */
  function badValues(schema: Schema): [string, unknown][] {
    const s = resolve(schema);
    const cases: [string, unknown][] = [['null', null]];
    if (s.properties) cases.push(['array for object', []], ['string for object', 'x']);
    else if (s.type === 'array') cases.push(['object for array', {}], ['NUL in item', ['a\u0000b']]);
    else if (s.type === 'integer' || s.type === 'number') {
      cases.push(['string for number', 'abc'], ['fraction', 1.5], ['negative', -1], ['1e20', 1e20]);
    } else if (s.type === 'boolean') cases.push(['string for boolean', 'yes']);
    else cases.push(['NUL', 'abc\u0000def'], ['lone surrogate', 'x\ud800y'], ['number for string', 12345]);
    return cases;
  }

  function routeIds(path: string): string {
    const segment = path.split('/')[2];
    return path.replace(/\{[^}]+\}/g, () => ids[segment] ?? randomUUID());
  }

  /** One request; the first actor not refused at the door (401/403) for this route is used for all its cases. */
  function send(method: string, url: string, actor: RegisteredOrg, body: string): Promise<Response> {
    const req = (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)
      [method](url)
      .set(actor.auth)
      .set('Content-Type', 'application/json');
    return Promise.resolve(req.send(body));
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const tables: { name: string }[] = await t.db.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'typeorm_migrations'`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      counts[name] = (await t.db.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
    }
    return counts;
  }

  it('every case answers 4xx with a stable code and changes no row', async () => {
    const before = await rowCounts();
    const failures: string[] = [];
    let sent = 0;
    let routes = 0;
    const check = (label: string, res: Response) => {
      sent += 1;
      const code = (res.body as { code?: string })?.code;
      if (res.status < 400 || res.status >= 500 || !ERROR_CODES.includes(code as never)) {
        failures.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    };

    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of ['post', 'patch', 'put'] as const) {
        const operation = operations[method];
        if (!operation) continue;
        const json = operation.requestBody?.content?.['application/json']?.schema;
        if (!json && operation.requestBody) continue; // multipart uploads: not JSON
        const url = `/api${routeIds(path.replace(/^\/api/, ''))}`;
        const label = `${method.toUpperCase()} ${path}`;
        routes += 1;
        // whose request gets past authorisation here (guards answer before validation)
        // (a route without a body gets only bodies the parser refuses: any actor will do, none is probed,
        // so nothing runs)
        let actor = actors[0];
        for (const candidate of json ? actors : []) {
          const probe = await send(method, url, candidate, '{"zzUnknownField":1}');
          if (probe.status !== 401 && probe.status !== 403) {
            actor = candidate;
            break;
          }
        }
        // Any route refuses what the body parser cannot take; a route without a body ignores a well-formed one.
        const whole: [string, string][] = [
          ['deep JSON', DEEP],
          ['malformed JSON', '{"a":'],
          ['oversized body', JSON.stringify({ x: 'x'.repeat(1_100_000) })],
        ];
        const schema = resolve(json);
        const base = (schema.properties ? sample(schema) : {}) as Record<string, unknown>;
        if (json) {
          whole.push(['array body', '[]'], ['string body', '"x"']);
          whole.push(['unknown field', JSON.stringify({ ...base, zzUnknownField: 1 })]);
        }
        for (const [what, body] of whole) check(`${label} ${what}`, await send(method, url, actor, body));
        for (const [prop, propSchema] of Object.entries(schema.properties ?? {})) {
          for (const [what, value] of badValues(propSchema)) {
            // alone (a PATCH reaches the service with it) and in an otherwise plausible body
            for (const body of [{ [prop]: value }, { ...base, [prop]: value }]) {
              check(`${label} ${prop}: ${what}`, await send(method, url, actor, JSON.stringify(body)));
            }
          }
        }
      }
    }

    process.stdout.write(`bad-input: ${sent} requests to ${routes} write routes, ${failures.length} not a 4xx\n`);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1_000);
    expect(await rowCounts()).toEqual(before);
    // A hang guard, not a wait: some 2,800 sequential requests to every write route; beside the other suites
    // on CI's two cores they have taken over the e2e project's 60 s default.
  }, 240_000);

  it('register with org or user as an array is a 400 naming the field', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ org: [], user: { email: 'a@example.cn', password: 'test-password-123', displayName: '张三' } });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain('org');
  });

  it('a NUL byte or a lone surrogate names its field; null on a price is refused, not sent to SQL', async () => {
    const [sme, operator] = actors;
    const nul = await t.http.patch(`/api/orgs/${sme.orgId}`).set(sme.auth).send({ address: 'abc\u0000def' });
    expect([nul.status, nul.body.code, nul.body.details.fields[0].field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'address',
    ]);
    const login = await t.http.post('/api/auth/login').send({ email: 'x\ud800y@example.cn', password: 'p' });
    expect([login.status, login.body.details.fields[0].field]).toEqual([400, 'email']);
    const price = await t.http.patch(`/api/services/${ids.services}`).set(operator.auth).send({ priceFen: null });
    expect([price.status, price.body.details.fields[0].field]).toEqual([400, 'priceFen']);
  });
});
