import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { Workbook } from 'exceljs';
import { listedPlatformWithService } from './support/notification-fixtures';

const resultBody = (fieldCode: string, title: string) => ({
  title,
  summary: '已完成小试，寻求中试放大验证与成果转化。',
  fieldCode,
  stageReached: 'LAB',
  readinessLevel: 4,
  verificationCategories: ['SCALE_UP'],
  targetStage: 'PILOT',
  transferModes: ['LICENSE'],
  contactName: '李老师',
  confidentiality: 'PUBLIC',
});

type Counts = { published: number; matched: number; inPilot: number; transferred: number };
type Row = Counts & { key: string; label: string };

/**
 * GET /api/reports/results (issue 21): 科技成果 published → matched → in pilot → transferred per field or
 * institute region, scoped to the bureau's jurisdiction, as JSON, CSV and XLSX.
 */
describe('research results report (e2e)', () => {
  let t: TestApp;
  let quanzhou: RegisteredOrg;
  let fuzhou: RegisteredOrg;
  let admin: RegisteredOrg;

  const get = (path: string, who: RegisteredOrg) => t.http.get(path).set(who.auth);

  beforeAll(async () => {
    t = await createTestApp();
    quanzhou = await createPrivilegedOrg(t, 'BUREAU', '350500');
    fuzhou = await createPrivilegedOrg(t, 'BUREAU', '350100');
    admin = await createPrivilegedOrg(t, 'ADMIN', '350000');
    const jinjiang = await registerOrg(t.http, { kind: 'INSTITUTE', name: '晋江研究院', regionCode: '350582' });
    const fengze = await registerOrg(t.http, { kind: 'INSTITUTE', name: '泉州装备制造研究所', regionCode: '350503' });
    const gulou = await registerOrg(t.http, { kind: 'INSTITUTE', name: '福州大学', regionCode: '350100' });
    const operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '陶瓷中试基地' });
    await t.http.post(`/api/orgs/${gulou.orgId}/verify`).set(fuzhou.auth).expect(200);
    for (const org of [jinjiang, fengze, operator]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(quanzhou.auth).expect(200);
    }
    const { platformId } = await listedPlatformWithService(t, operator, quanzhou, {
      title: '陶瓷基板中试放大',
      description: '陶瓷基板 烧结 中试放大',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'SCALE_UP',
    });
    const create = async (who: RegisteredOrg, fieldCode: string, title: string, publish = true) => {
      const res = await t.http.post('/api/results').set(who.auth).send(resultBody(fieldCode, title));
      expect(res.status).toBe(201);
      if (publish) await t.http.post(`/api/results/${res.body.id}/publish`).set(who.auth).expect(200);
      return res.body.id as string;
    };
    const act = (who: RegisteredOrg, id: string, action: string) =>
      t.http.post(`/api/results/${id}/${action}`).set(who.auth).send({}).expect(200);

    // 晋江 (350582), ceramics: one only published, one matched (invited platform), one in pilot; a draft.
    await create(jinjiang, 'MATERIALS_CERAMICS', '氮化硅陶瓷基板');
    const invited = await create(jinjiang, 'MATERIALS_CERAMICS', '陶瓷 3D 打印');
    await t.http.post(`/api/results/${invited}/invitations`).set(jinjiang.auth).send({ platformId }).expect(204);
    await act(jinjiang, await create(jinjiang, 'MATERIALS_CERAMICS', '低温共烧陶瓷'), 'start-pilot');
    await create(jinjiang, 'MATERIALS_CERAMICS', '草稿成果', false);
    // 丰泽 (350503), shoe materials: one transferred, one withdrawn after publishing (still counted as published).
    await act(fengze, await create(fengze, 'TEXTILE_SHOE_MATERIAL', '生物基鞋材'), 'transfer');
    await act(fengze, await create(fengze, 'TEXTILE_SHOE_MATERIAL', '发泡鞋底'), 'withdraw');
    // 福州 (350100), ceramics: outside Quanzhou's jurisdiction.
    await act(gulou, await create(gulou, 'MATERIALS_CERAMICS', '陶瓷膜'), 'start-pilot');
  });
  afterAll(() => t.close());

  it('counts by field within the bureau jurisdiction; another bureau region is not counted', async () => {
    const res = await get('/api/reports/results', quanzhou).expect(200);
    expect(res.body.groupBy).toBe('field');
    const byKey = new Map((res.body.rows as Row[]).map((row) => [row.key, row]));
    expect([...byKey.keys()]).toEqual(['MATERIALS_CERAMICS', 'TEXTILE_SHOE_MATERIAL']);
    expect(byKey.get('MATERIALS_CERAMICS')).toMatchObject({ published: 3, matched: 1, inPilot: 1, transferred: 0 });
    expect(byKey.get('TEXTILE_SHOE_MATERIAL')).toMatchObject({ published: 2, matched: 0, inPilot: 0, transferred: 1 });
    expect(byKey.get('MATERIALS_CERAMICS')!.label).not.toBe('MATERIALS_CERAMICS');
    expect(res.body.total).toEqual({ published: 5, matched: 1, inPilot: 1, transferred: 1 });

    const fz = await get('/api/reports/results', fuzhou).expect(200);
    expect(fz.body.rows).toEqual([expect.objectContaining({ key: 'MATERIALS_CERAMICS', published: 1, inPilot: 1 })]);
    const all = await get('/api/reports/results', admin).expect(200);
    expect(all.body.total).toEqual({ published: 6, matched: 1, inPilot: 2, transferred: 1 });
  });

  it('counts by institute region', async () => {
    const res = await get('/api/reports/results?groupBy=region', quanzhou).expect(200);
    expect(res.body.rows).toEqual([
      { key: '350503', label: expect.any(String), published: 2, matched: 0, inPilot: 0, transferred: 1 },
      { key: '350582', label: expect.stringContaining('晋江'), published: 3, matched: 1, inPilot: 1, transferred: 0 },
    ]);
    const all = await get('/api/reports/results?groupBy=region', admin).expect(200);
    expect((all.body.rows as Row[]).map((row) => row.key)).toEqual(['350100', '350503', '350582']);
  });

  it('downloads the same rows as CSV and XLSX; only bureaus and admins; a bad grouping is a 400', async () => {
    const csv = await get('/api/reports/results?groupBy=region&format=csv', quanzhou).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="result-report-region.csv"');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('key,label,published,matched,inPilot,transferred');
    expect(lines.slice(1).map((line) => line.split(',').filter((_, i) => i !== 1))).toEqual([
      ['350503', '2', '0', '0', '1'],
      ['350582', '3', '1', '1', '0'],
      ['TOTAL', '5', '1', '1', '1'],
    ]);

    const xlsx = await get('/api/reports/results?format=xlsx', quanzhou)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('results-by-field')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'key',
      'label',
      'published',
      'matched',
      'inPilot',
      'transferred',
    ]);
    expect(sheet.getRow(4).getCell(1).value).toBe('TOTAL');
    expect(sheet.getRow(4).getCell(3).value).toBe(5);

    const institute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '华侨大学' });
    await get('/api/reports/results', institute).expect(403);
    const bad = await get('/api/reports/results?groupBy=platform', quanzhou);
    expect(bad.status).toBe(400);
  });
});
