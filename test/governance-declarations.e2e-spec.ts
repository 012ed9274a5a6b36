import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { CatalogueApi } from './support/search-fixtures';

const PLATFORM = { name: '晋江鞋服新材料中试平台', fieldCodes: ['MATERIALS'] };

describe('governance: reading equipment declarations back (e2e)', () => {
  let t: TestApp;
  let jinjiang: RegisteredOrg;
  let fuzhou: RegisteredOrg;
  let operator: RegisteredOrg;
  let otherOperator: RegisteredOrg;
  let platformId: string;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    t = await createTestApp();
    jinjiang = await createPrivilegedOrg(t, 'BUREAU', '350582');
    fuzhou = await createPrivilegedOrg(t, 'BUREAU', '350100');
    otherOperator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', regionCode: '350582' });
    ({ operator, platformId } = await new CatalogueApi(t).listedPlatform(PLATFORM));
  });
  afterAll(() => t.close());

  it('the operator and bureaus over the platform see each year it declared, latest first; others get 404', async () => {
    const path = `/api/platforms/${platformId}/equipment-declarations`;
    expect((await t.http.get(path).set(operator.auth).expect(200)).body).toMatchObject({ total: 0, items: [] });
    await t.http
      .put(`${path}/${year - 1}`)
      .set(operator.auth)
      .send({ nonFiscalEquipmentFen: 1_000_000, newEquipmentFen: 0, evidence: '上年度设备发票' })
      .expect(200);
    await t.http
      .put(`${path}/${year}`)
      .set(operator.auth)
      .send({ nonFiscalEquipmentFen: 2_000_000_00, newEquipmentFen: 50_000_00, evidence: '初次申报' })
      .expect(200);
    // Declaring a year again replaces it.
    await t.http
      .put(`${path}/${year}`)
      .set(operator.auth)
      .send({ nonFiscalEquipmentFen: 3_000_000_01, newEquipmentFen: 1_000_000_00, evidence: '设备采购合同 3 份' })
      .expect(200);

    const mine = await t.http.get(path).set(operator.auth).expect(200);
    expect(mine.body.total).toBe(2);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        platformId,
        year,
        nonFiscalEquipmentFen: 3_000_000_01,
        newEquipmentFen: 1_000_000_00,
        evidence: '设备采购合同 3 份',
      }),
      expect.objectContaining({ year: year - 1, nonFiscalEquipmentFen: 1_000_000, newEquipmentFen: 0 }),
    ]);
    expect(typeof mine.body.items[0].updatedAt).toBe('string');

    const bureau = await t.http.get(path).set(jinjiang.auth).expect(200);
    expect(bureau.body).toEqual(mine.body);

    await t.http.get(path).set(fuzhou.auth).expect(404);
    await t.http.get(path).set(otherOperator.auth).expect(404);
    await t.http
      .get('/api/platforms/00000000-0000-4000-8000-000000000000/equipment-declarations')
      .set(operator.auth)
      .expect(404);
  });
});
