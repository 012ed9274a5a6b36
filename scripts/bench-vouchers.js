#!/usr/bin/env node
/**
 * `npm run bench:vouchers`: throughput of the money-moving voucher routes, beside pgbench on the same database.
 *
 * Builds (BENCH_NO_BUILD=1 skips it), makes sure the stack answers, then on a dedicated database
 * (`pilotlink_bench_vouchers`, recreated each run):
 *   1. generates in bulk SQL one bureau, one OPEN REIMBURSE program (budget for everything, its ledger accounts
 *      and BUDGET_GRANT), 200 verified SMEs with an owner each, one platform operator with listed platforms and
 *      published voucher-eligible services, 10,000 vouchers issued through ledger ISSUE transactions
 *      (BUDGET → VOUCHER, approved applications) and 10,000 CONTRACTED / DELIVERED orders, one per voucher —
 *      and checks the ledger invariants (`verifyLedger`) before measuring;
 *   2. boots the built API and worker and logs in as every SME owner and the bureau;
 *   3. the floor: GET /api/me (authenticated, two reads), the cheapest route, as a ceiling for the others;
 *      (a) holds: POST /api/orders/:id/voucher-hold {voucherId} with an Idempotency-Key, 50 clients at once;
 *   4. (b) claims: completes and pays those orders and files their claims in bulk SQL, then
 *      POST /api/claims/:id/approve (bureau) with an Idempotency-Key, 50 clients at once;
 *   5. pgbench (TPC-B-like, `-c 50 -j 2`) on its own pgbench_* tables in the same database;
 *   6. prints rates against pgbench's TPS (target: each ≥ 25 %) and checks the ledger again.
 * Exits non-zero on any 5xx answer or ledger violation. Loopback only, bounded in requests and time (10 min);
 * drops the database afterwards (BENCH_KEEP=1 keeps it). Not part of `npm test`.
 */
const { execFile } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { createHarness, percentiles, root, verdict } = require('./lib/harness');

const SME_ORGS = 200;
const PLATFORMS = 10;
const SERVICES_PER_PLATFORM = 3;
const VOUCHERS = 10_000; // and as many orders, one per voucher
const ORDER_FEN = 1_000_000; // ¥10,000 per order
const FACE_VALUE_FEN = 800_000; // per voucher; the rule (50 %) holds 500,000 of each
const RATIO_BP = 5_000;
const SPARE_BUDGET_FEN = 100_000_000; // left unissued in BUDGET
const WARMUP_HOLDS = 200; // on orders outside the measured ones
const HOLDS = 5_000;
const CLAIMS = 3_000;
const FLOOR_REQUESTS = 5_000;
const CONCURRENCY = 50;
// API processes, as replicas would run (BENCH_API_PROCESSES). One by default: on two cores a second process
// measured slower (194 vs 215 holds/s), the machine being saturated by PostgreSQL, the API and the worker.
const API_PROCESSES = Number(process.env.BENCH_API_PROCESSES) || 1;
const PHASE_LIMIT_MS = 120_000; // a measured phase stops sending after this
const REQUEST_TIMEOUT_MS = 30_000;
const PGBENCH = { scale: 10, clients: 50, threads: 2, seconds: 20 };
const TARGET_RATIO = 0.25; // of pgbench's TPS
const DEADLINE_MS = 10 * 60_000;
const DB_NAME = 'pilotlink_bench_vouchers';
const PASSWORD = 'Bench-vouchers-password-2026';

const harness = createHarness({
  name: 'bench:vouchers',
  dbName: DB_NAME,
  indexPrefix: 'benchv_',
  queuePrefix: 'pilotlink-benchv',
  deadlineMs: DEADLINE_MS,
  // ~200 logins from one address in a minute: the login throttle would refuse most of them.
  env: { LOGIN_RATE_LIMIT: '100000', AUTH_RATE_LIMIT: '100000' },
});
const { log } = harness;
const held = { pg: null, dataSource: null };

async function main() {
  const env = await harness.prepare();
  require('reflect-metadata'); // the compiled libraries carry Nest and TypeORM decorators
  const { verifyLedger } = require(path.join(root, 'dist/libs/voucher/src/ledger/ledger-verifier.js'));
  harness.cli('migrate');

  const { Client } = require('pg');
  held.pg = new Client({ connectionString: env.DATABASE_URL });
  await held.pg.connect();
  const pg = held.pg;
  const { DataSource } = require('typeorm');
  held.dataSource = new DataSource({ type: 'postgres', url: env.DATABASE_URL, logging: false, extra: { max: 2 } });
  await held.dataSource.initialize();

  log(`generating ${SME_ORGS} SMEs, ${PLATFORMS} platforms, ${VOUCHERS} vouchers and orders (bulk SQL)`);
  const generateStarted = Date.now();
  const corpus = await generate(pg);
  log(`generated in ${((Date.now() - generateStarted) / 1000).toFixed(1)} s; checking the ledger`);
  const before = await verifyLedger(held.dataSource.manager);
  if (before.length) {
    for (const v of before.slice(0, 20)) log(`  ${v.invariant}: ${v.detail}`);
    throw new Error(`the generated data breaks ${before.length} ledger invariant(s): not measuring`);
  }

  log(`starting ${API_PROCESSES} built API process(es) and the worker`);
  const bases = await harness.bootApis(API_PROCESSES);
  const base = bases[0];
  const tokens = await logIn(base, corpus);

  // (a) holds
  const holdOf = (order) => ({
    route: `/orders/${order.id}/voucher-hold`,
    token: tokens.get(order.smeOrgId),
    body: { voucherId: order.voucherId },
  });
  // The floor: the cheapest authenticated route (the token checked, the user and org read), as the same
  // clients send it. No route of this API on this machine goes faster, so it bounds what the target asks.
  const floorJobs = corpus.orders
    .slice(0, FLOOR_REQUESTS)
    .map((o) => ({ method: 'GET', route: '/me', token: tokens.get(o.smeOrgId) }));
  log(
    `measuring the floor: ${floorJobs.length} GET /api/me, ${CONCURRENCY} at a time (after ${WARMUP_HOLDS} to warm up)`,
  );
  await measure(bases, floorJobs.slice(0, WARMUP_HOLDS), CONCURRENCY);
  const floor = await measure(bases, floorJobs, CONCURRENCY);
  const warmupOrders = corpus.orders.slice(HOLDS, HOLDS + WARMUP_HOLDS);
  log(`warming up: ${warmupOrders.length} holds`);
  const warmup = await measure(bases, warmupOrders.map(holdOf), CONCURRENCY);
  assertRouteExists(warmup, 'POST /api/orders/:id/voucher-hold');
  const holdOrders = corpus.orders.slice(0, HOLDS);
  log(`measuring ${holdOrders.length} holds, ${CONCURRENCY} at a time`);
  const holds = await measure(bases, holdOrders.map(holdOf), CONCURRENCY);
  const replay = await replayFirst(base, holds);

  // (b) claims approved
  log(`completing and paying up to ${CLAIMS} held orders and filing their claims (bulk SQL)`);
  const claimIds = await fileClaims(
    pg,
    holdOrders.map((o) => o.id),
    CLAIMS,
  );
  log(`measuring ${claimIds.length} claim approvals, ${CONCURRENCY} at a time`);
  const bureauToken = tokens.get(corpus.bureauOrgId);
  const approvals = await measure(
    bases,
    claimIds.map((id) => ({ route: `/claims/${id}/approve`, token: bureauToken, body: {} })),
    CONCURRENCY,
  );
  assertRouteExists(approvals, 'POST /api/claims/:id/approve');

  // pgbench on the same database and server
  log(`pgbench: initialising scale ${PGBENCH.scale}, then ${PGBENCH.clients} clients for ${PGBENCH.seconds} s`);
  const pgbench = await runPgbench(env.DATABASE_URL);

  log('checking the ledger after the run');
  const after = await verifyLedger(held.dataSource.manager);
  const counts = await pg.query(
    `SELECT (SELECT count(*) FROM voucher_holds WHERE status <> 'RELEASED')::int AS holds,
            (SELECT count(*) FROM voucher_claims WHERE status = 'APPROVED')::int AS approved,
            (SELECT count(*) FROM ledger_transactions)::int AS transactions,
            (SELECT count(*) FROM ledger_postings)::int AS postings`,
  );
  printReport({ floor, holds, approvals, pgbench, replay, after, counts: counts.rows[0], warmup });
  const serverErrors = floor.byStatus5xx + holds.byStatus5xx + approvals.byStatus5xx + warmup.byStatus5xx;
  if (serverErrors || after.length) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------
// Data

/**
 * Everything the routes need, in one transaction of bulk statements. Ledger rows are written as the Ledger
 * service writes them: balances on the account rows, one transaction per movement whose postings sum to zero.
 */
async function generate(pg) {
  const hash = await passwordHash(PASSWORD);
  const codes = voucherCodes(VOUCHERS);
  await pg.query('BEGIN');
  try {
    const one = async (sql, params) => (await pg.query(sql, params)).rows[0];
    const today = await one(
      `SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today,
              extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int AS year`,
    );

    const bureau = await one(
      `INSERT INTO orgs (kind, name, uscc, region_code, verification_status, verified_at)
       VALUES ('BUREAU', '泉州市科学技术局（压测）', '11350500MB0000001X', '350500', 'VERIFIED', now()) RETURNING id`,
    );
    await pg.query(
      `INSERT INTO users (org_id, email, display_name, password_hash, role)
       VALUES ($1, 'bench-bureau@bench.pilotlink.cn', '科技局审核员', $2, 'OWNER')`,
      [bureau.id, hash],
    );
    const operator = await one(
      `INSERT INTO orgs (kind, name, uscc, region_code, verification_status, verified_at)
       VALUES ('PLATFORM_OPERATOR', '晋江中试服务集团（压测）有限公司', '91350582660000001X', '350582', 'VERIFIED', now())
       RETURNING id`,
    );
    const { rows: platforms } = await pg.query(
      `INSERT INTO platforms (operator_org_id, name, type, operating_model, field_codes, region_code, recognition_level,
                              description, status, listed_at)
       SELECT $1, '晋江锂电池正极材料中试平台' || n || '号', 'PILOT_SERVICE', 'SPECIALIZED', ARRAY['ENERGY_CATHODE'],
              '350582', 'PROVINCE', '面向锂电池材料企业的中试验证服务。', 'LISTED', now()
         FROM generate_series(1, $2::int) AS n
       RETURNING id`,
      [operator.id, PLATFORMS],
    );
    const { rows: services } = await pg.query(
      `INSERT INTO services (platform_id, title, description, category, field_codes, stages, pricing_kind, price_fen,
                             lead_time_days, voucher_eligible, status, published_at)
       SELECT p, '正极材料中试验证' || n || '型', '出具中试验证报告。', 'SCALE_UP', ARRAY['ENERGY_CATHODE'], ARRAY['PILOT'],
              'FIXED', $2, 30, true, 'PUBLISHED', now()
         FROM unnest($1::uuid[]) AS p, generate_series(1, $3::int) AS n
       RETURNING id, platform_id`,
      [platforms.map((p) => p.id), ORDER_FEN, SERVICES_PER_PLATFORM],
    );

    const { rows: smes } = await pg.query(
      `WITH o AS (
         INSERT INTO orgs (kind, name, uscc, region_code, tech_sme, size, verification_status, verified_at)
         SELECT 'SME', '晋江新能源材料科技第' || n || '有限公司', '9135058277' || lpad(n::text, 7, '0') || 'X',
                '350582', true, 'SMALL', 'VERIFIED', now()
           FROM generate_series(1, $1::int) AS n
         RETURNING id, uscc
       )
       INSERT INTO users (org_id, email, display_name, password_hash, role)
       SELECT id, 'bench-vsme-' || substr(uscc, 11, 7)::int || '@bench.pilotlink.cn', '采购负责人', $2, 'OWNER' FROM o
       RETURNING org_id AS id, email`,
      [SME_ORGS, hash],
    );
    smes.sort((a, b) => a.email.localeCompare(b.email, 'en', { numeric: true }));

    const budgetFen = VOUCHERS * FACE_VALUE_FEN + SPARE_BUDGET_FEN;
    const program = await one(
      `INSERT INTO voucher_programs (bureau_org_id, kind, name, year, status, rule, max_voucher_fen, cap_per_sme_year_fen,
                                     cap_per_order_fen, cap_per_platform_year_fen, apply_from, apply_until,
                                     validity_days, redemption_mode, cofunders, budget_fen, rules_locked_at)
       VALUES ($1, 'PILOT_SERVICE', $7, $2, 'OPEN', $3, 1000000, 100000000, 600000,
               100000000000, $4::date - 30, $4::date + 300, 365, 'REIMBURSE', $5, $6, now())
       RETURNING id`,
      [
        bureau.id,
        today.year,
        JSON.stringify({ kind: 'RATIO', ratioBp: RATIO_BP }),
        today.today,
        JSON.stringify([
          { key: 'quanzhou', name: '泉州市', shareBp: 5000 },
          { key: 'jinjiang', name: '晋江市', shareBp: 5000 },
        ]),
        String(budgetFen),
        `${today.year}年泉州市中试服务券（压测）`,
      ],
    );
    // The program's accounts and the grant: FUNDING → BUDGET.
    await pg.query(
      `INSERT INTO ledger_accounts (program_id, kind, cofunder_key, balance_fen)
       VALUES ($1, 'FUNDING', NULL, -$2::bigint), ($1, 'BUDGET', NULL, $2::bigint),
              ($1, 'PAID', 'quanzhou', 0), ($1, 'PAID', 'jinjiang', 0)`,
      [program.id, String(budgetFen)],
    );
    await pg.query(
      `WITH t AS (
         INSERT INTO ledger_transactions (program_id, kind, ref_type, ref_id, memo)
         VALUES ($1, 'BUDGET_GRANT', 'voucher_program', $1, 'bench grant') RETURNING id
       )
       INSERT INTO ledger_postings (transaction_id, account_id, amount_fen)
       SELECT t.id, a.id, CASE a.kind WHEN 'FUNDING' THEN -$2::bigint ELSE $2::bigint END
         FROM t, ledger_accounts a WHERE a.program_id = $1 AND a.kind IN ('FUNDING', 'BUDGET')`,
      [program.id, String(budgetFen)],
    );

    // Vouchers, issued: approved applications, three accounts each, one ISSUE (BUDGET → VOUCHER) each.
    const voucherSmes = codes.map((_, i) => smes[i % smes.length].id);
    const { rows: vouchers } = await pg.query(
      `INSERT INTO vouchers (code, program_id, sme_org_id, face_value_fen, status, valid_from, valid_until)
       SELECT code, $3, sme, $4, 'ACTIVE', $5::date - 30, $5::date + 335
         FROM unnest($1::text[], $2::uuid[]) WITH ORDINALITY AS v(code, sme, n)
        ORDER BY n
       RETURNING id, code, sme_org_id`,
      [codes, voucherSmes, program.id, FACE_VALUE_FEN, today.today],
    );
    const voucherByCode = new Map(vouchers.map((v) => [v.code, v]));
    await pg.query(
      `INSERT INTO voucher_applications (program_id, sme_org_id, requested_fen, approved_fen, purpose, status,
                                         decided_at, decided_by_org_id, voucher_id)
       SELECT program_id, sme_org_id, face_value_fen, face_value_fen, '正极材料中试验证', 'APPROVED', now(), $2, id
         FROM vouchers WHERE program_id = $1`,
      [program.id, bureau.id],
    );
    await pg.query(
      `INSERT INTO ledger_accounts (program_id, kind, voucher_id, balance_fen)
       SELECT program_id, 'VOUCHER', id, face_value_fen FROM vouchers WHERE program_id = $1
       UNION ALL SELECT program_id, 'HOLD', id, 0 FROM vouchers WHERE program_id = $1
       UNION ALL SELECT program_id, 'PAYABLE', id, 0 FROM vouchers WHERE program_id = $1`,
      [program.id],
    );
    await pg.query(
      `UPDATE ledger_accounts SET balance_fen = balance_fen - (SELECT sum(face_value_fen) FROM vouchers WHERE program_id = $1)
        WHERE program_id = $1 AND kind = 'BUDGET'`,
      [program.id],
    );
    await pg.query(
      `INSERT INTO ledger_transactions (program_id, kind, ref_type, ref_id)
       SELECT program_id, 'ISSUE', 'voucher', id FROM vouchers WHERE program_id = $1`,
      [program.id],
    );
    await pg.query(
      `INSERT INTO ledger_postings (transaction_id, account_id, amount_fen)
       SELECT t.id, b.id, -v.face_value_fen
         FROM ledger_transactions t JOIN vouchers v ON v.id = t.ref_id
         JOIN ledger_accounts b ON b.program_id = t.program_id AND b.kind = 'BUDGET'
        WHERE t.program_id = $1 AND t.kind = 'ISSUE'
       UNION ALL
       SELECT t.id, a.id, v.face_value_fen
         FROM ledger_transactions t JOIN vouchers v ON v.id = t.ref_id
         JOIN ledger_accounts a ON a.voucher_id = v.id AND a.kind = 'VOUCHER'
        WHERE t.program_id = $1 AND t.kind = 'ISSUE'`,
      [program.id],
    );

    // One order per voucher, of the voucher's SME, across every service; CONTRACTED or DELIVERED.
    const orders = codes.map((code, i) => {
      const voucher = voucherByCode.get(code);
      const service = services[i % services.length];
      return {
        id: randomUUID(),
        smeOrgId: voucher.sme_org_id,
        voucherId: voucher.id,
        platformId: service.platform_id,
        serviceId: service.id,
        contract: `BV${today.year}-${String(i + 1).padStart(6, '0')}`,
        status: i % 2 ? 'DELIVERED' : 'CONTRACTED',
      };
    });
    await pg.query(
      `INSERT INTO orders (id, sme_org_id, platform_id, platform_org_id, service_id, agreed_amount_fen, contract_number,
                           status, sme_confirmed_at, platform_confirmed_at, delivered_at, created_at)
       SELECT id, sme, platform, $7, service, $8, contract, status, now() - interval '20 days',
              now() - interval '20 days', CASE WHEN status = 'DELIVERED' THEN now() - interval '1 day' END,
              now() - interval '21 days'
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[])
              AS o(id, sme, platform, service, contract, status)`,
      [
        orders.map((o) => o.id),
        orders.map((o) => o.smeOrgId),
        orders.map((o) => o.platformId),
        orders.map((o) => o.serviceId),
        orders.map((o) => o.contract),
        orders.map((o) => o.status),
        operator.id,
        ORDER_FEN,
      ],
    );
    await pg.query('COMMIT');
    await pg.query('ANALYZE');
    return { bureauOrgId: bureau.id, programId: program.id, smes, orders };
  } catch (error) {
    await pg.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** One argon2id hash made by the app's own PasswordService (as the API hashes), reused for every user. */
async function passwordHash(password) {
  const compiled = path.join(root, 'dist/libs/identity/src/auth/password.service.js');
  if (fs.existsSync(compiled)) {
    const { PasswordService } = require(compiled);
    return new PasswordService().hash(password);
  }
  const argon2 = require('argon2');
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Valid, distinct voucher codes from the compiled domain (`QV2026-7K3M-9XQ2-T`), or plain serials without it. */
function voucherCodes(count) {
  const compiled = path.join(root, 'dist/libs/voucher/src/domain/voucher-code.js');
  const year = new Date().getFullYear();
  const generate = fs.existsSync(compiled)
    ? require(compiled).generateVoucherCode.bind(null, year)
    : (() => {
        let n = 0;
        return () => `QV${year}-BENCH-${String(++n).padStart(6, '0')}`;
      })();
  const codes = new Set();
  while (codes.size < count) codes.add(generate());
  return [...codes];
}

/**
 * Settles `limit` of the held orders and files their claims as ClaimsService.file leaves them: the order
 * COMPLETED and paid in full, the hold CLAIMED, a SUBMITTED claim by the SME (REIMBURSE). No money moves.
 */
async function fileClaims(pg, orderIds, limit) {
  await pg.query('BEGIN');
  try {
    await pg.query(
      `CREATE TEMP TABLE bench_claimed ON COMMIT DROP AS
       SELECT h.id AS hold_id, h.order_id, h.voucher_id, h.program_id, h.platform_id, h.sme_org_id, h.amount_fen,
              o.contract_number, o.agreed_amount_fen - o.voucher_deduction_fen AS owed_fen, o.agreed_amount_fen,
              (SELECT u.id FROM users u WHERE u.org_id = h.sme_org_id ORDER BY u.created_at LIMIT 1) AS payer
         FROM voucher_holds h JOIN orders o ON o.id = h.order_id
        WHERE h.status = 'HELD' AND h.order_id = ANY($1::uuid[])
        ORDER BY o.contract_number
        LIMIT $2`,
      [orderIds, limit],
    );
    await pg.query(
      `UPDATE orders o SET status = 'COMPLETED', delivered_at = coalesce(o.delivered_at, now() - interval '2 days'),
                           completed_at = now() - interval '1 day', updated_at = now()
         FROM bench_claimed c WHERE o.id = c.order_id`,
    );
    await pg.query(
      `INSERT INTO order_payments (order_id, amount_fen, paid_on, method, reference, recorded_by)
       SELECT order_id, owed_fen, (now() AT TIME ZONE 'Asia/Shanghai')::date - 1, 'BANK_TRANSFER',
              'BV-PAY-' || contract_number, payer
         FROM bench_claimed WHERE owed_fen > 0`,
    );
    await pg.query(
      `UPDATE voucher_holds h SET status = 'CLAIMED', updated_at = now() FROM bench_claimed c WHERE h.id = c.hold_id`,
    );
    const { rows } = await pg.query(
      `INSERT INTO voucher_claims (hold_id, order_id, voucher_id, program_id, platform_id, sme_org_id, payee_org_id,
                                   amount_fen, contract_number, invoice_number, invoice_amount_fen, payment_reference,
                                   checks, status)
       SELECT hold_id, order_id, voucher_id, program_id, platform_id, sme_org_id, sme_org_id, amount_fen,
              contract_number, 'FP' || contract_number, agreed_amount_fen, 'BV-PAY-' || contract_number, '[]'::jsonb,
              'SUBMITTED'
         FROM bench_claimed ORDER BY contract_number
       RETURNING id`,
    );
    await pg.query('COMMIT');
    return rows.map((r) => r.id);
  } catch (error) {
    await pg.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** Access tokens of every SME owner and the bureau (argon2 verification: a few at a time). */
async function logIn(base, corpus) {
  const accounts = [
    ...corpus.smes.map((s) => ({ orgId: s.id, email: s.email })),
    { orgId: corpus.bureauOrgId, email: 'bench-bureau@bench.pilotlink.cn' },
  ];
  log(`logging in ${accounts.length} users`);
  const tokens = new Map();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < accounts.length; i = next++) {
        const { status, body } = await request(base, 'POST', '/auth/login', {
          body: { email: accounts[i].email, password: PASSWORD },
        });
        if (status !== 200 && status !== 201) throw new Error(`login of ${accounts[i].email} answered ${status}`);
        tokens.set(accounts[i].orgId, body.accessToken);
      }
    }),
  );
  return tokens;
}

/** One JSON request; never throws on a status, only on a network failure (reported as status 0). */
/**
 * One HTTP request on a keep-alive connection. Plain node:http rather than fetch: the load generator shares
 * the machine's two cores with the API and PostgreSQL, and fetch spends several times the CPU per request
 * (pgbench's own client is lean C).
 */
function request(base, method, route, { token, body, idempotencyKey } = {}) {
  const payload = body !== undefined ? JSON.stringify(body) : undefined;
  return new Promise((resolve) => {
    const req = http.request(
      `${base}/api${route}`,
      {
        method,
        agent: keepAlive,
        timeout: REQUEST_TIMEOUT_MS,
        headers: {
          ...(payload !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = { raw: text.slice(0, 300) };
          }
          resolve({ status: res.statusCode, body: parsed });
        });
        res.on('error', (error) => resolve({ status: 0, body: { error: error.message } }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ status: 0, body: { error: error.message } }));
    req.end(payload);
  });
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POSTs every job with its own Idempotency-Key, `concurrency` in flight; stops sending after PHASE_LIMIT_MS.
 * Returns the answers by status, latencies, 2xx per second and a sample of the failures.
 */
async function measure(bases, jobs, concurrency) {
  const latencies = [];
  const statuses = new Map();
  const failures = [];
  const sent = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const cpuBefore = cpuSnapshot();
  const stopAt = Date.now() + PHASE_LIMIT_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      const base = bases[client % bases.length]; // clients spread evenly over the API processes
      for (let i = next++; i < jobs.length && Date.now() < stopAt; i = next++) {
        const job = jobs[i];
        const key = randomUUID();
        const t0 = process.hrtime.bigint();
        const res = await request(base, job.method ?? 'POST', job.route, {
          token: job.token,
          body: job.body,
          idempotencyKey: key,
        });
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 200 && res.status < 300) sent.push({ job, key, body: res.body });
        else if (failures.length < 5) failures.push({ route: job.route, status: res.status, body: res.body });
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = cpuSince(cpuBefore);
  const count = (test) => [...statuses].filter(([s]) => test(s)).reduce((n, [, c]) => n + c, 0);
  const ok = count((s) => s >= 200 && s < 300);
  return {
    attempted: latencies.length,
    of: jobs.length,
    ok,
    byStatus4xx: count((s) => s >= 400 && s < 500),
    byStatus5xx: count((s) => s >= 500 || s === 0),
    statuses: Object.fromEntries(statuses),
    seconds,
    cpuMsPerOk: ok ? cpu.busyMs / ok : null,
    cpuMsPerOkByGroup: ok ? perOk(cpu.byGroup, ok) : null,
    stealPct: cpu.stealPct,
    rate: ok / seconds,
    latency: latencies.length ? percentiles(latencies) : null,
    failures,
    sent,
  };
}

function assertRouteExists(result, route) {
  if (result.attempted && result.statuses[404] === result.attempted) {
    throw new Error(
      `${route} answered 404 to every request (${JSON.stringify(result.failures[0]?.body ?? null).slice(0, 200)}): ` +
        'are the voucher routes wired into the API?',
    );
  }
}

/** The first successful hold sent again with its key and body: the same answer (same hold id) is expected. */
async function replayFirst(base, holds) {
  const first = holds.sent[0];
  if (!first) return null;
  const again = await request(base, 'POST', first.job.route, {
    token: first.job.token,
    body: first.job.body,
    idempotencyKey: first.key,
  });
  return { status: again.status, same: again.body?.id !== undefined && again.body.id === first.body?.id };
}

// ---------------------------------------------------------------------------------------------
// CPU per operation: the machine's busy time (every process: API, worker, PostgreSQL, Redis, the clients)
// over a phase, divided by what the phase completed. Unlike a rate it barely moves with a noisy neighbour,
// and its ratio to pgbench's says what share of pgbench's rate a route could reach on any machine like it.

/**
 * CPU time so far (Linux /proc; zeros elsewhere): the machine's busy and stolen time, and each process's,
 * keyed by pid with its group (PostgreSQL, API, worker, Redis, clients — this script and pgbench — other).
 */
function cpuSnapshot() {
  const tickMs = 10; // USER_HZ is 100 on Linux
  const snapshot = { busyMs: 0, stealMs: 0, totalMs: 0, processes: new Map() };
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    snapshot.busyMs = (user + nice + system + irq + softirq) * tickMs;
    snapshot.stealMs = steal * tickMs;
    snapshot.totalMs = (user + nice + system + idle + iowait + irq + softirq + steal) * tickMs;
  } catch {
    return snapshot;
  }
  const children = new Map(
    harness.state.children.map((c) => [c.pid, c.spawnargs.join(' ').includes('worker') ? 'worker' : 'API']),
  );
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [utime, stime] = stat
        .slice(stat.lastIndexOf(')') + 2)
        .split(' ')
        .slice(11, 13)
        .map(Number);
      const group =
        children.get(Number(pid)) ??
        (comm === 'postgres'
          ? 'PostgreSQL'
          : comm.startsWith('redis')
            ? 'Redis'
            : Number(pid) === process.pid || comm === 'pgbench'
              ? 'clients'
              : 'other');
      snapshot.processes.set(pid, { group, ms: (utime + stime) * tickMs });
    } catch {
      // the process ended between listing and reading
    }
  }
  return snapshot;
}

/** What the machine spent since `before`: busy ms in all, per process group, and the share stolen. */
const CPU_GROUPS = ['PostgreSQL', 'API', 'worker', 'Redis', 'clients', 'other'];
const perOk = (byGroup, ok) => Object.fromEntries(Object.entries(byGroup).map(([group, ms]) => [group, ms / ok]));

function cpuSince(before) {
  const now = cpuSnapshot();
  const byGroup = {};
  for (const [pid, p] of now.processes)
    byGroup[p.group] = (byGroup[p.group] ?? 0) + p.ms - (before.processes.get(pid)?.ms ?? 0);
  const total = now.totalMs - before.totalMs;
  return {
    busyMs: now.busyMs - before.busyMs,
    byGroup,
    stealPct: total > 0 ? (100 * (now.stealMs - before.stealMs)) / total : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// pgbench

function runPgbench(databaseUrl) {
  const url = new URL(databaseUrl);
  const connection = [
    '-h',
    url.hostname.replace(/^\[(.*)\]$/, '$1'),
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
  ];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password || '') };
  const database = url.pathname.slice(1);
  const pgbench = fs.existsSync('/usr/bin/pgbench') ? '/usr/bin/pgbench' : 'pgbench';
  const run = (args, timeoutMs) =>
    new Promise((resolve, reject) =>
      execFile(pgbench, [...connection, ...args, database], { env, timeout: timeoutMs }, (error, stdout, stderr) =>
        error ? reject(new Error(`pgbench ${args.join(' ')} failed: ${stderr || error.message}`)) : resolve(stdout),
      ),
    );
  return (async () => {
    await run(['-i', '-q', '-s', String(PGBENCH.scale)], 120_000);
    const args = ['-c', PGBENCH.clients, '-j', PGBENCH.threads, '-T', PGBENCH.seconds].map(String);
    const cpuBefore = cpuSnapshot();
    const out = await run(args, (PGBENCH.seconds + 60) * 1000);
    const cpu = cpuSince(cpuBefore);
    const match = /tps = ([0-9.]+)/.exec(out);
    if (!match) throw new Error(`no "tps = …" in pgbench's output:\n${out}`);
    const latency = /latency average = ([0-9.]+) ms/.exec(out);
    const tps = Number(match[1]);
    const transactions = Number(
      /number of transactions actually processed: (\d+)/.exec(out)?.[1] ?? tps * PGBENCH.seconds,
    );
    return {
      tps,
      latencyMs: latency ? Number(latency[1]) : null,
      args: args.join(' '),
      cpuMsPerOk: cpu.busyMs / transactions,
      cpuMsPerOkByGroup: null, // pgbench and its backends exit with the run: only the machine's total is known
      stealPct: cpu.stealPct,
    };
  })();
}

// ---------------------------------------------------------------------------------------------
// Report

function printReport({ floor, holds, approvals, pgbench, replay, after, counts, warmup }) {
  const num = (v, d = 0) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const pct = (rate) => `${((100 * rate) / pgbench.tps).toFixed(1)} %`;
  const figures = (name, r) =>
    `  ${name.padEnd(32)}${`${num(r.ok)}/${num(r.attempted)}`.padStart(13)}${num(r.byStatus4xx).padStart(6)}` +
    `${num(r.byStatus5xx).padStart(6)}${`${r.seconds.toFixed(1)} s`.padStart(9)}` +
    `${(r.latency ? `${r.latency.p50.toFixed(0)}/${r.latency.p95.toFixed(0)} ms` : '-').padStart(14)}` +
    `${`${num(r.rate, 1)}/s`.padStart(11)}${pct(r.rate).padStart(10)}`;
  const row = (name, r) =>
    figures(name, r) +
    `${`≥ ${(TARGET_RATIO * 100).toFixed(0)} %`.padStart(8)}  ${verdict(r.rate >= TARGET_RATIO * pgbench.tps && r.ok > 0)}`;
  const lines = [
    '',
    `  Voucher money benchmark — ${num(VOUCHERS)} vouchers and orders, ${SME_ORGS} SMEs, ${PLATFORMS} platforms, ` +
      `1 REIMBURSE program (rule ${RATIO_BP / 100} %, caps per order / SME / platform); ${CONCURRENCY} concurrent ` +
      `clients over ${API_PROCESSES} API process(es), each request with its own Idempotency-Key`,
    '',
    `  ${''.padEnd(32)}${'2xx/sent'.padStart(13)}${'4xx'.padStart(6)}${'5xx'.padStart(6)}${'time'.padStart(9)}` +
      `${'p50/p95'.padStart(14)}${'rate'.padStart(11)}${'vs pgb.'.padStart(10)}${'target'.padStart(8)}  verdict`,
    row('holds (POST …/voucher-hold)', holds),
    row('claims approved (POST …/approve)', approvals),
    `  ${`pgbench TPC-B (${pgbench.args}, scale ${PGBENCH.scale})`.padEnd(73)}` +
      `${`${num(pgbench.tps, 1)}/s`.padStart(14)}   (latency avg ${pgbench.latencyMs ?? '?'} ms)`,
    '',
    `  CPU per operation, the whole machine (API, worker, PostgreSQL, Redis, clients), and its ratio to a pgbench`,
    `  transaction's — the share of pgbench's rate the route could reach however fast the machine — and by process:`,
    ...[
      ['pgbench transaction', pgbench],
      ['GET /api/me (the floor)', floor],
      ['hold', holds],
      ['claim approval', approvals],
    ].map(
      ([name, r]) =>
        `    ${name.padEnd(26)}${r.cpuMsPerOk === null ? '-' : `${r.cpuMsPerOk.toFixed(2)} ms`.padStart(10)}` +
        `${r.cpuMsPerOk ? `${((100 * pgbench.cpuMsPerOk) / r.cpuMsPerOk).toFixed(1)} %`.padStart(10) : ''}` +
        `   ${r.cpuMsPerOkByGroup ? CPU_GROUPS.map((g) => `${g} ${(r.cpuMsPerOkByGroup[g] ?? 0).toFixed(2)}`).join(' · ') : 'PostgreSQL and pgbench (their processes end with the run)'}` +
        `   (stolen by the host: ${r.stealPct.toFixed(1)} %)`,
    ),
    '',
    `  The floor, for scale: GET /api/me (the token checked, user and org read; no write), same clients:`,
    `${figures('GET /api/me', floor)}  (no route of this API goes faster)`,
    '',
  ];
  for (const [name, r] of [
    ['floor', floor],
    ['warm-up holds', warmup],
    ['holds', holds],
    ['approvals', approvals],
  ]) {
    if (r.ok === r.attempted && r.attempted === r.of) continue;
    lines.push(
      `  ${name}: ${r.attempted} of ${r.of} sent, answers ${JSON.stringify(r.statuses)}` +
        (r.failures.length ? `; e.g. ${r.failures[0].status} ${JSON.stringify(r.failures[0].body).slice(0, 240)}` : ''),
    );
  }
  if (replay) {
    lines.push(
      `  Idempotent replay of the first hold (same key, same body): ${replay.status}, ` +
        `${replay.same ? 'same hold returned' : 'NOT the same answer'}`,
    );
  }
  lines.push(
    `  After the run: ${num(counts.holds)} live holds, ${num(counts.approved)} approved claims, ` +
      `${num(counts.transactions)} ledger transactions, ${num(counts.postings)} postings`,
    `  Ledger invariants (verifyLedger): ${after.length ? `${after.length} VIOLATION(S)` : 'all hold'}`,
    ...after.slice(0, 50).map((v) => `    ${v.invariant}: ${v.detail}`),
    ...(after.length > 50 ? [`    … and ${after.length - 50} more`] : []),
    '',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

module.exports = { generate, fileClaims };

if (require.main === module) {
  harness.run(main, {
    beforeCleanup: async () => {
      keepAlive.destroy();
      await held.dataSource?.destroy().catch(() => {});
      await held.pg?.end().catch(() => {});
    },
  });
}
