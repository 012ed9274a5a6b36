import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { listedPlatformWithService } from './support/notification-fixtures';

const resultBody = (over: Record<string, unknown> = {}) => ({
  title: '高导热氮化硅陶瓷基板制备技术',
  summary: '面向功率模块封装的高导热氮化硅陶瓷基板，已完成小试，寻求中试放大验证。',
  description: '气压烧结工艺曲线与助剂配方。',
  fieldCode: 'MATERIALS_CERAMICS',
  stageReached: 'LAB',
  readinessLevel: 4,
  verificationCategories: ['SCALE_UP'],
  targetStage: 'PILOT',
  transferModes: ['LICENSE'],
  contactName: '李老师',
  confidentiality: 'PUBLIC',
  ...over,
});

const proposalBody = (platformId: string, over: Record<string, unknown> = {}) => ({
  platformId,
  priceFen: 18_000_000,
  timelineDays: 60,
  scope: '氮化硅基板 3 批次中试放大 + 热导率与抗弯强度检测报告',
  validUntil: '2099-12-31',
  ipOwnership: 'SHARED',
  ipBuyerShareBp: 7000,
  benefitSharingNote: '谁投入谁获益：转化收益按投入比例分配',
  ...over,
});

/**
 * From result to pilot (issue 21): a platform proposes a verification to a result, the institute accepts one,
 * which creates an order with the institute as the buyer (and an SME co-funding adopter); the result goes
 * IN_PILOT. Cross-tenant 404s, the double-accept race, and no voucher for a buyer that is no SME.
 */
describe('research result proposals → pilot orders (e2e)', () => {
  let t: TestApp;
  let institute: RegisteredOrg;
  let otherInstitute: RegisteredOrg;
  let operator: RegisteredOrg;
  let rival: RegisteredOrg;
  let adopter: RegisteredOrg;
  let strangerSme: RegisteredOrg;
  let platformId: string;
  let serviceId: string;
  let rivalPlatformId: string;

  const publish = async (over: Record<string, unknown> = {}) => {
    const res = await t.http.post('/api/results').set(institute.auth).send(resultBody(over));
    expect(res.status).toBe(201);
    await t.http.post(`/api/results/${res.body.id}/publish`).set(institute.auth).expect(200);
    return res.body.id as string;
  };
  const propose = async (who: RegisteredOrg, resultId: string, body: Record<string, unknown>) => {
    const res = await t.http.post(`/api/results/${resultId}/proposals`).set(who.auth).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    institute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '泉州装备制造研究所' });
    otherInstitute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '华侨大学' });
    operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '先进陶瓷中试基地' });
    rival = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '陶瓷检测中心' });
    adopter = await registerOrg(t.http, { name: '晋江陶瓷科技有限公司' });
    strangerSme = await registerOrg(t.http, { name: '无关企业' });
    for (const org of [institute, otherInstitute, operator, rival, adopter, strangerSme]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
    ({ platformId, serviceId } = await listedPlatformWithService(t, operator, bureau, {
      title: '陶瓷基板中试放大',
      description: '陶瓷基板 烧结 中试放大',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'SCALE_UP',
    }));
    ({ platformId: rivalPlatformId } = await listedPlatformWithService(t, rival, bureau, {
      title: '陶瓷性能检测',
      description: '热导率 抗弯强度 检测',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'PERFORMANCE_TEST',
    }));
  });
  afterAll(() => t.close());

  it('a platform proposes; the institute sees every proposal, a platform only its own, anyone else 404', async () => {
    const resultId = await publish();
    const mine = await propose(operator, resultId, proposalBody(platformId, { serviceId }));
    expect(mine).toMatchObject({
      status: 'SUBMITTED',
      priceFen: 18_000_000,
      platformName: '陶瓷基板中试放大平台',
      ipTerms: { ipOwnership: 'SHARED', ipBuyerShareBp: 7000 },
    });
    await propose(rival, resultId, proposalBody(rivalPlatformId, { ipOwnership: 'BUYER', ipBuyerShareBp: undefined }));
    const all = await t.http.get(`/api/results/${resultId}/proposals`).set(institute.auth).expect(200);
    expect(all.body.total).toBe(2);
    const own = await t.http.get(`/api/results/${resultId}/proposals`).set(operator.auth).expect(200);
    expect(own.body.items.map((p: { id: string }) => p.id)).toEqual([mine.id]);
    // Cross-tenant: another institute neither lists nor accepts; another platform's proposal is not its to withdraw.
    const foreign = await t.http.get(`/api/results/${resultId}/proposals`).set(otherInstitute.auth);
    expect(foreign.status).toBe(404);
    await t.http.post(`/api/result-proposals/${mine.id}/accept`).set(otherInstitute.auth).send({}).expect(404);
    await t.http.post(`/api/result-proposals/${mine.id}/withdraw`).set(rival.auth).expect(404);
    // The proposing platform cannot accept its own proposal; one live proposal per platform and result.
    await t.http.post(`/api/result-proposals/${mine.id}/accept`).set(operator.auth).send({}).expect(403);
    const again = await t.http
      .post(`/api/results/${resultId}/proposals`)
      .set(operator.auth)
      .send(proposalBody(platformId));
    expect(again.body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    // Another operator's platform, and SHARED without a share, are refused with the field named.
    await t.http.post(`/api/results/${resultId}/proposals`).set(rival.auth).send(proposalBody(platformId)).expect(404);
    const noShare = await t.http
      .post(`/api/results/${resultId}/proposals`)
      .set(rival.auth)
      .send(proposalBody(rivalPlatformId, { ipBuyerShareBp: undefined }));
    expect(noShare.body).toMatchObject({
      statusCode: 400,
      details: { fields: [expect.objectContaining({ field: 'ipBuyerShareBp' })] },
    });
  });

  it('a PRIVATE result is not proposed to by an uninvited platform (404); a draft takes no proposals', async () => {
    const hidden = await publish({ title: '保密成果', confidentiality: 'PRIVATE' });
    await t.http.post(`/api/results/${hidden}/proposals`).set(operator.auth).send(proposalBody(platformId)).expect(404);
    const draft = await t.http.post('/api/results').set(institute.auth).send(resultBody()).expect(201);
    await t.http
      .post(`/api/results/${draft.body.id}/proposals`)
      .set(operator.auth)
      .send(proposalBody(platformId))
      .expect(404);
  });

  it('accepting creates an ACCEPTED order with the institute as buyer, the IP terms and the co-funder; result IN_PILOT', async () => {
    const resultId = await publish({ title: '陶瓷基板中试成果' });
    const chosen = await propose(operator, resultId, proposalBody(platformId, { serviceId }));
    const other = await propose(rival, resultId, proposalBody(rivalPlatformId));
    const badFunder = await t.http
      .post(`/api/result-proposals/${chosen.id}/accept`)
      .set(institute.auth)
      .send({ coFunderOrgId: otherInstitute.orgId });
    expect(badFunder.body).toMatchObject({
      statusCode: 400,
      details: { fields: [expect.objectContaining({ field: 'coFunderOrgId' })] },
    });

    const accepted = await t.http
      .post(`/api/result-proposals/${chosen.id}/accept`)
      .set(institute.auth)
      .send({ coFunderOrgId: adopter.orgId })
      .expect(200);
    expect(accepted.body).toMatchObject({
      status: 'ACCEPTED',
      orderId: expect.any(String),
      coFunderOrgId: adopter.orgId,
    });
    const orderId = accepted.body.orderId as string;

    const order = await t.http.get(`/api/orders/${orderId}`).set(institute.auth).expect(200);
    expect(order.body).toMatchObject({
      status: 'ACCEPTED',
      smeOrgId: institute.orgId,
      platformId,
      serviceId,
      coFunderOrgId: adopter.orgId,
      agreedAmountFen: 18_000_000,
      ipTerms: {
        ipOwnership: 'SHARED',
        ipBuyerShareBp: 7000,
        benefitSharingNote: '谁投入谁获益：转化收益按投入比例分配',
      },
    });
    await t.http.get(`/api/orders/${orderId}`).set(operator.auth).expect(200);
    await t.http.get(`/api/orders/${orderId}`).set(adopter.auth).expect(200); // the co-funder reads it
    await t.http.get(`/api/orders/${orderId}`).set(strangerSme.auth).expect(404);
    await t.http.get(`/api/orders/${orderId}`).set(otherInstitute.auth).expect(404);
    const listed = await t.http.get('/api/orders').set(institute.auth).expect(200);
    expect(listed.body.items.map((o: { id: string }) => o.id)).toContain(orderId);
    // The institute is the buyer side: it confirms the contract like an SME would.
    const contracted = await t.http.post(`/api/orders/${orderId}/contract`).set(institute.auth).send({}).expect(200);
    expect(contracted.body.smeConfirmedAt).toEqual(expect.any(String));

    // An institute is not an SME: no program's SME eligibility admits it.
    const options = await t.http.get(`/api/orders/${orderId}/voucher-options`).set(institute.auth).expect(200);
    expect(options.body).toMatchObject({ options: [], buyerIneligible: 'BUYER_NOT_SME' });
    expect(options.body.buyerIneligibleMessage).toContain('不是中小企业');

    const result = await t.http.get(`/api/results/${resultId}`).set(institute.auth).expect(200);
    expect(result.body.status).toBe('IN_PILOT');
    const proposals = await t.http.get(`/api/results/${resultId}/proposals`).set(institute.auth).expect(200);
    const byId = new Map(proposals.body.items.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(other.id)).toMatchObject({ status: 'DECLINED', declineReason: 'CHOSE_ANOTHER' });
    // Once in pilot, no new proposal and no second acceptance.
    await t.http
      .post(`/api/results/${resultId}/proposals`)
      .set(rival.auth)
      .send(proposalBody(rivalPlatformId))
      .expect(409);
    const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = ANY($1::text[]) ORDER BY id`, [
      [chosen.id, resultId],
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['result_proposal.submitted', 'result_proposal.accepted', 'result.in_pilot']),
    );
  });

  it('two concurrent accepts of one result’s proposals make one order', async () => {
    const resultId = await publish({ title: '并发接受成果' });
    const a = await propose(operator, resultId, proposalBody(platformId));
    const b = await propose(rival, resultId, proposalBody(rivalPlatformId));
    const responses = await Promise.all(
      [a.id, b.id, a.id].map((id) => t.http.post(`/api/result-proposals/${id}/accept`).set(institute.auth).send({})),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const orderIds = await t.db.query(
      `SELECT order_id FROM research_result_proposals WHERE result_id = $1 AND status = 'ACCEPTED'`,
      [resultId],
    );
    expect(orderIds).toHaveLength(1);
    const winner = responses.find((r) => r.status === 200)!;
    const orders = await t.db.query(`SELECT id FROM orders WHERE id = $1`, [winner.body.orderId]);
    expect(orders).toHaveLength(1);
    const total = await t.db.query(`SELECT count(*)::int AS n FROM orders WHERE request_note LIKE '%并发接受成果%'`);
    expect(total[0].n).toBe(1);
  });
});
