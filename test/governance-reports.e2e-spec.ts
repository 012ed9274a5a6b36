import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { Workbook } from 'exceljs';
import type { Response } from 'supertest';
import { CatalogueRows } from './support/search-fixtures';
import { expectStatus, PDF, today, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

type Row = Record<string, string>;

/** RFC 4180 with a UTF-8 BOM, as the API writes it: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): Row[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted && ch === '"' && body[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += ch;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 1;
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length) records.push([...record, field]);
  const [header, ...rows] = records;
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

/** Every sheet of an XLSX as rows keyed by the first row's names. */
async function parseXlsx(buffer: Buffer): Promise<Record<string, Record<string, unknown>[]>> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets: Record<string, Record<string, unknown>[]> = {};
  workbook.eachSheet((sheet) => {
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Object.fromEntries(header.map((name, i) => [name, row.getCell(i + 1).value ?? null])));
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

/** A JSON row as the CSV writes it: numbers as digits, null as an empty cell. */
const asCsv = (row: Record<string, unknown>): Row =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Bureau reports (SPEC §7): a program's totals equal its ledger (cross-checked in SQL and with the
 * program summary), reimbursements break down by field, region, platform and month; the per-platform
 * indicators; the demand funnel. CSV and XLSX are parsed back and carry the JSON's numbers. A bureau
 * sees its own programs and jurisdiction; SMEs and platforms may not read reports.
 */
describe('governance reports: programs, platforms, funnel — JSON, CSV, XLSX (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let operator: RegisteredOrg;
  let platformId: string;
  let smeA: RegisteredOrg;
  let smeB: RegisteredOrg;
  let fuzhouBureau: RegisteredOrg;
  let admin: RegisteredOrg;
  let programId: string;
  let fuzhouPlatformId: string;
  const year = Number(today().slice(0, 4));
  const month = today().slice(0, 7);

  const get = (path: string, who: RegisteredOrg) => t.http.get(path).set(who.auth);
  /** A download as bytes (supertest would otherwise try to parse it). */
  const download = (path: string, who: RegisteredOrg): Promise<Response> =>
    get(path, who)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      }) as unknown as Promise<Response>;

  /** An order from an accepted quote starts ACCEPTED: contract by both, start, deliver a report, complete. */
  const completeAccepted = async (sme: RegisteredOrg, orderId: string) => {
    await expectStatus(w.act(sme, orderId, 'contract'), 200);
    await expectStatus(w.act(operator, orderId, 'contract'), 200);
    await expectStatus(w.act(operator, orderId, 'start'), 200);
    await expectStatus(
      t.http.post(`/api/orders/${orderId}/deliver`).set(operator.auth).attach('file', PDF, '验收报告.pdf'),
      200,
    );
    await expectStatus(w.act(sme, orderId, 'complete'), 200);
  };

  const publishDemand = async (sme: RegisteredOrg, title: string, fieldCode: string, publish = true) => {
    const demand = await expectStatus(
      t.http
        .post('/api/demands')
        .set(sme.auth)
        .send({ title, fieldCode, stage: 'PILOT', mode: 'OPEN', confidentiality: 'PUBLIC' }),
      201,
    );
    if (publish) await expectStatus(t.http.post(`/api/demands/${demand.body.id}/publish`).set(sme.auth), 200);
    return demand.body.id as string;
  };

  /** A platform told of the publication (what the notification dispatcher writes; no worker runs here). */
  const notifyPublished = (demandId: string) =>
    t.db.query(
      `INSERT INTO notifications (recipient_org_id, event_key, event_type, subject_type, subject_id, title)
       VALUES ($1, 'demand.published.' || $2::uuid::text, 'demand.published', 'demand', $2::uuid, '新需求')`,
      [operator.orgId, demandId],
    );

  const quote = (demandId: string, priceFen: number) =>
    expectStatus(
      t.http.post(`/api/demands/${demandId}/quotes`).set(operator.auth).send({
        platformId,
        priceFen,
        timelineDays: 30,
        scope: '配方验证 + 中试放大 + 检测报告',
        validUntil: '2099-12-31',
      }),
      201,
    );

  /** Files and approves the claim of a completed order paid in full; returns the claim id. */
  const approvedClaim = async (sme: RegisteredOrg, orderId: string) => {
    const order = (await expectStatus(get(`/api/orders/${orderId}`, sme), 200)).body;
    await expectStatus(w.pay(sme, orderId, order.agreedAmountFen), 201);
    const claim = await expectStatus(w.fileClaim(sme, w.claimBody(order)), 201);
    await expectStatus(t.http.post(`/api/claims/${claim.body.id}/approve`).set(w.bureau.auth).send({}), 200);
    return claim.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init(); // the bureau of 泉州 (350500)
    fuzhouBureau = await createPrivilegedOrg(t, 'BUREAU', '350100');
    admin = await createPrivilegedOrg(t, 'ADMIN', '350000');
    ({ operator, platformId } = await w.listedPlatform('晋江市纺织面料中试服务平台'));
    smeA = await w.verifiedSme({ name: '晋江市恒达鞋材有限公司' }); // 晋江 350582
    smeB = await w.verifiedSme({ name: '泉州市丰泽印染有限公司', regionCode: '350503' }); // 丰泽区
    const smeFuzhou = await registerOrg(t.http, { name: '福州市闽江纺织有限公司', regionCode: '350100' });
    await expectStatus(t.http.post(`/api/orgs/${smeFuzhou.orgId}/verify`).set(fuzhouBureau.auth), 200);
    // a listed platform outside 泉州, written directly (the 泉州 bureau may not list it)
    const rows = new CatalogueRows(t);
    const fuzhouOperator = await rows.operator('福州材料中试有限公司', '350100');
    fuzhouPlatformId = (
      await rows.platform(fuzhouOperator.orgId, { name: '福州市新材料中试平台', regionCode: '350100' })
    ).id;

    const fiber = await w.fixedService(operator, platformId, 1_000_000, { fieldCodes: ['TEXTILE_FIBER'] });
    const dyeing = await w.fixedService(operator, platformId, 600_000, {
      title: '绿色印染工艺中试',
      fieldCodes: ['TEXTILE_DYEING', 'TEXTILE_FIBER'],
    });
    // RATIO 50 %, 泉州/晋江 1:1; no public notice (0 days), so an approved claim is paid at once
    programId = await w.openProgram({ budgetFen: 10_000_000, noticeDays: 0 });
    const voucherA = await w.voucher(smeA, programId, 1_500_000);
    const voucherB = await w.voucher(smeB, programId, 1_000_000);

    // 1. smeA, fibre service ¥10,000: hold 500,000 → completed, paid → claim approved → PAID
    const order1 = await w.order(smeA, fiber);
    await expectStatus(w.hold(smeA, order1.id, voucherA), 201);
    await w.complete(smeA, operator, order1.id);
    const claim1 = await approvedClaim(smeA, order1.id);
    await expectStatus(t.http.post(`/api/claims/${claim1}/pay`).set(w.payer.auth).send({}), 200);
    // 2. smeB, dyeing service ¥6,000: hold 300,000 → claim APPROVED (payable)
    const order2 = await w.order(smeB, dyeing);
    await expectStatus(w.hold(smeB, order2.id, voucherB), 201);
    await w.complete(smeB, operator, order2.id);
    await approvedClaim(smeB, order2.id);
    // 3. smeA, fibre again: hold 500,000, still HELD
    const order3 = await w.order(smeA, fiber);
    await expectStatus(w.hold(smeA, order3.id, voucherA), 201);

    // The funnel's demands. D1 (smeA, 新型鞋材): matched, quoted, ordered, completed, reimbursed —
    // its order has no service, so its claim counts under the demand's field.
    const d1 = await publishDemand(smeA, '超临界发泡鞋底中试', 'TEXTILE_SHOE_MATERIAL');
    await notifyPublished(d1);
    const q1 = await quote(d1, 400_000);
    const accepted = await expectStatus(t.http.post(`/api/quotes/${q1.body.id}/accept`).set(smeA.auth), 200);
    const order4 = accepted.body.orderId as string;
    await expectStatus(w.hold(smeA, order4, voucherA), 201); // 200,000
    await completeAccepted(smeA, order4);
    await approvedClaim(smeA, order4);
    // D2 (smeB, 绿色印染): quoted only. D3 (smeA, 集成电路): published only. D4: a draft. D5: 福州, outside 泉州.
    await quote(await publishDemand(smeB, '无水印染中试', 'TEXTILE_DYEING'), 800_000);
    await publishDemand(smeA, '芯片封装可靠性验证', 'ELECTRONICS_IC');
    await publishDemand(smeA, '尚未发布的需求', 'TEXTILE_FIBER', false);
    await publishDemand(smeFuzhou, '福州纺织功能纤维中试', 'TEXTILE_FIBER');
  });
  afterAll(() => t?.close());
  afterEach(async () => {
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });

  describe('GET /api/reports/programs/:id', () => {
    it("totals equal the ledger's (SQL on ledger_accounts and the program summary); breakdowns by field, region, platform, month", async () => {
      const report = (await expectStatus(get(`/api/reports/programs/${programId}`, w.bureau), 200)).body;
      // hand-computed: 2 vouchers (1,500,000 + 1,000,000); holds 500,000 (paid), 300,000 and 200,000
      // (approved), 500,000 (still held)
      expect(report.totals).toEqual({
        budgetFen: 10_000_000,
        issuedFen: 2_500_000,
        heldFen: 500_000,
        availableOnVouchersFen: 1_000_000,
        payableFen: 500_000,
        paidFen: 500_000,
        remainingFen: 7_500_000,
        reimbursedFen: 1_000_000,
        claimsReimbursed: 3,
      });

      const balances: { kind: string; total: string }[] = await t.db.query(
        `SELECT kind, sum(balance_fen)::bigint AS total FROM ledger_accounts WHERE program_id = $1 GROUP BY kind`,
        [programId],
      );
      const ledger = Object.fromEntries(balances.map((b) => [b.kind, Number(b.total)]));
      expect(ledger.FUNDING + ledger.BUDGET + ledger.VOUCHER + ledger.HOLD + ledger.PAYABLE + ledger.PAID).toBe(0);
      expect(report.totals).toMatchObject({
        budgetFen: -ledger.FUNDING,
        issuedFen: -ledger.FUNDING - ledger.BUDGET,
        heldFen: ledger.HOLD,
        availableOnVouchersFen: ledger.VOUCHER,
        payableFen: ledger.PAYABLE,
        paidFen: ledger.PAID,
        remainingFen: ledger.BUDGET,
        reimbursedFen: ledger.PAYABLE + ledger.PAID, // the claims agree with the ledger
      });
      const [claims] = await t.db.query(
        `SELECT count(*)::int AS n, sum(amount_fen)::bigint AS total FROM voucher_claims
          WHERE program_id = $1 AND status IN ('APPROVED', 'PAID')`,
        [programId],
      );
      expect([report.totals.claimsReimbursed, report.totals.reimbursedFen]).toEqual([claims.n, Number(claims.total)]);

      const summary = await w.summary(programId);
      expect(report.totals).toMatchObject({
        budgetFen: summary.budgetFen,
        issuedFen: summary.issuedFen,
        heldFen: summary.heldFen,
        availableOnVouchersFen: summary.availableOnVouchersFen,
        payableFen: summary.payableFen,
        paidFen: summary.paidFen,
        remainingFen: summary.remainingFen,
      });
      expect(report.cofunders).toEqual(summary.cofunders);
      expect(report.cofunders).toEqual([
        { key: 'quanzhou', name: '泉州市科学技术局', shareBp: 5000, budgetFen: 5_000_000, paidFen: 250_000 },
        { key: 'jinjiang', name: '晋江市科学技术局', shareBp: 5000, budgetFen: 5_000_000, paidFen: 250_000 },
      ]);
      const [paid] = await t.db.query(
        `SELECT sum(balance_fen)::bigint AS total FROM ledger_accounts WHERE program_id = $1 AND kind = 'PAID'`,
        [programId],
      );
      expect(report.cofunders.reduce((s: number, c: { paidFen: number }) => s + c.paidFen, 0)).toBe(Number(paid.total));

      expect(report).toMatchObject({ programId, year: 2026, status: 'OPEN', redemptionMode: 'REIMBURSE' });
      // the dyeing service's first field; the quote order's demand field
      expect(report.byField).toEqual([
        { key: 'TEXTILE_FIBER', label: '功能纤维', claims: 1, amountFen: 500_000, paidFen: 500_000 },
        { key: 'TEXTILE_DYEING', label: '绿色印染', claims: 1, amountFen: 300_000, paidFen: 0 },
        { key: 'TEXTILE_SHOE_MATERIAL', label: '新型鞋材', claims: 1, amountFen: 200_000, paidFen: 0 },
      ]);
      expect(report.byRegion).toEqual([
        { key: '350582', label: '晋江市', claims: 2, amountFen: 700_000, paidFen: 500_000 },
        { key: '350503', label: '350503', claims: 1, amountFen: 300_000, paidFen: 0 },
      ]);
      expect(report.byPlatform).toEqual([
        { key: platformId, label: '晋江市纺织面料中试服务平台', claims: 3, amountFen: 1_000_000, paidFen: 500_000 },
      ]);
      expect(report.byMonth).toEqual([{ key: month, label: month, claims: 3, amountFen: 1_000_000, paidFen: 500_000 }]);
      for (const breakdown of [report.byField, report.byRegion, report.byPlatform, report.byMonth]) {
        const sum = breakdown.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0);
        expect(sum).toBe(report.totals.reimbursedFen);
      }

      // an admin sees the same report
      expect((await expectStatus(get(`/api/reports/programs/${programId}`, admin), 200)).body).toEqual(report);
    });

    it('CSV: one file with a section column, the same numbers as the JSON', async () => {
      const report = (await expectStatus(get(`/api/reports/programs/${programId}`, w.bureau), 200)).body;
      const res = await expectStatus(get(`/api/reports/programs/${programId}?format=csv`, w.bureau), 200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="program-report-${programId}.csv"`);
      expect(res.text.charCodeAt(0)).toBe(0xfeff); // BOM: spreadsheet programs read UTF-8
      const rows = parseCsv(res.text);
      expect(Object.keys(rows[0])).toEqual([
        'section',
        'key',
        'label',
        'value',
        'shareBp',
        'budgetFen',
        'paidFen',
        'claims',
        'amountFen',
      ]);
      const section = (name: string) => rows.filter((r) => r.section === name);
      expect(Object.fromEntries(section('totals').map((r) => [r.key, Number(r.value)]))).toEqual(report.totals);
      expect(
        section('cofunders').map((r) => ({
          key: r.key,
          name: r.label,
          shareBp: Number(r.shareBp),
          budgetFen: Number(r.budgetFen),
          paidFen: Number(r.paidFen),
        })),
      ).toEqual(report.cofunders);
      for (const name of ['byField', 'byRegion', 'byPlatform', 'byMonth']) {
        expect(
          section(name).map((r) => ({
            key: r.key,
            label: r.label,
            claims: Number(r.claims),
            amountFen: Number(r.amountFen),
            paidFen: Number(r.paidFen),
          })),
        ).toEqual(report[name]);
      }
      expect(rows).toHaveLength(9 + 2 + 3 + 2 + 1 + 1);
    });

    it('XLSX: one sheet per section, numbers as numbers, the same as the JSON', async () => {
      const report = (await expectStatus(get(`/api/reports/programs/${programId}`, w.bureau), 200)).body;
      const res = await download(`/api/reports/programs/${programId}?format=xlsx`, w.bureau);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="program-report-${programId}.xlsx"`);
      const sheets = await parseXlsx(res.body as Buffer);
      expect(Object.keys(sheets)).toEqual(['totals', 'cofunders', 'byField', 'byRegion', 'byPlatform', 'byMonth']);
      expect(Object.fromEntries(sheets.totals.map((r) => [r.key, r.value]))).toEqual(report.totals);
      expect(sheets.cofunders.map(({ label, ...rest }) => ({ ...rest, name: label }))).toEqual(report.cofunders);
      for (const name of ['byField', 'byRegion', 'byPlatform', 'byMonth']) expect(sheets[name]).toEqual(report[name]);
    });

    it('another bureau → 404; SME and platform → 403; bad id → 404; bad format → 400', async () => {
      expect((await get(`/api/reports/programs/${programId}`, fuzhouBureau)).status).toBe(404);
      expect((await get(`/api/reports/programs/${programId}?format=csv`, fuzhouBureau)).status).toBe(404);
      expect((await get(`/api/reports/programs/${programId}`, smeA)).status).toBe(403);
      expect((await get(`/api/reports/programs/${programId}`, operator)).status).toBe(403);
      expect((await get('/api/reports/programs/00000000-0000-4000-8000-000000000000', w.bureau)).status).toBe(404);
      expect((await get('/api/reports/programs/not-a-uuid', w.bureau)).status).toBe(404);
      expect((await get(`/api/reports/programs/${programId}?format=pdf`, w.bureau)).status).toBe(400);
      expect((await t.http.get(`/api/reports/programs/${programId}`)).status).toBe(401);
    });
  });

  describe('GET /api/reports/platforms', () => {
    it("a bureau sees the listed platforms of its jurisdiction with the year's indicators; CSV and XLSX agree", async () => {
      const report = (await expectStatus(get(`/api/reports/platforms?year=${year}`, w.bureau), 200)).body;
      expect(report.year).toBe(year);
      expect(report.rows).toEqual([
        expect.objectContaining({
          platformId,
          name: '晋江市纺织面料中试服务平台',
          regionCode: '350582',
          ordersCompleted: 3, // orders 1, 2 and the quote's order
          serviceRevenueFen: 2_000_000, // 1,000,000 + 600,000 + 400,000, all paid
          smesServed: 2,
          claimsRejected: 0,
          score: expect.any(Number),
          suggestedGrade: expect.stringMatching(/^(EXCELLENT|GOOD|PASS|FAIL)$/),
        }),
      ]);
      const fuzhou = (await expectStatus(get(`/api/reports/platforms?year=${year}`, fuzhouBureau), 200)).body;
      expect(fuzhou.rows.map((r: { platformId: string }) => r.platformId)).toEqual([fuzhouPlatformId]);
      const all = (await expectStatus(get(`/api/reports/platforms?year=${year}`, admin), 200)).body;
      expect(all.rows.map((r: { platformId: string }) => r.platformId).sort()).toEqual(
        [platformId, fuzhouPlatformId].sort(),
      );

      const csv = await expectStatus(get(`/api/reports/platforms?year=${year}&format=csv`, w.bureau), 200);
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="platform-report-${year}.csv"`);
      expect(parseCsv(csv.text)).toEqual(report.rows.map(asCsv));
      const xlsx = await download(`/api/reports/platforms?year=${year}&format=xlsx`, w.bureau);
      expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
      expect(Object.values(await parseXlsx(xlsx.body as Buffer))).toEqual([report.rows]);
    });

    it('year is required and bounded; SMEs and platforms → 403', async () => {
      expect((await get('/api/reports/platforms', w.bureau)).status).toBe(400);
      expect((await get('/api/reports/platforms?year=1999', w.bureau)).status).toBe(400);
      expect((await get(`/api/reports/platforms?year=${year}`, smeA)).status).toBe(403);
      expect((await get(`/api/reports/platforms?year=${year}`, operator)).status).toBe(403);
    });
  });

  describe('GET /api/reports/funnel', () => {
    const stages = (
      published: number,
      matched: number,
      quoted: number,
      ordered: number,
      completed: number,
      reimbursed: number,
    ) => ({
      published,
      matched,
      quoted,
      ordered,
      completed,
      reimbursed,
    });

    it('per SME region × field and in total, within the jurisdiction; region and field filters', async () => {
      const report = (await expectStatus(get(`/api/reports/funnel?year=${year}`, w.bureau), 200)).body;
      expect(report).toEqual({
        year,
        regionCode: null,
        fieldCode: null,
        rows: [
          {
            regionCode: '350503',
            regionName: '350503',
            fieldCode: 'TEXTILE_DYEING',
            fieldName: '绿色印染',
            ...stages(1, 0, 1, 0, 0, 0),
          },
          {
            regionCode: '350582',
            regionName: '晋江市',
            fieldCode: 'ELECTRONICS_IC',
            fieldName: '集成电路',
            ...stages(1, 0, 0, 0, 0, 0),
          },
          {
            regionCode: '350582',
            regionName: '晋江市',
            fieldCode: 'TEXTILE_SHOE_MATERIAL',
            fieldName: '新型鞋材',
            ...stages(1, 1, 1, 1, 1, 1),
          },
        ],
        total: stages(3, 1, 2, 1, 1, 1), // the draft and the 福州 demand are not counted
      });
      // a top-level field matches its sub-fields
      const textile = (await expectStatus(get(`/api/reports/funnel?year=${year}&fieldCode=TEXTILE`, w.bureau), 200))
        .body;
      expect(textile.rows.map((r: { fieldCode: string }) => r.fieldCode)).toEqual([
        'TEXTILE_DYEING',
        'TEXTILE_SHOE_MATERIAL',
      ]);
      expect(textile.total).toEqual(stages(2, 1, 2, 1, 1, 1));
      const jinjiang = (await expectStatus(get(`/api/reports/funnel?year=${year}&regionCode=350582`, w.bureau), 200))
        .body;
      expect(jinjiang.total).toEqual(stages(2, 1, 1, 1, 1, 1));
      const city = (await expectStatus(get(`/api/reports/funnel?year=${year}&regionCode=350500`, w.bureau), 200)).body;
      expect(city.total).toEqual(report.total);
      // a region outside the jurisdiction shows nothing; another year is empty
      const outside = (await expectStatus(get(`/api/reports/funnel?year=${year}&regionCode=350100`, w.bureau), 200))
        .body;
      expect([outside.rows, outside.total]).toEqual([[], stages(0, 0, 0, 0, 0, 0)]);
      const before = (await expectStatus(get(`/api/reports/funnel?year=${year - 1}`, w.bureau), 200)).body;
      expect([before.rows, before.total]).toEqual([[], stages(0, 0, 0, 0, 0, 0)]);
      // 福州's bureau sees its own demand; an admin sees all four published
      const fuzhou = (await expectStatus(get(`/api/reports/funnel?year=${year}`, fuzhouBureau), 200)).body;
      expect(fuzhou.rows).toEqual([
        {
          regionCode: '350100',
          regionName: '福州市',
          fieldCode: 'TEXTILE_FIBER',
          fieldName: '功能纤维',
          ...stages(1, 0, 0, 0, 0, 0),
        },
      ]);
      expect((await expectStatus(get(`/api/reports/funnel?year=${year}`, admin), 200)).body.total.published).toBe(4);
    });

    it('CSV and XLSX: the rows and the TOTAL row carry the JSON numbers', async () => {
      const report = (await expectStatus(get(`/api/reports/funnel?year=${year}`, w.bureau), 200)).body;
      const expected = [
        ...report.rows,
        { regionCode: 'TOTAL', regionName: '合计', fieldCode: 'TOTAL', fieldName: '合计', ...report.total },
      ];
      const csv = await expectStatus(get(`/api/reports/funnel?year=${year}&format=csv`, w.bureau), 200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="funnel-report-${year}.csv"`);
      expect(parseCsv(csv.text)).toEqual(expected.map(asCsv));
      const xlsx = await download(`/api/reports/funnel?year=${year}&format=xlsx`, w.bureau);
      expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="funnel-report-${year}.xlsx"`);
      expect(await parseXlsx(xlsx.body as Buffer)).toEqual({ [`funnel-${year}`]: expected });
    });

    it('bad filters → 400; SMEs and platforms → 403', async () => {
      expect((await get(`/api/reports/funnel?year=${year}&fieldCode=NOPE`, w.bureau)).status).toBe(400);
      expect((await get(`/api/reports/funnel?year=${year}&regionCode=990000`, w.bureau)).status).toBe(400);
      expect((await get(`/api/reports/funnel?year=${year}`, smeA)).status).toBe(403);
      expect((await get(`/api/reports/funnel?year=${year}`, operator)).status).toBe(403);
    });
  });
});
