import { addMember, createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { ShiftedClock } from './support/shifted-clock';
import { expectStatus, plusDays, today, VoucherWorld } from './support/voucher-fixtures';

const BUREAU_NOTE = '内部备注：拟推荐列入市级中试重点项目，用地协调中';

const demandBody = (over: Record<string, unknown> = {}) => ({
  title: '石墨烯改性EVA鞋底中试放大',
  description: '需验证连续发泡工艺的稳定性。',
  fieldCode: 'TEXTILE_SHOE_MATERIAL',
  stage: 'PILOT',
  categories: ['SCALE_UP'],
  wantedBy: '2030-06-30',
  mode: 'OPEN',
  confidentiality: 'PRIVATE',
  ...over,
});

const resultBody = {
  title: '高导热氮化物陶瓷基板制备技术',
  summary: '面向功率模块封装的高导热陶瓷基板，已完成小试，寻求中试放大验证。',
  description: '烧结工艺详情。',
  fieldCode: 'MATERIALS_CERAMICS',
  stageReached: 'LAB',
  readinessLevel: 4,
  ipItems: [{ kind: 'KNOW_HOW', title: '烧结助剂配方' }],
  verificationCategories: ['SCALE_UP'],
  targetStage: 'PILOT',
  transferModes: ['LICENSE'],
  contactName: '李老师',
  contactPhone: '0595-88888888',
  confidentiality: 'PRIVATE',
};

/**
 * 重点项目清单 (Guangzhou plan (十二): "建立概念驗證、中試驗證產業化項目清單,指定專人跟蹤服務重點項目"): a bureau
 * marks a demand, result or order of an org in its jurisdiction, assigns an officer, records milestones and
 * sees overdue ones on its board; the parties see who tracks them and the stage, nothing else.
 */
describe('key projects (重点项目): mark, assign, milestones, overdue, who sees what (e2e)', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let clock: ShiftedClock;
  let bureau: RegisteredOrg;
  let officer: RegisteredOrg;
  let otherOfficer: RegisteredOrg;
  let otherBureau: RegisteredOrg;
  let sme: RegisteredOrg;
  let otherSme: RegisteredOrg;
  let guangzhouSme: RegisteredOrg;
  let institute: RegisteredOrg;
  let operator: RegisteredOrg;
  const ids: Record<string, string> = {};

  const publishedDemand = async (who: RegisteredOrg, over: Record<string, unknown> = {}) => {
    const created = await expectStatus(t.http.post('/api/demands').set(who.auth).send(demandBody(over)), 201);
    await expectStatus(t.http.post(`/api/demands/${created.body.id}/publish`).set(who.auth), 200);
    return created.body.id as string;
  };
  const mark = (who: RegisteredOrg, body: Record<string, unknown>) =>
    t.http.post('/api/key-projects').set(who.auth).send(body);
  const board = async (who = bureau, query: Record<string, string> = {}) =>
    (await expectStatus(t.http.get('/api/key-projects').query(query).set(who.auth), 200)).body;
  const tracking = (who: RegisteredOrg, subjectType: string, subjectId: string) =>
    t.http.get('/api/key-projects/tracking').query({ subjectType, subjectId }).set(who.auth);
  const countRows = async () =>
    Number(
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM key_projects) + (SELECT count(*) FROM key_project_milestones) AS n`,
        )
      )[0].n,
    );
  const auditActions = async (id: string) =>
    (
      await t.db.query<{ action: string }[]>(
        `SELECT action FROM audit_events WHERE entity_type = 'key_project' AND entity_id = $1 ORDER BY seq`,
        [id],
      )
    ).map((r) => r.action);

  beforeAll(async () => {
    t = await createTestApp();
    clock = new ShiftedClock(t.app);
    world = await new VoucherWorld(t).init();
    bureau = world.bureau; // 泉州 (350500)
    officer = await addMember(t.http, bureau, 'REVIEWER');
    otherOfficer = await addMember(t.http, bureau, 'MEMBER');
    otherBureau = await createPrivilegedOrg(t, 'BUREAU', '440100');
    sme = await world.verifiedSme(); // 晋江 (350582)
    otherSme = await world.verifiedSme();
    guangzhouSme = await registerOrg(t.http, { regionCode: '440100' });
    await expectStatus(t.http.post(`/api/orgs/${guangzhouSme.orgId}/verify`).set(otherBureau.auth), 200);
    institute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '泉州装备制造研究所' });
    await expectStatus(t.http.post(`/api/orgs/${institute.orgId}/verify`).set(bureau.auth), 200);

    ids.demand = await publishedDemand(sme);
    ids.guangzhouDemand = await publishedDemand(guangzhouSme, { title: '广州储能电芯中试' });
    ids.draftDemand = (
      await expectStatus(
        t.http
          .post('/api/demands')
          .set(sme.auth)
          .send(demandBody({ title: '草稿需求' })),
        201,
      )
    ).body.id;
    const result = await expectStatus(t.http.post('/api/results').set(institute.auth).send(resultBody), 201);
    await expectStatus(t.http.post(`/api/results/${result.body.id}/publish`).set(institute.auth), 200);
    ids.result = result.body.id;
    const listed = await world.listedPlatform();
    operator = listed.operator;
    const serviceId = await world.fixedService(operator, listed.platformId, 2_000_000);
    ids.order = (await world.order(sme, serviceId)).id;
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  it('a bureau marks a demand in its jurisdiction and assigns an officer; audited; a second mark is a 409', async () => {
    const candidates = await t.http
      .get('/api/key-projects/candidates')
      .query({ subjectType: 'DEMAND', q: 'EVA' })
      .set(bureau.auth)
      .expect(200);
    expect(candidates.body.items).toEqual([{ id: ids.demand, title: '石墨烯改性EVA鞋底中试放大', tracked: false }]);

    const res = await mark(bureau, {
      subjectType: 'DEMAND',
      subjectId: ids.demand,
      officerUserId: officer.userId,
      note: BUREAU_NOTE,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      subjectType: 'DEMAND',
      subjectId: ids.demand,
      subjectTitle: '石墨烯改性EVA鞋底中试放大',
      stage: 'CONCEPT',
      status: 'ACTIVE',
      officer: { id: officer.userId, displayName: expect.stringMatching(/^成员/) },
      note: BUREAU_NOTE,
      milestones: [],
      overdueCount: 0,
    });
    ids.project = res.body.id;
    expect(await auditActions(ids.project)).toEqual(['key_project.marked']);

    const again = await mark(bureau, { subjectType: 'DEMAND', subjectId: ids.demand, officerUserId: officer.userId });
    expect([again.status, again.body.code, again.body.details.keyProjectId]).toEqual([409, 'CONFLICT', ids.project]);
    const after = await t.http
      .get('/api/key-projects/candidates')
      .query({ subjectType: 'DEMAND' })
      .set(bureau.auth)
      .expect(200);
    expect(after.body.items).toEqual([expect.objectContaining({ id: ids.demand, tracked: true })]); // no draft
  });

  it('jurisdiction: another region’s object, a draft, another bureau’s project — all 404', async () => {
    const before = await countRows();
    const foreign = await mark(bureau, {
      subjectType: 'DEMAND',
      subjectId: ids.guangzhouDemand,
      officerUserId: officer.userId,
    });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    const draft = await mark(bureau, {
      subjectType: 'DEMAND',
      subjectId: ids.draftDemand,
      officerUserId: officer.userId,
    });
    expect(draft.status).toBe(404);
    const wrongType = await mark(bureau, {
      subjectType: 'RESULT',
      subjectId: ids.demand,
      officerUserId: officer.userId,
    });
    expect(wrongType.status).toBe(404);
    expect(await countRows()).toBe(before);

    // The 广州 bureau may mark its own region's demand, and sees nothing of 泉州's project.
    const own = await mark(otherBureau, {
      subjectType: 'DEMAND',
      subjectId: ids.guangzhouDemand,
      officerUserId: otherBureau.userId,
    });
    expect(own.status).toBe(201);
    expect((await t.http.get(`/api/key-projects/${ids.project}`).set(otherBureau.auth)).status).toBe(404);
    const patch = await t.http.patch(`/api/key-projects/${ids.project}`).set(otherBureau.auth).send({ stage: 'LAB' });
    expect([patch.status, patch.body.code]).toEqual([404, 'NOT_FOUND']);
    const milestone = await t.http
      .post(`/api/key-projects/${ids.project}/milestones`)
      .set(otherBureau.auth)
      .send({ stage: 'LAB', title: '越权里程碑', dueOn: today() });
    expect(milestone.status).toBe(404);
    expect(
      (await t.http.post(`/api/key-projects/${ids.project}/close`).set(otherBureau.auth).send({ reason: '越权关闭' }))
        .status,
    ).toBe(404);
    expect((await board(otherBureau)).total).toBe(1);
    expect((await tracking(otherBureau, 'DEMAND', ids.demand)).status).toBe(404);
    expect((await board()).total).toBe(1);
  });

  it('only bureaus write (403 for an SME, a platform, an institute); the board is the bureau’s', async () => {
    for (const who of [sme, operator, institute]) {
      const res = await mark(who, { subjectType: 'DEMAND', subjectId: ids.demand, officerUserId: who.userId });
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await t.http.get('/api/key-projects').set(sme.auth)).status).toBe(403);
    expect((await t.http.patch(`/api/key-projects/${ids.project}`).set(sme.auth).send({ stage: 'LAB' })).status).toBe(
      403,
    );
    const unsigned = await t.http
      .get('/api/key-projects/tracking')
      .query({ subjectType: 'DEMAND', subjectId: ids.demand });
    expect(unsigned.status).toBe(401);
  });

  it('bad input answers 400 naming the field and changes nothing', async () => {
    const before = await countRows();
    const cases: [string, Record<string, unknown>, string][] = [
      ['/api/key-projects', { subjectId: ids.result, officerUserId: officer.userId }, 'subjectType'],
      ['/api/key-projects', { subjectType: 'RESULT', subjectId: 'nope', officerUserId: officer.userId }, 'subjectId'],
      [
        '/api/key-projects',
        { subjectType: 'RESULT', subjectId: ids.result, officerUserId: sme.userId },
        'officerUserId',
      ],
      [
        '/api/key-projects',
        { subjectType: 'RESULT', subjectId: ids.result, officerUserId: officer.userId, stage: 'MASS' },
        'stage',
      ],
      [`/api/key-projects/${ids.project}/milestones`, { stage: 'LAB', title: '小试完成' }, 'dueOn'],
      [
        `/api/key-projects/${ids.project}/milestones`,
        { stage: 'LAB', title: '小试完成', dueOn: '2026-02-30' },
        'dueOn',
      ],
      [
        `/api/key-projects/${ids.project}/milestones`,
        { stage: 'LAB', title: '小试完成', dueOn: today(), doneOn: plusDays(today(), 1) },
        'doneOn',
      ],
      [
        `/api/key-projects/${ids.project}/milestones`,
        { stage: 'LAB', title: '小试完成', dueOn: today(), extra: 1 },
        'extra',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await t.http.post(path).set(bureau.auth).send(body);
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const patch = await t.http
      .patch(`/api/key-projects/${ids.project}`)
      .set(bureau.auth)
      .send({ officerUserId: otherBureau.userId });
    expect(patch.body.details.fields[0].field).toBe('officerUserId'); // another bureau's user is no officer of ours
    expect(await countRows()).toBe(before);
  });

  it('milestones along the stages: a past due date is overdue on the board, time makes another overdue, done clears it', async () => {
    const past = await expectStatus(
      t.http
        .post(`/api/key-projects/${ids.project}/milestones`)
        .set(bureau.auth)
        .send({
          stage: 'CONCEPT',
          title: '完成概念验证方案评审',
          dueOn: plusDays(today(), -3),
          note: '专家组意见待补',
        }),
      201,
    );
    expect(past.body.milestones).toEqual([expect.objectContaining({ title: '完成概念验证方案评审', overdue: true })]);
    const future = await expectStatus(
      t.http
        .post(`/api/key-projects/${ids.project}/milestones`)
        .set(bureau.auth)
        .send({ stage: 'LAB', title: '小试样品 3 批', dueOn: plusDays(today(), 10) }),
      201,
    );
    expect(future.body.overdueCount).toBe(1);
    const [overdueId, laterId] = future.body.milestones.map((m: { id: string }) => m.id);
    // Another bureau's milestone is not its to edit or complete: 404, and it stays as it was.
    const foreign = await t.http
      .patch(`/api/key-projects/${ids.project}/milestones/${overdueId}`)
      .set(otherBureau.auth)
      .send({ title: '越权修改里程碑', doneOn: today() });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);

    let view = await board();
    expect(view.overdueCount).toBe(1);
    expect(view.columns.map((c: { stage: string }) => c.stage)).toEqual([
      'CONCEPT',
      'LAB',
      'PILOT',
      'INDUSTRIALISATION',
    ]);
    expect(view.columns[0].items.map((p: { id: string }) => p.id)).toEqual([ids.project]);

    // Moving forward is fine (skipping allowed), never back; the officer changes hands; all audited.
    const moved = await expectStatus(
      t.http
        .patch(`/api/key-projects/${ids.project}`)
        .set(bureau.auth)
        .send({ stage: 'LAB', officerUserId: otherOfficer.userId }),
      200,
    );
    expect(moved.body).toMatchObject({ stage: 'LAB', officer: { id: otherOfficer.userId } });
    const back = await t.http.patch(`/api/key-projects/${ids.project}`).set(bureau.auth).send({ stage: 'CONCEPT' });
    expect([back.status, back.body.code, back.body.details.currentState]).toEqual([
      409,
      'INVALID_STATE_TRANSITION',
      'LAB',
    ]);
    view = await board();
    expect(view.columns[1].items.map((p: { id: string }) => p.id)).toEqual([ids.project]);
    expect((await board(bureau, { officerUserId: otherOfficer.userId })).total).toBe(1);
    expect((await board(bureau, { officerUserId: officer.userId })).total).toBe(0);

    // Eleven days on, the later milestone is overdue too; recording both done clears the board.
    clock.advanceDays(11);
    expect((await board()).overdueCount).toBe(2);
    for (const mid of [overdueId, laterId]) {
      await expectStatus(
        t.http
          .patch(`/api/key-projects/${ids.project}/milestones/${mid}`)
          .set(bureau.auth)
          .send({ doneOn: plusDays(today(), 5) }),
        200,
      );
    }
    view = await board();
    expect(view.overdueCount).toBe(0);
    expect(view.columns[1].items[0].milestones.every((m: { doneOn: string | null }) => m.doneOn !== null)).toBe(true);
    clock.reset();
    const unknown = await t.http
      .patch(`/api/key-projects/${ids.project}/milestones/${ids.demand}`)
      .set(bureau.auth)
      .send({ title: '不存在' });
    expect(unknown.status).toBe(404);
    expect(await auditActions(ids.project)).toEqual([
      'key_project.marked',
      'key_project.milestone_added',
      'key_project.milestone_added',
      'key_project.stage_changed',
      'key_project.milestone_updated',
      'key_project.milestone_updated',
    ]);
  });

  it('the parties see who tracks them and the stage — nothing of the bureau’s notes; others get 404', async () => {
    const seen = await tracking(sme, 'DEMAND', ids.demand).expect(200);
    expect(seen.body.items).toEqual([
      {
        bureauName: expect.stringMatching(/科学技术局/),
        officerName: expect.stringMatching(/^成员/),
        stage: 'LAB',
        since: expect.any(String),
      },
    ]);
    const text = JSON.stringify(seen.body);
    for (const secret of [BUREAU_NOTE, '专家组意见待补', '完成概念验证方案评审']) expect(text).not.toContain(secret);
    for (const who of [otherSme, operator, institute])
      expect((await tracking(who, 'DEMAND', ids.demand)).status).toBe(404);

    // A result: its institute sees it; an order: both its SME and its platform do.
    await expectStatus(
      mark(bureau, { subjectType: 'RESULT', subjectId: ids.result, officerUserId: officer.userId, stage: 'LAB' }),
      201,
    );
    await expectStatus(
      mark(bureau, { subjectType: 'ORDER', subjectId: ids.order, officerUserId: officer.userId, stage: 'PILOT' }),
      201,
    );
    expect((await tracking(institute, 'RESULT', ids.result).expect(200)).body.items[0].stage).toBe('LAB');
    for (const who of [sme, operator]) {
      expect((await tracking(who, 'ORDER', ids.order).expect(200)).body.items[0].stage).toBe('PILOT');
    }
    expect((await tracking(otherSme, 'ORDER', ids.order)).status).toBe(404);
    expect((await tracking(sme, 'RESULT', ids.result)).status).toBe(404);
    const untracked = await publishedDemand(sme, { title: '未列入重点项目的需求' });
    expect((await tracking(sme, 'DEMAND', untracked).expect(200)).body.items).toEqual([]);
  });

  it('closing ends the tracking (parties no longer see it); a closed project is a record; it may be marked again', async () => {
    const closed = await expectStatus(
      t.http.post(`/api/key-projects/${ids.project}/close`).set(bureau.auth).send({ reason: '企业已在晋江落地投产' }),
      200,
    );
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      closeReason: '企业已在晋江落地投产',
      closedAt: expect.any(String),
    });
    expect((await tracking(sme, 'DEMAND', ids.demand).expect(200)).body.items).toEqual([]);
    const late = await t.http
      .post(`/api/key-projects/${ids.project}/milestones`)
      .set(bureau.auth)
      .send({ stage: 'PILOT', title: '关闭后新增', dueOn: today() });
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_STATE_TRANSITION']);
    expect(
      (await t.http.post(`/api/key-projects/${ids.project}/close`).set(bureau.auth).send({ reason: '再次关闭' }))
        .status,
    ).toBe(409);
    expect((await board(bureau, { status: 'CLOSED' })).total).toBe(1);
    const active = (await board()).columns.flatMap((c: { items: { id: string }[] }) => c.items.map((p) => p.id));
    expect(active).toHaveLength(2); // the result and the order
    expect(active).not.toContain(ids.project);
    expect(await auditActions(ids.project)).toContain('key_project.closed');
    await expectStatus(
      mark(bureau, { subjectType: 'DEMAND', subjectId: ids.demand, officerUserId: officer.userId }),
      201,
    );
  });
});
