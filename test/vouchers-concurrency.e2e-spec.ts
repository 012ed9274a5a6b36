import { QUEUES } from '@pilotlink/queue';
import { createTestApp, RegisteredOrg, runJob, TestApp } from '@pilotlink/testing';
import { KEY_RETENTION_HOURS, requestHash } from '@pilotlink/voucher';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { randomUUID } from 'node:crypto';
import { expectStatus, idemKey, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/** Racing requests against the real API: budgets, voucher balances and claims never go past what exists. */
describe('vouchers: racing approvals, holds and claims (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let operator: RegisteredOrg;
  let platformId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
    ({ operator, platformId } = await w.listedPlatform());
  });
  afterAll(() => t.close());
  afterEach(async () => {
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });

  it('50 racing holds on one voucher across 50 orders never hold more than its balance', async () => {
    // 50 % of a ¥1,000 order = 50,000 fen a hold; the voucher's 1,010,000 fen cover 20 full holds
    // (1,000,000) and one of the last 10,000 (limited by the balance); the other 29 find it empty.
    const programId = await w.openProgram({ budgetFen: 2_000_000 });
    const sme = await w.verifiedSme();
    const voucherId = await w.voucher(sme, programId, 1_010_000);
    const serviceId = await w.fixedService(operator, platformId, 100_000, { title: '面料色牢度检测' });
    const orders: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const created = await Promise.all(Array.from({ length: 10 }, () => w.order(sme, serviceId)));
      orders.push(...created.map((o) => o.id));
    }

    const answers = await Promise.all(orders.map((orderId) => w.hold(sme, orderId, voucherId)));

    expect(answers.filter((r) => r.status >= 500)).toEqual([]);
    const held = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status !== 201);
    for (const r of refused) {
      expect([
        [422, 'VOUCHER_EMPTY'],
        [409, 'INSUFFICIENT_BALANCE'],
      ]).toContainEqual([r.status, r.body.code]);
    }
    const heldSum = held.reduce((sum, r) => sum + (r.body.amountFen as number), 0);
    expect(heldSum).toBeLessThanOrEqual(1_010_000);
    // The voucher row is locked per hold, so the holds queue and use the balance to the last fen.
    expect(heldSum).toBe(1_010_000);
    expect(held).toHaveLength(21);
    expect(held.filter((r) => r.body.limitedBy === 'VOUCHER_BALANCE').map((r) => r.body.amountFen)).toEqual([10_000]);
    expect(held.filter((r) => r.body.limitedBy === 'RULE')).toHaveLength(20);

    const [rows] = await t.db.query(
      `SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::text AS total, count(DISTINCT order_id)::int AS orders
         FROM voucher_holds WHERE voucher_id = $1 AND status = 'HELD'`,
      [voucherId],
    );
    expect(rows).toEqual({ n: 21, total: '1010000', orders: 21 });
    expect(await w.account(programId, 'HOLD', voucherId)).toBe(1_010_000);
    expect(await w.account(programId, 'VOUCHER', voucherId)).toBe(0);
    expect(await w.wallet(sme, voucherId)).toMatchObject({
      faceValueFen: 1_010_000,
      balanceFen: 1_010_000,
      availableFen: 0,
      heldFen: 1_010_000,
    });
    expect(await w.summary(programId)).toMatchObject({
      heldFen: 1_010_000,
      availableOnVouchersFen: 0,
      remainingFen: 990_000,
    });
  });

  describe('one claim per hold, whatever the retries', () => {
    let sme: RegisteredOrg;
    let programId: string;
    let voucherId: string;
    let serviceId: string;

    /** A completed order paid in full, carrying a hold of this voucher. */
    async function settledOrderWithHold() {
      const order = await w.order(sme, serviceId);
      await expectStatus(w.hold(sme, order.id, voucherId), 201);
      await w.complete(sme, operator, order.id);
      await expectStatus(w.pay(sme, order.id, order.agreedAmountFen), 201);
      return order;
    }

    beforeAll(async () => {
      programId = await w.openProgram({ budgetFen: 2_000_000 });
      sme = await w.verifiedSme();
      voucherId = await w.voucher(sme, programId, 1_000_000);
      serviceId = await w.fixedService(operator, platformId, 400_000, { title: '面料抗菌性能中试' });
    });

    it('the same claim 20 times in parallel with one Idempotency-Key: one claim, 20 identical answers', async () => {
      const order = await settledOrderWithHold();
      const key = idemKey();
      const body = w.claimBody(order);
      const answers = await Promise.all(Array.from({ length: 20 }, () => w.fileClaim(sme, body, key)));

      expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
      const first = answers[0].body;
      expect(first).toMatchObject({ status: 'SUBMITTED', orderId: order.id, amountFen: 200_000 }); // 50 % of 400,000
      for (const r of answers) expect(r.body).toEqual(first);
      const [claims] = await t.db.query(`SELECT count(*)::int AS n FROM voucher_claims WHERE order_id = $1`, [
        order.id,
      ]);
      expect(claims.n).toBe(1);

      // the same key with another body is refused, and changes nothing
      const reused = await w.fileClaim(sme, { ...body, invoiceNumber: '35002699999999' }, key);
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const [after] = await t.db.query(
        `SELECT count(*)::int AS n, min(invoice_number) AS invoice FROM voucher_claims WHERE order_id = $1`,
        [order.id],
      );
      expect(after).toEqual({ n: 1, invoice: '35002612345678' });
      // and a later retry with the same key and body still answers the first result
      const retry = await w.fileClaim(sme, body, key);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first);
    });

    it('the same claim 20 times in parallel with 20 different keys: one claim, 19 × CLAIM_EXISTS', async () => {
      const order = await settledOrderWithHold();
      const body = w.claimBody(order);
      const answers = await Promise.all(Array.from({ length: 20 }, () => w.fileClaim(sme, body, idemKey())));

      expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
      const refused = answers.filter((r) => r.status !== 201);
      expect(refused).toHaveLength(19);
      for (const r of refused) expect([r.status, r.body.code]).toEqual([409, 'CLAIM_EXISTS']);
      const claims = await t.db.query(`SELECT status, amount_fen FROM voucher_claims WHERE order_id = $1`, [order.id]);
      expect(claims).toEqual([{ status: 'SUBMITTED', amount_fen: '200000' }]);
      const [hold] = await t.db.query(`SELECT status FROM voucher_holds WHERE order_id = $1`, [order.id]);
      expect(hold.status).toBe('CLAIMED');
    });

    it('racing approvals of one claim with one key move the money once', async () => {
      const order = await settledOrderWithHold();
      const claim = await expectStatus(w.fileClaim(sme, w.claimBody(order)), 201);
      const key = idemKey();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.http.post(`/api/claims/${claim.body.id}/approve`).set(w.bureau.auth).set('Idempotency-Key', key).send({}),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
      for (const r of answers) expect(r.body).toEqual(answers[0].body);
      const [approvals] = await t.db.query(
        `SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'APPROVE' AND ref_id = $1`,
        [claim.body.id],
      );
      expect(approvals.n).toBe(1);
      expect(await w.account(programId, 'PAYABLE')).toBe(200_000);
    });
  });

  describe('keys left behind', () => {
    /** A key as a request leaves it, `ageSeconds` ago: IN_PROGRESS (it died before answering) or DONE. */
    async function leftKey(orgId: string, key: string, hash: string, ageSeconds: number, state = 'IN_PROGRESS') {
      await t.db.query(
        `INSERT INTO idempotency_keys (org_id, key, request_hash, state, response, created_at)
         VALUES ($1, $2, $3, $4, $5, now() - make_interval(secs => $6))`,
        [
          orgId,
          key,
          hash,
          state,
          state === 'DONE' ? JSON.stringify({ kind: 'ok', body: { replayed: true } }) : null,
          ageSeconds,
        ],
      );
    }

    // A key is now written only with its outcome, in the request's transaction; an earlier version left
    // IN_PROGRESS rows when its process died. Nothing runs under such a row any more: the same request
    // takes it over at once (no 409 IDEMPOTENCY_IN_PROGRESS for minutes), another is refused.
    it('a key an earlier version left IN_PROGRESS is taken over by the same request at once, never by another', async () => {
      const programId = await w.openProgram({ budgetFen: 1_000_000 });
      const sme = await w.verifiedSme();
      const voucherId = await w.voucher(sme, programId, 500_000);
      const serviceId = await w.fixedService(operator, platformId, 100_000, { title: '面料透气性中试' });
      const order = await w.order(sme, serviceId);
      const route = `/api/orders/${order.id}/voucher-hold`;
      const staleKey = idemKey();
      await leftKey(sme.orgId, staleKey, requestHash('POST', route, { voucherId }), 1);
      // another request under the stale key is still refused: the key names the first request
      const other = await w.hold(sme, order.id, randomUUID(), staleKey);
      expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);

      const retried = await w.hold(sme, order.id, voucherId, staleKey);
      expect(retried.status).toBe(201);
      expect(retried.body).toMatchObject({ orderId: order.id, voucherId, amountFen: 50_000, status: 'HELD' });
      const [row] = await t.db.query(`SELECT state, response FROM idempotency_keys WHERE org_id = $1 AND key = $2`, [
        sme.orgId,
        staleKey,
      ]);
      expect(row).toEqual({ state: 'DONE', response: { kind: 'ok', body: retried.body } });
      // and it now replays like any other key
      expect((await w.hold(sme, order.id, voucherId, staleKey)).body).toEqual(retried.body);
    });

    it('the hourly prune deletes keys past their retention only', async () => {
      const sme = await w.verifiedSme();
      // The worker's scheduler also runs the job once as it boots: either run may be the one that prunes.
      const worker = await t.startWorker();
      const [old, recent] = [idemKey(), idemKey()];
      await leftKey(sme.orgId, old, 'h', KEY_RETENTION_HOURS * 3600 + 60, 'DONE');
      await leftKey(sme.orgId, recent, 'h', KEY_RETENTION_HOURS * 3600 - 600, 'DONE');
      const result = await runJob<{ pruned: number }>(t, worker, QUEUES.MAINTENANCE, 'prune-idempotency-keys');
      expect(result).toEqual({ pruned: expect.any(Number) });
      const kept = await t.db.query(`SELECT key FROM idempotency_keys WHERE org_id = $1 ORDER BY key`, [sme.orgId]);
      expect(kept).toEqual([{ key: recent }]);
      // nothing else is due: a second run deletes nothing
      expect(await runJob(t, worker, QUEUES.MAINTENANCE, 'prune-idempotency-keys')).toEqual({ pruned: 0 });
    });
  });
});
