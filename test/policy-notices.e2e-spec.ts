import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { eventually, indexUid, meiliOf } from './support/search-fixtures';
import { VoucherWorld } from './support/voucher-fixtures';

/** The Guangzhou plan is written in Traditional characters: it is stored as issued and found either way. */
const GUANGZHOU_BODY = '支持建設概念驗證中心和中試平臺，對符合條件的中試服務按合同金額給予中試服務券支持。';

const noticeBody = (over: Record<string, unknown> = {}) => ({
  title: '泉州市科技局关于开展中试服务券申报工作的通知',
  issuingBody: '泉州市科学技术局',
  documentNumber: '泉科〔2023〕12号',
  issuedOn: '2023-12-01',
  body: '为推动中试服务平台建设，现就中试服务券申报有关事项通知如下。',
  links: [{ title: '政策原文', url: 'https://kjj.quanzhou.gov.cn/zwgk/tzgg/202312/t20231201_1.htm' }],
  ...over,
});

describe('policy news (政策资讯): bureaus publish, anyone reads and searches (e2e)', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let bureau: RegisteredOrg;
  let otherBureau: RegisteredOrg;
  let sme: RegisteredOrg;
  let programId: string;
  let foreignProgramId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorker();
    world = await new VoucherWorld(t).init();
    bureau = world.bureau;
    otherBureau = await createPrivilegedOrg(t, 'BUREAU', '440100');
    sme = await registerOrg(t.http);
    programId = await world.openProgram({ name: '泉州–晋江中试服务券' });
    foreignProgramId = await world.openProgram({ name: '广州中试服务券' }, otherBureau);
  });
  afterAll(() => t.close());

  const create = async (who: RegisteredOrg, over: Record<string, unknown> = {}) => {
    const res = await t.http.post('/api/policy-notices').set(who.auth).send(noticeBody(over));
    expect(res.status).toBe(201);
    return res.body;
  };

  it('a bureau drafts (linked to its program), publishes; the draft is its own, the published notice everyone’s', async () => {
    const draft = await create(bureau, { programIds: [programId] });
    ids.quanzhou = draft.id;
    expect(draft).toMatchObject({
      status: 'DRAFT',
      regionCode: '350500',
      programs: [{ id: programId, name: '泉州–晋江中试服务券' }],
    });
    for (const who of [undefined, sme, otherBureau]) {
      const req = t.http.get(`/api/policy-notices/${draft.id}`);
      expect((await (who ? req.set(who.auth) : req)).status).toBe(404);
    }
    expect((await t.http.get('/api/policy-notices').expect(200)).body.total).toBe(0);
    const mine = await t.http.get('/api/policy-notices').query({ mine: true }).set(bureau.auth).expect(200);
    expect(mine.body.items.map((n: { id: string }) => n.id)).toEqual([draft.id]);
    // Another bureau's draft is not its to list, edit, publish or archive: 404, and the draft stays a draft.
    const theirs = await t.http.get('/api/policy-notices').query({ mine: true }).set(otherBureau.auth).expect(200);
    expect(theirs.body.items.map((n: { id: string }) => n.id)).not.toContain(draft.id);
    const foreignEdit = await t.http
      .patch(`/api/policy-notices/${draft.id}`)
      .set(otherBureau.auth)
      .send({ title: '越权修改草稿' });
    expect([foreignEdit.status, foreignEdit.body.code]).toEqual([404, 'NOT_FOUND']);
    for (const action of ['publish', 'archive']) {
      const res = await t.http.post(`/api/policy-notices/${draft.id}/${action}`).set(otherBureau.auth);
      expect([action, res.status]).toEqual([action, 404]);
    }
    const still = await t.http.get(`/api/policy-notices/${draft.id}`).set(bureau.auth).expect(200);
    expect(still.body).toMatchObject({ status: 'DRAFT', title: draft.title });

    const published = await t.http.post(`/api/policy-notices/${draft.id}/publish`).set(bureau.auth).expect(200);
    expect(published.body).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String) });
    const open = await t.http.get(`/api/policy-notices/${draft.id}`).expect(200);
    expect(open.body).toMatchObject({ documentNumber: '泉科〔2023〕12号', links: [{ title: '政策原文' }] });
    const list = await t.http.get('/api/policy-notices').query({ region: '350582' }).expect(200);
    expect(list.body.items.map((n: { id: string }) => n.id)).toEqual([draft.id]); // 晋江 sees 泉州's notices
    expect((await t.http.get('/api/policy-notices').query({ region: '440100' }).expect(200)).body.total).toBe(0);
  });

  it('only the bureau’s owner writes, only its own notices (another bureau 404), only its own programs (400)', async () => {
    expect((await t.http.post('/api/policy-notices').set(sme.auth).send(noticeBody())).body.code).toBe('FORBIDDEN');
    expect((await t.http.post('/api/policy-notices').set(world.payer.auth).send(noticeBody())).body.code).toBe(
      'FORBIDDEN_ROLE',
    );
    const patch = await t.http
      .patch(`/api/policy-notices/${ids.quanzhou}`)
      .set(otherBureau.auth)
      .send({ title: '越权修改标题' });
    expect([patch.status, patch.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await t.http.post(`/api/policy-notices/${ids.quanzhou}/archive`).set(otherBureau.auth)).status).toBe(404);
    const foreign = await t.http
      .post('/api/policy-notices')
      .set(bureau.auth)
      .send(noticeBody({ programIds: [foreignProgramId] }));
    expect([foreign.status, foreign.body.details.fields[0].field]).toEqual([400, 'programIds']);
    const again = await t.http.post(`/api/policy-notices/${ids.quanzhou}/publish`).set(bureau.auth);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'INVALID_STATE_TRANSITION' });
  });

  it('bad input answers 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ issuedOn: '2023-13-01' }, 'issuedOn'],
      [{ title: 'x' }, 'title'],
      [{ links: [{ title: '原文', url: 'javascript:alert(1)' }] }, 'links.0.url'],
      [{ programIds: ['nope'] }, 'programIds'],
      [{ body: '' }, 'body'],
      [{ color: 'red' }, 'color'],
    ];
    for (const [over, field] of cases) {
      const res = await t.http.post('/api/policy-notices').set(bureau.auth).send(noticeBody(over));
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it('is searchable in Simplified and Traditional; archiving takes it out of lists and search', async () => {
    const guangzhou = await create(otherBureau, {
      title: '廣州市推動中試平臺建設實施方案',
      issuingBody: '廣州市發展和改革委員會',
      documentNumber: '穗發改〔2025〕8號',
      body: GUANGZHOU_BODY,
      programIds: [foreignProgramId],
    });
    ids.guangzhou = guangzhou.id;
    await t.http.post(`/api/policy-notices/${guangzhou.id}/publish`).set(otherBureau.auth).expect(200);
    const hits = async (q: string) => {
      const res = await t.http.get('/api/search/policy-notices').query({ q });
      expect(res.status).toBe(200);
      return (res.body.items as { id: string }[]).map((n) => n.id);
    };
    await eventually(async () => expect(await hits('概念验证中心')).toEqual([ids.guangzhou]));
    expect(await hits('概念驗證中心')).toEqual([ids.guangzhou]); // a Traditional query
    expect(await hits('中试服务券申报')).toContain(ids.quanzhou);
    const stored = await t.http.get(`/api/policy-notices/${ids.guangzhou}`).expect(200);
    expect(stored.body).toMatchObject({ body: GUANGZHOU_BODY, programs: [{ name: '广州中试服务券' }] }); // kept as issued
    const doc = await meiliOf(t).index(indexUid(t, 'policies')).getDocument(ids.guangzhou);
    expect(doc).toMatchObject({
      title: '广州市推动中试平台建设实施方案',
      original: { title: '廣州市推動中試平臺建設實施方案' },
    });

    await t.http.post(`/api/policy-notices/${ids.guangzhou}/archive`).set(otherBureau.auth).expect(200);
    await eventually(() =>
      expect(meiliOf(t).index(indexUid(t, 'policies')).getDocument(ids.guangzhou)).rejects.toThrow(),
    );
    expect(await hits('概念验证中心')).toEqual([]);
    const listed = await t.http.get('/api/policy-notices').expect(200);
    expect(listed.body.items.map((n: { id: string }) => n.id)).toEqual([ids.quanzhou]);
    await t.http.get(`/api/policy-notices/${ids.guangzhou}`).expect(200); // archived, still readable by link
  });
});
