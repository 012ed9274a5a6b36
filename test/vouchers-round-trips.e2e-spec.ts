import { createTestApp, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { DataSource } from 'typeorm';
import { expectStatus, idemKey, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/** Every statement the API's DataSource sends, in order, shortened. */
function recordStatements(dataSource: DataSource, into: string[]): void {
  const logger = dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, queryRunner) => {
    into.push(query.replace(/\s+/g, ' ').trim().slice(0, 90));
    return logQuery(query, parameters, queryRunner);
  };
}

/**
 * The money routes' round trips to PostgreSQL (issue 22): each costs the API and the database CPU, so a hold
 * and an approval each gather their facts and write everything — the hold or decision, the ledger movement,
 * the cap counters, the audit event, the outbox row and the Idempotency-Key's answer — in one statement.
 * Counted on the API's DataSource; a regression (a write split again, a per-row read) adds statements.
 */
describe('vouchers: round trips of a hold and of a claim approval (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let operator: RegisteredOrg;
  let platformId: string;
  let sme: RegisteredOrg;
  const statements: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
    ({ operator, platformId } = await w.listedPlatform());
    sme = await w.verifiedSme();
    recordStatements(t.db, statements);
  });
  afterAll(() => t.close());

  it('a hold and an approval, each with an Idempotency-Key, write in one statement each', async () => {
    // Every kind of cap counter, as the busiest programs have.
    const programId = await w.openProgram({
      budgetFen: 2_000_000,
      capPerSmeYearFen: 1_000_000,
      capPerPlatformYearFen: 5_000_000,
      onePerPair: true,
    });
    const voucherId = await w.voucher(sme, programId, 1_000_000);
    const serviceId = await w.fixedService(operator, platformId, 100_000, { title: '面料色牢度检测' });
    const order = await w.order(sme, serviceId);

    statements.length = 0;
    const hold = await expectStatus(w.hold(sme, order.id, voucherId, idemKey()), 201);
    expect(hold.body).toMatchObject({ amountFen: 50_000, status: 'HELD', limitedBy: 'RULE' });
    expect(statements).toEqual([
      expect.stringMatching(/^SELECT 1 FROM orgs/), // the route's guard: the SME is verified
      'START TRANSACTION',
      expect.stringMatching(/idempotency_key_take/), // the key's lock and recorded answer
      'SAVEPOINT idempotent_request',
      expect.stringMatching(/^SELECT row_to_json\(vo\)/), // the order (locked), its offer and both orgs
      expect.stringMatching(/^SELECT/), // the voucher (locked), its program, balance, counters, live hold
      expect.stringMatching(/^WITH hold AS \( INSERT INTO voucher_holds/), // every write
      'COMMIT',
    ]);
    // The one statement wrote them all.
    const [written] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM ledger_transactions WHERE ref_id = $1 AND kind = 'HOLD') AS movements,
              (SELECT count(*)::int FROM voucher_cap_usage WHERE program_id = $2) AS counters,
              (SELECT count(*)::int FROM audit_events WHERE entity_id = $1::text) AS audited,
              (SELECT count(*)::int FROM outbox WHERE aggregate_id = $1 AND event_type = 'voucher.hold.placed') AS told,
              (SELECT count(*)::int FROM idempotency_keys WHERE org_id = $3 AND state = 'DONE'
                  AND response->'body'->>'id' = $1::text) AS answered`,
      [hold.body.id, programId, sme.orgId],
    );
    expect(written).toEqual({ movements: 1, counters: 3, audited: 1, told: 1, answered: 1 });

    await w.complete(sme, operator, order.id);
    await expectStatus(w.pay(sme, order.id, 100_000), 201);
    const claim = await expectStatus(w.fileClaim(sme, w.claimBody(order), idemKey()), 201);
    statements.length = 0;
    const approved = await expectStatus(
      t.http.post(`/api/claims/${claim.body.id}/approve`).set(w.bureau.auth).set('Idempotency-Key', idemKey()).send({}),
      200,
    );
    expect(approved.body).toMatchObject({ id: claim.body.id, status: 'APPROVED' });
    expect(statements).toEqual([
      expect.stringMatching(/^SELECT role FROM users/), // the route's guard: the reviewer's duty
      'START TRANSACTION',
      expect.stringMatching(/idempotency_key_take/),
      'SAVEPOINT idempotent_request',
      expect.stringMatching(/^SELECT c\.id/), // the claim, its hold and voucher (locked), the program's rules
      expect.stringMatching(/^WITH ledger_ref AS/), // every write
      'COMMIT',
    ]);
    expect(await w.account(programId, 'PAYABLE', voucherId)).toBe(50_000);
  });
});
