import { JIAXING_RULES, JINJIANG_RULES, SubsidyRule } from '@pilotlink/governance';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { CatalogueApi } from './support/search-fixtures';

/** A seeded rule as the body of POST /api/subsidy-rules: the kind's own fields go in `params`. */
function ruleBody(rule: SubsidyRule) {
  const { id: _id, code, name, kind, region: _region, overlapGroup, funders, source, ...params } = rule;
  return { code, name, kind, overlapGroup, funders, source, params };
}

describe('governance: subsidy rules as data, declarations and assessments (e2e)', () => {
  let t: TestApp;
  let jinjiang: RegisteredOrg;
  let jiaxing: RegisteredOrg;
  let fuzhou: RegisteredOrg;
  let operator: RegisteredOrg;
  let platformId: string;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    t = await createTestApp();
    jinjiang = await createPrivilegedOrg(t, 'BUREAU', '350582');
    jiaxing = await createPrivilegedOrg(t, 'BUREAU', '330400');
    fuzhou = await createPrivilegedOrg(t, 'BUREAU', '350100');
    ({ operator, platformId } = await new CatalogueApi(t).listedPlatform({
      name: '晋江鞋服新材料中试平台',
      fieldCodes: ['MATERIALS'],
    }));
    // Recognised as a provincial platform this year (the recognition flow has its own tests).
    await t.db.query(`UPDATE platforms SET recognition_level = 'PROVINCE' WHERE id = $1`, [platformId]);
    await t.db.query(
      `INSERT INTO platform_recognitions (platform_id, level, status, evidence, requested_by_org_id, decided_by_org_id,
                                          decided_at, valid_from, valid_until)
       VALUES ($1, 'PROVINCE', 'APPROVED', '省级认定文件', $2, $3, now(), current_date, current_date + 1000)`,
      [platformId, operator.orgId, jinjiang.orgId],
    );
  });
  afterAll(() => t.close());

  it('bureaus keep their rules as data; bad rules answer 400 naming params; duplicates 409', async () => {
    for (const rule of JINJIANG_RULES) {
      const res = await t.http.post('/api/subsidy-rules').set(jinjiang.auth).send(ruleBody(rule));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: rule.code, regionCode: '350582', active: true });
    }
    for (const rule of JIAXING_RULES) {
      await t.http.post('/api/subsidy-rules').set(jiaxing.auth).send(ruleBody(rule)).expect(201);
    }
    const again = await t.http.post('/api/subsidy-rules').set(jinjiang.auth).send(ruleBody(JINJIANG_RULES[0]));
    expect(again.status).toBe(409);

    const bad = await t.http
      .post('/api/subsidy-rules')
      .set(jinjiang.auth)
      .send({ ...ruleBody(JINJIANG_RULES[0]), code: 'JJ_BAD', params: { basis: 'NON_FISCAL_EQUIPMENT', ratioBp: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].field).toBe('params');
    expect((await t.db.query(`SELECT 1 FROM subsidy_rules WHERE code = 'JJ_BAD'`)).length).toBe(0);

    const platformSide = await t.http.post('/api/subsidy-rules').set(operator.auth).send(ruleBody(JINJIANG_RULES[0]));
    expect(platformSide.status).toBe(403);

    const covering = await t.http.get('/api/subsidy-rules').query({ regionCode: '350582' }).set(operator.auth);
    expect(covering.body.total).toBe(4);
    expect(covering.body.items.map((r: { code: string }) => r.code).sort()).toEqual(
      ['JJ_EQUIPMENT_30', 'JJ_NEW_EQUIPMENT_20', 'JJ_OPERATING_30', 'JJ_RECOGNITION_AWARD'].sort(),
    );
    const paged = await t.http
      .get('/api/subsidy-rules')
      .query({ regionCode: '350582', limit: 3, page: 2 })
      .set(operator.auth);
    expect([paged.status, paged.body.total, paged.body.items.length]).toEqual([200, 4, 1]);
  });

  it('assesses a year: each rule computed and capped, 就高不重复 within a group, the 1:1 split exact to the fen', async () => {
    // ¥10,000,000.10 of non-fiscal equipment, of which ¥8,000,000 new this year.
    await t.http
      .put(`/api/platforms/${platformId}/equipment-declarations/${year}`)
      .set(operator.auth)
      .send({ nonFiscalEquipmentFen: 1_000_000_010, newEquipmentFen: 800_000_000, evidence: '采购合同与发票 EQ-01…05' })
      .expect(200);

    const res = await t.http.post(`/api/platforms/${platformId}/subsidy-assessments`).set(jinjiang.auth).send({ year });
    expect(res.status).toBe(201);
    const byCode = Object.fromEntries(res.body.result.rules.map((r: { code: string }) => [r.code, r])) as Record<
      string,
      { amountFen: number; cappedFen: number; overlapDecision: string; split: unknown[] }
    >;
    // 30 % of 1,000,000,010 = 300,000,003 (under the ¥5m cap): the higher of the equipment group.
    expect(byCode.JJ_EQUIPMENT_30).toMatchObject({ cappedFen: 300_000_003, amountFen: 300_000_003 });
    expect(byCode.JJ_EQUIPMENT_30.overlapDecision).toBe('HIGHEST_IN_GROUP');
    // 20 % of 800,000,000 = 160,000,000 (under the provincial ¥3m cap), dropped: never the sum.
    expect(byCode.JJ_NEW_EQUIPMENT_20).toMatchObject({ cappedFen: 160_000_000, amountFen: 0 });
    expect(byCode.JJ_NEW_EQUIPMENT_20.overlapDecision).toBe('LOWER_IN_GROUP_DROPPED');
    // Newly recognised provincial platform: ¥500,000.
    expect(byCode.JJ_RECOGNITION_AWARD.amountFen).toBe(50_000_000);
    // No completed orders this year: no operating subsidy.
    expect(byCode.JJ_OPERATING_30.amountFen).toBe(0);
    // Jiaxing's rules do not cover a Jinjiang platform.
    expect(byCode.JX_NEW_PLATFORM_INVESTMENT).toBeUndefined();
    // 300,000,003 splits 150,000,002 / 150,000,001 (the odd fen to 泉州, listed first); the award 25m / 25m.
    expect(res.body.result.totalFen).toBe(350_000_003);
    expect(res.body.result.funderTotals).toEqual([
      { funderKey: 'QUANZHOU', name: '泉州市', amountFen: 175_000_002 },
      { funderKey: 'JINJIANG', name: '晋江市', amountFen: 175_000_001 },
    ]);
    // Stored with the inputs it used.
    const [stored] = await t.db.query(`SELECT inputs, total_fen FROM subsidy_assessments WHERE id = $1`, [res.body.id]);
    expect(stored.inputs).toMatchObject({
      year,
      platformLevel: 'PROVINCE',
      newlyRecognisedLevel: 'PROVINCE',
      nonFiscalEquipmentFen: 1_000_000_010,
      newEquipmentFen: 800_000_000,
      serviceRevenueFen: 0,
    });
    expect(stored.total_fen).toBe('350000003');
  });

  it('a changed rule changes the next assessment, not the stored ones', async () => {
    const [rule] = await t.db.query(`SELECT id FROM subsidy_rules WHERE code = 'JJ_EQUIPMENT_30'`);
    const patched = await t.http
      .patch(`/api/subsidy-rules/${rule.id}`)
      .set(jinjiang.auth)
      .send({ params: { ratioBp: 2500 } });
    expect(patched.status).toBe(200);
    expect(patched.body.rule.ratioBp).toBe(2500);
    // The 就高不重复 group is a field of its own: changed, then put back (null would take it out of any group).
    const group = patched.body.rule.overlapGroup;
    const regrouped = await t.http
      .patch(`/api/subsidy-rules/${rule.id}`)
      .set(jinjiang.auth)
      .send({ overlapGroup: 'JJ_TEMP' });
    expect([regrouped.status, regrouped.body.rule.overlapGroup, regrouped.body.rule.ratioBp]).toEqual([
      200,
      'JJ_TEMP',
      2500,
    ]);
    const restored = await t.http
      .patch(`/api/subsidy-rules/${rule.id}`)
      .set(jinjiang.auth)
      .send({ overlapGroup: group });
    expect(restored.body.rule.overlapGroup).toBe(group);
    // Another bureau cannot touch it.
    expect((await t.http.patch(`/api/subsidy-rules/${rule.id}`).set(fuzhou.auth).send({ active: false })).status).toBe(
      404,
    );

    const res = await t.http.post(`/api/platforms/${platformId}/subsidy-assessments`).set(jinjiang.auth).send({ year });
    // 25 % of 1,000,000,010 = 250,000,002 (rounded down), still above the 160,000,000 of the 20 % rule.
    const equipment = res.body.result.rules.find((r: { code: string }) => r.code === 'JJ_EQUIPMENT_30');
    expect(equipment.amountFen).toBe(250_000_002);
    const list = await t.http.get(`/api/platforms/${platformId}/subsidy-assessments`).set(operator.auth);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((a: { totalFen: number }) => a.totalFen).sort()).toEqual([300_000_002, 350_000_003]);
  });

  it('only a bureau covering the platform assesses; the declaration is the operator’s; bad input 400', async () => {
    const outside = await t.http
      .post(`/api/platforms/${platformId}/subsidy-assessments`)
      .set(fuzhou.auth)
      .send({ year });
    expect(outside.status).toBe(404);
    expect((await t.http.get(`/api/platforms/${platformId}/subsidy-assessments`).set(fuzhou.auth)).status).toBe(404);

    const stranger = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    const foreign = await t.http
      .put(`/api/platforms/${platformId}/equipment-declarations/${year}`)
      .set(stranger.auth)
      .send({ nonFiscalEquipmentFen: 1, newEquipmentFen: 0, evidence: '伪造的申报' });
    expect(foreign.status).toBe(404);

    const inconsistent = await t.http
      .put(`/api/platforms/${platformId}/equipment-declarations/${year}`)
      .set(operator.auth)
      .send({ nonFiscalEquipmentFen: 100, newEquipmentFen: 200, evidence: '新购大于总额' });
    expect(inconsistent.status).toBe(400);
    expect(inconsistent.body.details.fields[0].field).toBe('newEquipmentFen');
    const [declared] = await t.db.query(
      `SELECT non_fiscal_equipment_fen FROM platform_equipment_declarations WHERE platform_id = $1`,
      [platformId],
    );
    expect(declared.non_fiscal_equipment_fen).toBe('1000000010');
  });

  it('the audit trail: filtered by entity, actor and time; a bureau sees its jurisdiction only; rows cannot change', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const mine = await t.http
      .get('/api/audit-events')
      .query({ entityType: 'platform', entityId: platformId, from: since })
      .set(jinjiang.auth);
    expect(mine.status).toBe(200);
    const actions = mine.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['platform.subsidy_assessed', 'platform.equipment_declared']));
    const byOperator = await t.http
      .get('/api/audit-events')
      .query({ entityType: 'platform', entityId: platformId, actorOrgId: operator.orgId })
      .set(jinjiang.auth);
    expect(byOperator.body.items.every((e: { actorOrgId: string }) => e.actorOrgId === operator.orgId)).toBe(true);
    expect(byOperator.body.items.map((e: { action: string }) => e.action)).toContain('platform.equipment_declared');
    const future = await t.http
      .get('/api/audit-events')
      .query({ entityId: platformId, from: new Date(Date.now() + 3_600_000).toISOString() })
      .set(jinjiang.auth);
    expect(future.body.total).toBe(0);

    // 福州 does not cover 晋江: none of this platform's events, though they exist.
    const outside = await t.http.get('/api/audit-events').query({ entityId: platformId }).set(fuzhou.auth);
    expect(outside.status).toBe(200);
    expect(outside.body.total).toBe(0);
    expect((await t.http.get('/api/audit-events').set(operator.auth)).status).toBe(403);
    expect((await t.http.get('/api/audit-events').query({ from: 'yesterday' }).set(jinjiang.auth)).status).toBe(400);

    await expect(
      t.db.query(`UPDATE audit_events SET action = 'forged' WHERE entity_id = $1`, [platformId]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events WHERE entity_id = $1`, [platformId])).rejects.toThrow(
      /append-only/,
    );
  });
});
