import { Clock } from '@pilotlink/core';
import { JIAXING_RULES, JINJIANG_RULES, SubsidyRule } from '@pilotlink/governance';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { CatalogueApi } from './support/search-fixtures';

/**
 * Issue 16 points 1–6: the Jinjiang (晋江 §六(二)) and Jiaxing (嘉兴 §6) platform subsidies held over
 * several years, over HTTP, with the test clock moved from year to year.
 */
function ruleBody(rule: SubsidyRule) {
  const { id: _id, code, name, kind, region: _region, overlapGroup, funders, source, ...params } = rule;
  return { code, name, kind, overlapGroup, funders, source, params };
}

interface Granted {
  code: string;
  amountFen: number;
  applies: boolean;
  reason: string;
}

describe('governance: platform subsidies over time (e2e, test clock)', () => {
  let t: TestApp;
  let now: number;
  let jinjiang: RegisteredOrg;
  let fuzhou: RegisteredOrg;
  let operator: RegisteredOrg;
  let platformId: string;
  const catalogue = () => new CatalogueApi(t);
  const setYear = (year: number) => {
    now = Date.parse(`${year}-12-20T10:00:00+08:00`);
  };

  const recognise = (id: string, by: RegisteredOrg, level: string, decidedAt: string) =>
    t.db.query(
      `INSERT INTO platform_recognitions (platform_id, level, status, evidence, requested_by_org_id, decided_by_org_id,
                                          decided_at, valid_from, valid_until)
       VALUES ($1, $2, 'APPROVED', '认定文件', $3, $4, $5::timestamptz, $5::date, $5::date + 1000)`,
      [id, level, by.orgId, jinjiang.orgId, decidedAt],
    );
  const declareRevenue = (
    id: string,
    who: RegisteredOrg,
    year: number,
    fen: number,
    evidence = '年度审计报告与服务合同',
  ) =>
    t.http
      .put(`/api/platforms/${id}/revenue-declarations/${year}`)
      .set(who.auth)
      .send({ serviceRevenueFen: fen, evidence });
  const decide = (id: string, who: RegisteredOrg, year: number, body: Record<string, unknown>) =>
    t.http.post(`/api/platforms/${id}/revenue-declarations/${year}/decision`).set(who.auth).send(body);
  const declareEquipment = (id: string, who: RegisteredOrg, year: number, nonFiscalFen: number) =>
    t.http
      .put(`/api/platforms/${id}/equipment-declarations/${year}`)
      .set(who.auth)
      .send({ nonFiscalEquipmentFen: nonFiscalFen, newEquipmentFen: 0, evidence: '采购合同与发票' })
      .expect(200);
  const assess = (id: string, year: number) =>
    t.http.post(`/api/platforms/${id}/subsidy-assessments`).set(jinjiang.auth).send({ year });
  const byCode = (rules: Granted[]) => Object.fromEntries(rules.map((r) => [r.code, r])) as Record<string, Granted>;
  const currentPaid = async (id: string, code: string) => {
    const [row] = await t.db.query(
      `SELECT coalesce(sum((r->>'amountFen')::bigint), 0)::bigint AS paid
         FROM subsidy_assessments a, jsonb_array_elements(a.result->'rules') r
        WHERE a.platform_id = $1 AND a.superseded_at IS NULL AND r->>'code' = $2`,
      [id, code],
    );
    return Number(row.paid);
  };

  beforeAll(async () => {
    t = await createTestApp();
    setYear(2031);
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    jinjiang = await createPrivilegedOrg(t, 'BUREAU', '350582');
    fuzhou = await createPrivilegedOrg(t, 'BUREAU', '350100');
    for (const rule of JINJIANG_RULES) {
      await t.http.post('/api/subsidy-rules').set(jinjiang.auth).send(ruleBody(rule)).expect(201);
    }
    ({ operator, platformId } = await catalogue().listedPlatform({ name: '晋江鞋材中试平台（四年）' }));
    // Newly recognised as provincial in 2031 (the recognition flow has its own tests).
    await t.db.query(`UPDATE platforms SET recognition_level = 'PROVINCE' WHERE id = $1`, [platformId]);
    await recognise(platformId, operator, 'PROVINCE', '2031-03-01T10:00:00+08:00');
  });
  afterAll(() => t.close());

  it('revenue is declared by the operator, returned or accepted by the bureau, beside the marketplace figure', async () => {
    // Not a year that has not begun.
    const early = await declareRevenue(platformId, operator, 2032, 400_000_000);
    expect([early.status, early.body.details?.fields?.[0]?.field]).toEqual([400, 'year']);

    const first = await declareRevenue(platformId, operator, 2031, 40_000_000, '少填了一位');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'DECLARED', serviceRevenueFen: 40_000_000, marketplaceRevenueFen: 0 });

    // Only a bureau covering the platform decides; a return needs a note (named).
    expect((await decide(platformId, fuzhou, 2031, { decision: 'ACCEPT' })).status).toBe(404);
    const bare = await decide(platformId, jinjiang, 2031, { decision: 'RETURN' });
    expect([bare.status, bare.body.details.fields[0].field]).toEqual([400, 'note']);
    const returned = await decide(platformId, jinjiang, 2031, { decision: 'RETURN', note: '金额与审计报告不符' });
    expect(returned.body).toMatchObject({ status: 'RETURNED', decisionNote: '金额与审计报告不符' });

    // Re-declared, then accepted; an accepted declaration is final.
    expect((await declareRevenue(platformId, operator, 2031, 400_000_000)).body.status).toBe('DECLARED');
    const accepted = await decide(platformId, jinjiang, 2031, { decision: 'ACCEPT' });
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', serviceRevenueFen: 400_000_000, flags: [] });
    expect((await declareRevenue(platformId, operator, 2031, 500_000_000)).status).toBe(409);
    expect((await decide(platformId, jinjiang, 2031, { decision: 'ACCEPT' })).status).toBe(409);

    // Another operator cannot declare for it or read it; the operator and the bureau read it.
    const stranger = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    expect((await declareRevenue(platformId, stranger, 2031, 1)).status).toBe(404);
    expect((await t.http.get(`/api/platforms/${platformId}/revenue-declarations`).set(stranger.auth)).status).toBe(404);
    const listed = await t.http.get(`/api/platforms/${platformId}/revenue-declarations`).set(jinjiang.auth);
    expect(listed.body).toMatchObject({
      total: 1,
      items: [{ year: 2031, serviceRevenueFen: 400_000_000, marketplaceRevenueFen: 0 }],
    });
  });

  it('four years: revenue ¥4m, ¥5m, ¥3m, ¥4m → operating ¥1.2m, ¥1.5m, ¥0.3m, ¥0; equipment ¥10m, ¥10m → ¥3m, ¥2m; re-recognition pays nothing', async () => {
    const revenue = [400_000_000, 500_000_000, 300_000_000, 400_000_000];
    const operating: number[] = [];
    const equipment: number[] = [];
    const awards: number[] = [];
    for (const [i, fen] of revenue.entries()) {
      const year = 2031 + i;
      setYear(year);
      if (year > 2031) {
        await declareRevenue(platformId, operator, year, fen).expect(200);
        await decide(platformId, jinjiang, year, { decision: 'ACCEPT' }).expect(200);
      }
      if (year <= 2032) await declareEquipment(platformId, operator, year, 1_000_000_000);
      // 2033: the provincial recognition renewed — not a new recognition to reward again.
      if (year === 2033) await recognise(platformId, operator, 'PROVINCE', '2033-05-01T10:00:00+08:00');
      const res = await assess(platformId, year);
      expect(res.status).toBe(201);
      expect(res.body.inputs).toMatchObject({ serviceRevenueFen: fen, serviceRevenueSource: 'DECLARED' });
      const rules = byCode(res.body.result.rules);
      operating.push(rules.JJ_OPERATING_30.amountFen);
      equipment.push(rules.JJ_EQUIPMENT_30.amountFen);
      awards.push(rules.JJ_RECOGNITION_AWARD.amountFen);
      if (year === 2033) expect(rules.JJ_RECOGNITION_AWARD.reason).toContain('已奖励');
      if (year === 2034) expect(rules.JJ_OPERATING_30.reason).toContain('连续3年已满');
    }
    expect(operating).toEqual([120_000_000, 150_000_000, 30_000_000, 0]);
    expect(equipment).toEqual([300_000_000, 200_000_000, 0, 0]);
    expect(awards).toEqual([50_000_000, 0, 0, 0]);

    // The window's first year is stored and audited.
    const [window] = await t.db.query(`SELECT first_year FROM platform_subsidy_windows WHERE platform_id = $1`, [
      platformId,
    ]);
    expect(window.first_year).toBe(2031);
    const audit = await t.http
      .get('/api/audit-events')
      .query({ entityType: 'platform', entityId: platformId })
      .set(jinjiang.auth);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['platform.operating_window_anchored', 'platform.revenue_accepted']),
    );

    // Re-assessing 2032 supersedes it (history kept) and pays the same: caps count the other years.
    const again = await assess(platformId, 2032);
    expect(byCode(again.body.result.rules).JJ_OPERATING_30.amountFen).toBe(150_000_000);
    const list = await t.http.get(`/api/platforms/${platformId}/subsidy-assessments`).set(operator.auth);
    const of2032 = list.body.items.filter((a: { year: number }) => a.year === 2032);
    expect(of2032).toHaveLength(2);
    expect(of2032.filter((a: { supersededAt: string | null }) => a.supersededAt === null)).toHaveLength(1);
    expect(of2032.find((a: { supersededAt: string | null }) => a.supersededAt !== null).supersededBy).toBe(
      again.body.id,
    );
    expect(await currentPaid(platformId, 'JJ_OPERATING_30')).toBe(300_000_000);
    expect(await currentPaid(platformId, 'JJ_EQUIPMENT_30')).toBe(500_000_000);

    // A fifth year declared at more than twice the best accepted year (¥5m) is flagged for the bureau.
    setYear(2035);
    const leap = await declareRevenue(platformId, operator, 2035, 1_200_000_000);
    expect(leap.body).toMatchObject({ status: 'DECLARED', flags: ['FAR_ABOVE_HISTORY'] });
  });

  it('racing assessments pay once: twelve at once over three years against one ¥5m cap', async () => {
    setYear(2033);
    const { operator: other, platformId: racer } = await catalogue().listedPlatform({ name: '晋江竞速中试平台' });
    await t.db.query(`UPDATE platforms SET recognition_level = 'CITY' WHERE id = $1`, [racer]);
    const years = [2031, 2032, 2033];
    for (const year of years) await declareEquipment(racer, other, year, 1_000_000_000);

    // Each year alone would earn ¥3m (30 % of ¥10m); four assessments of each year race.
    const answers = await Promise.all(years.flatMap((year) => [1, 2, 3, 4].map(() => assess(racer, year))));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(201));
    const rows = await t.db.query(
      `SELECT year, count(*)::int AS assessed, count(*) FILTER (WHERE superseded_at IS NULL)::int AS current
         FROM subsidy_assessments WHERE platform_id = $1 GROUP BY year ORDER BY year`,
      [racer],
    );
    expect(rows).toEqual(years.map((year) => ({ year, assessed: 4, current: 1 })));
    // One current assessment per year, and together they pay exactly the cap: never ¥9m.
    expect(await currentPaid(racer, 'JJ_EQUIPMENT_30')).toBe(500_000_000);
  });

  it('Jiaxing: the ratio the policy does not name must be set by the bureau before the rule can be active', async () => {
    const jiaxing = await createPrivilegedOrg(t, 'BUREAU', '330400');
    const created = await t.http.post('/api/subsidy-rules').set(jiaxing.auth).send(ruleBody(JIAXING_RULES[0]));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ active: false, unsetParameters: ['tiers[0].ratioBp'] });
    expect(created.body.interpretation).toContain('须由局方设定比例');

    const refused = await t.http
      .patch(`/api/subsidy-rules/${created.body.id}`)
      .set(jiaxing.auth)
      .send({ active: true });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RULE_PARAMETER_UNSET');
    expect(refused.body.details.fields[0].field).toBe('params.tiers[0].ratioBp');
    const [still] = await t.db.query(`SELECT active FROM subsidy_rules WHERE id = $1`, [created.body.id]);
    expect(still.active).toBe(false);

    const set = await t.http
      .patch(`/api/subsidy-rules/${created.body.id}`)
      .set(jiaxing.auth)
      .send({ params: { tiers: [{ uptoFen: null, ratioBp: 1500 }] }, active: true });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ active: true, unsetParameters: [] });
    expect(set.body.rule.tiers).toEqual([{ uptoFen: null, ratioBp: 1500 }]);
  });
});
