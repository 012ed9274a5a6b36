import { INestApplicationContext } from '@nestjs/common';
import { chinaDate } from '@pilotlink/core';
import { PlatformIndicatorsService } from '@pilotlink/governance';
import { QUEUES } from '@pilotlink/queue';
import { createPrivilegedOrg, RegisteredOrg, registerOrg, runJob, TestApp, createTestApp } from '@pilotlink/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueApi, eventually } from './support/search-fixtures';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 0x20), Buffer.from('\n%%EOF\n')]);

describe('governance: recognition (认定), lapse and annual evaluation (绩效评价) (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let catalogue: CatalogueApi;
  /** 泉州市 (city bureau over 晋江 350582), 福建省 (province), 福州市 (a city bureau elsewhere). */
  let quanzhou: RegisteredOrg;
  let fujian: RegisteredOrg;
  let fuzhou: RegisteredOrg;
  let admin: RegisteredOrg;
  const today = chinaDate(new Date());
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    t = await createTestApp({ env: { FILE_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'pilotlink-gov-')) } });
    catalogue = new CatalogueApi(t);
    [quanzhou, fujian, fuzhou, admin] = [
      await createPrivilegedOrg(t, 'BUREAU', '350500'),
      await createPrivilegedOrg(t, 'BUREAU', '350000'),
      await createPrivilegedOrg(t, 'BUREAU', '350100'),
      await createPrivilegedOrg(t, 'ADMIN', '350000'),
    ];
    worker = await t.startWorker();
  });
  afterAll(() => t.close());

  const apply = (who: RegisteredOrg, platformId: string, level: string) =>
    t.http
      .post(`/api/platforms/${platformId}/recognitions`)
      .set(who.auth)
      .send({
        level,
        evidence: '2025 年服务企业 63 家，中试收入 1,280 万元。',
        evidenceUrls: ['https://files.example.cn/a.pdf'],
      });
  const approve = (who: RegisteredOrg, id: string, body: Record<string, unknown> = { validUntil: '2099-12-31' }) =>
    t.http.post(`/api/recognitions/${id}/approve`).set(who.auth).send(body);
  const evaluate = (who: RegisteredOrg, platformId: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/platforms/${platformId}/evaluations`)
      .set(who.auth)
      .send({ year, remarks: '年度服务企业数量不足，外部用户占比偏低。', ...body });
  const levelOf = async (platformId: string): Promise<string> =>
    (await t.http.get(`/api/platforms/${platformId}`).set(quanzhou.auth)).body.recognitionLevel;
  /** The platform's level as search shows it (null while it is not in the index). */
  const searchedLevel = async (platformId: string, recognitionLevel: string) => {
    const res = await t.http.get('/api/search/platforms').query({ recognitionLevel, limit: 100 });
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).some((hit) => hit.id === platformId);
  };
  const searchedServiceIds = async (): Promise<string[]> => {
    const res = await t.http.get('/api/search/services').query({ limit: 100 });
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((hit) => hit.id);
  };
  const auditActions = async (entityId: string): Promise<string[]> =>
    (await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [entityId])).map(
      (row: { action: string }) => row.action,
    );

  describe('recognition', () => {
    let operator: RegisteredOrg;
    let platformId: string;
    let cityId: string;
    let provinceId: string;

    beforeAll(async () => {
      ({ operator, platformId } = await catalogue.listedPlatform());
    });

    it('the operator applies; one pending application at a time; strangers see nothing', async () => {
      const applied = await apply(operator, platformId, 'CITY');
      expect(applied.status).toBe(201);
      expect(applied.body).toMatchObject({
        platformId,
        level: 'CITY',
        status: 'PENDING',
        requestedByOrgId: operator.orgId,
        evidenceUrls: ['https://files.example.cn/a.pdf'],
        validUntil: null,
      });
      cityId = applied.body.id;
      expect((await apply(operator, platformId, 'PROVINCE')).body.code).toBe('CONFLICT');

      const other = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
      await t.db.query(`UPDATE orgs SET verification_status = 'VERIFIED' WHERE id = $1`, [other.orgId]);
      expect((await apply(other, platformId, 'CITY')).status).toBe(404);
      expect((await t.http.get(`/api/platforms/${platformId}/recognitions`).set(other.auth)).status).toBe(404);
      expect((await t.http.get(`/api/platforms/${platformId}/recognitions`).set(fuzhou.auth)).status).toBe(404);
      for (const who of [operator, quanzhou, fujian, admin]) {
        const list = await t.http.get(`/api/platforms/${platformId}/recognitions`).set(who.auth);
        expect(list.status).toBe(200);
        expect(list.body).toMatchObject({ total: 1, items: [{ id: cityId }] });
      }
      expect((await apply(operator, platformId, 'NONE')).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [expect.objectContaining({ field: 'level' })] },
      });
    });

    it('a bureau outside the jurisdiction gets 404 on approve and reject, and nothing changes', async () => {
      expect((await approve(fuzhou, cityId)).status).toBe(404);
      expect(
        (await t.http.post(`/api/recognitions/${cityId}/reject`).set(fuzhou.auth).send({ reason: '不在辖区' })).status,
      ).toBe(404);
      // An admin sees it, but CITY and PROVINCE are decided by bureaus.
      expect((await approve(admin, cityId)).status).toBe(403);
      expect((await approve(operator, cityId)).status).toBe(403);

      const [row] = await t.db.query(
        `SELECT r.status, p.recognition_level, p.recognition_valid_until
           FROM platform_recognitions r JOIN platforms p ON p.id = r.platform_id WHERE r.id = $1`,
        [cityId],
      );
      expect(row).toEqual({ status: 'PENDING', recognition_level: 'NONE', recognition_valid_until: null });
      expect(await auditActions(cityId)).toEqual(['platform_recognition.requested']);
    });

    it('the city bureau approves: the level shows on the platform and in search', async () => {
      expect(
        (await approve(quanzhou, cityId, { validFrom: '2099-01-01', validUntil: '2099-12-31' })).body,
      ).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [expect.objectContaining({ field: 'validFrom' })] },
      });
      expect((await approve(quanzhou, cityId, { validUntil: '2020-12-31' })).body.details.fields[0].field).toBe(
        'validUntil',
      );
      expect((await approve(quanzhou, cityId, { validUntil: '31/12/2099' })).status).toBe(400);

      const approved = await approve(quanzhou, cityId);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'APPROVED',
        validFrom: today,
        validUntil: '2099-12-31',
        decidedByOrgId: quanzhou.orgId,
      });
      expect((await approve(quanzhou, cityId)).body.code).toBe('INVALID_STATE_TRANSITION');

      expect(await levelOf(platformId)).toBe('CITY');
      const [platform] = await t.db.query(
        `SELECT recognition_valid_until::text AS until FROM platforms WHERE id = $1`,
        [platformId],
      );
      expect(platform.until).toBe('2099-12-31');
      expect(await auditActions(cityId)).toEqual(['platform_recognition.requested', 'platform_recognition.approved']);
      expect(await auditActions(platformId)).toContain('platform.recognised');
      await eventually(async () => expect(await searchedLevel(platformId, 'CITY')).toBe(true));
    });

    it('PROVINCE: a city bureau gets 404; the province bureau approves', async () => {
      const applied = await apply(operator, platformId, 'PROVINCE');
      expect(applied.status).toBe(201);
      provinceId = applied.body.id;

      expect((await approve(quanzhou, provinceId)).status).toBe(404);
      expect(
        (await t.http.post(`/api/recognitions/${provinceId}/reject`).set(quanzhou.auth).send({ reason: '级别不符' }))
          .status,
      ).toBe(404);
      expect(await levelOf(platformId)).toBe('CITY');

      expect((await approve(fujian, provinceId, { validUntil: '2098-12-31' })).body.status).toBe('APPROVED');
      expect(await levelOf(platformId)).toBe('PROVINCE');
      await eventually(async () => expect(await searchedLevel(platformId, 'PROVINCE')).toBe(true));
    });

    it('a rejected application stays rejected and changes nothing', async () => {
      const applied = await apply(operator, platformId, 'NATIONAL');
      expect((await approve(fujian, applied.body.id)).status).toBe(404); // no bureau grants NATIONAL
      const rejected = await t.http
        .post(`/api/recognitions/${applied.body.id}/reject`)
        .set(admin.auth)
        .send({ reason: '国家级认定以部委文件为准' });
      expect(rejected.body).toMatchObject({ status: 'REJECTED', reason: '国家级认定以部委文件为准' });
      expect(await levelOf(platformId)).toBe('PROVINCE');
    });

    it('the lapse job: a recognition past its date lapses and the platform drops to the level it still holds', async () => {
      await t.db.query(
        `UPDATE platform_recognitions SET valid_from = '2020-01-01', valid_until = '2020-12-31' WHERE id = $1`,
        [provinceId],
      );
      await t.db.query(`UPDATE platforms SET recognition_valid_until = '2020-12-31' WHERE id = $1`, [platformId]);

      const result = await runJob(t, worker, QUEUES.MAINTENANCE, 'lapse-recognitions');
      expect(result).toEqual({ recognitions: 1, platforms: 1 });
      const [row] = await t.db.query(
        `SELECT r.status, p.recognition_level, p.recognition_valid_until::text AS until
           FROM platform_recognitions r JOIN platforms p ON p.id = r.platform_id WHERE r.id = $1`,
        [provinceId],
      );
      expect(row).toEqual({ status: 'LAPSED', recognition_level: 'CITY', until: '2099-12-31' });
      expect(await auditActions(provinceId)).toContain('platform_recognition.lapsed');
      await eventually(async () => expect(await searchedLevel(platformId, 'CITY')).toBe(true));

      // Nothing else is due: a second run is a no-op.
      expect(await runJob(t, worker, QUEUES.MAINTENANCE, 'lapse-recognitions')).toEqual({
        recognitions: 0,
        platforms: 0,
      });

      await t.db.query(
        `UPDATE platform_recognitions SET valid_from = '2020-01-01', valid_until = '2021-06-30' WHERE id = $1`,
        [cityId],
      );
      await t.db.query(`UPDATE platforms SET recognition_valid_until = '2021-06-30' WHERE id = $1`, [platformId]);
      expect(await runJob(t, worker, QUEUES.MAINTENANCE, 'lapse-recognitions')).toEqual({
        recognitions: 1,
        platforms: 1,
      });
      expect(await levelOf(platformId)).toBe('NONE');
      await eventually(async () => expect(await searchedLevel(platformId, 'NONE')).toBe(true));
    });
  });

  describe('annual evaluation', () => {
    it('indicators from a real completed, paid order; KEEP after FAIL → 422; DOWNGRADE lowers the level; once a year', async () => {
      const { operator, platformId } = await catalogue.listedPlatform({ name: '晋江市鞋服材料中试平台' });
      const serviceId = await catalogue.publishedService(operator, platformId, {
        title: '鞋材发泡中试打样',
        pricingKind: 'FIXED',
        priceFen: 5_000_000,
      });
      const applied = await apply(operator, platformId, 'PROVINCE');
      expect((await approve(fujian, applied.body.id)).status).toBe(200);

      // An SME from 福州 (outside the platform's city) orders, pays in two parts and accepts.
      const sme = await registerOrg(t.http, { regionCode: '350100' });
      await t.db.query(`UPDATE orgs SET verification_status = 'VERIFIED' WHERE id = $1`, [sme.orgId]);
      const ordered = await t.http.post('/api/orders').set(sme.auth).send({ serviceId });
      expect(ordered.status).toBe(201);
      const orderId = ordered.body.id as string;
      const act = async (who: RegisteredOrg, action: string) => {
        const res = await t.http.post(`/api/orders/${orderId}/${action}`).set(who.auth).send({});
        expect(res.status).toBeLessThan(300);
      };
      const pay = async (amountFen: number, reference: string) => {
        const res = await t.http
          .post(`/api/orders/${orderId}/payments`)
          .set(sme.auth)
          .send({ amountFen, paidOn: today, method: 'BANK_TRANSFER', reference });
        expect(res.status).toBe(201);
      };
      await act(operator, 'accept');
      await act(sme, 'contract');
      await act(operator, 'contract');
      await pay(2_000_000, '预付款-001');
      await act(operator, 'start');
      const delivered = await t.http
        .post(`/api/orders/${orderId}/deliver`)
        .set(operator.auth)
        .attach('file', PDF, '检测报告.pdf');
      expect(delivered.status).toBe(200);
      await act(sme, 'complete');
      await pay(3_000_000, '尾款-002');

      const preview = await t.http.get(`/api/platforms/${platformId}/indicators`).query({ year }).set(quanzhou.auth);
      expect(preview.status).toBe(200);
      expect(preview.body.indicators).toEqual({
        ordersCompleted: 1,
        serviceRevenueFen: 5_000_000,
        smesServed: 1,
        externalUserShareBp: 10_000,
        ratingAvg: null,
        medianFirstQuoteMinutes: null,
        sharingRateBp: null,
        claimsRejected: 0,
      });
      expect(preview.body.score.suggestedGrade).toBe('FAIL');
      expect(
        (await t.http.get(`/api/platforms/${platformId}/indicators`).query({ year }).set(fuzhou.auth)).status,
      ).toBe(404);

      // Outside the jurisdiction, or not a bureau: nothing is recorded.
      expect((await evaluate(fuzhou, platformId, { outcome: 'DOWNGRADE' })).status).toBe(404);
      expect((await evaluate(operator, platformId, { outcome: 'KEEP' })).status).toBe(403);

      const keep = await evaluate(quanzhou, platformId, { outcome: 'KEEP' });
      expect(keep.status).toBe(422);
      expect(keep.body).toMatchObject({
        code: 'EVALUATION_OUTCOME_NOT_ALLOWED',
        details: { grade: 'FAIL', fields: [expect.objectContaining({ field: 'outcome' })] },
      });
      expect((await evaluate(quanzhou, platformId, { grade: 'GOOD', outcome: 'DOWNGRADE' })).status).toBe(422);
      expect((await evaluate(quanzhou, platformId, { year: year + 1, outcome: 'DOWNGRADE' })).status).toBe(400);
      expect(
        (
          await t.db.query(`SELECT count(*)::int AS n FROM platform_evaluations WHERE platform_id = $1`, [platformId])
        )[0].n,
      ).toBe(0);

      const downgraded = await evaluate(quanzhou, platformId, { outcome: 'DOWNGRADE' });
      expect(downgraded.status).toBe(201);
      expect(downgraded.body).toMatchObject({
        platformId,
        year,
        bureauOrgId: quanzhou.orgId,
        suggestedGrade: 'FAIL',
        grade: 'FAIL',
        outcome: 'DOWNGRADE',
        levelBefore: 'PROVINCE',
        levelAfter: 'CITY',
        indicators: { ordersCompleted: 1, serviceRevenueFen: 5_000_000, smesServed: 1 },
      });
      expect(await levelOf(platformId)).toBe('CITY');
      const [recognition] = await t.db.query(`SELECT status, reason FROM platform_recognitions WHERE id = $1`, [
        applied.body.id,
      ]);
      expect(recognition).toEqual({ status: 'LAPSED', reason: `Downgraded by the ${year} evaluation` });
      expect(await auditActions(downgraded.body.id)).toEqual(['platform_evaluation.recorded']);
      await eventually(async () => expect(await searchedLevel(platformId, 'CITY')).toBe(true));

      const again = await evaluate(quanzhou, platformId, { grade: 'FAIL', outcome: 'SUSPEND' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONFLICT');

      const list = await t.http.get(`/api/platforms/${platformId}/evaluations`).set(operator.auth);
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 1, items: [{ id: downgraded.body.id }] });
      expect((await t.http.get(`/api/platforms/${platformId}/evaluations`).set(fuzhou.auth)).status).toBe(404);
    });

    it('indicators for several platforms in one call: China-time year edges, external orders and sharing rate', async () => {
      const { operator, platformId } = await catalogue.listedPlatform({ name: '晋江市智能装备中试平台' });
      const { platformId: idle } = await catalogue.listedPlatform({ name: '晋江市食品中试平台' });
      const local = await registerOrg(t.http, { regionCode: '350582' });
      const [equipment] = await t.db.query(
        `INSERT INTO equipment (platform_id, name, category, hourly_rate_fen) VALUES ($1, '三坐标测量机', 'METROLOGY', 20000)
         RETURNING id`,
        [platformId],
      );
      // 2023-12-31T16:00Z is 2024-01-01 00:00 in China: it counts for 2024; 15:45Z is still 2023.
      const use = [
        { booker: operator.orgId, startsAt: '2024-03-04T01:00:00Z', minutes: 60 },
        { booker: local.orgId, startsAt: '2024-03-05T01:00:00Z', minutes: 180 },
        { booker: local.orgId, startsAt: '2023-12-31T16:00:00Z', minutes: 60 },
        { booker: local.orgId, startsAt: '2023-12-31T15:00:00Z', minutes: 45 },
      ];
      for (const r of use) {
        await t.db.query(
          `INSERT INTO reservations (equipment_id, platform_id, booker_org_id, starts_at, ends_at, status, internal,
                                     price_fen, completed_at, actual_minutes)
           VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz + interval '45 minutes', 'COMPLETED', $5, 0, $4, $6)`,
          [equipment.id, platformId, r.booker, r.startsAt, r.booker === operator.orgId, r.minutes],
        );
      }
      const completed = async (completedAt: string, amountFen: number) => {
        const [order] = await t.db.query(
          `INSERT INTO orders (sme_org_id, platform_id, platform_org_id, agreed_amount_fen, contract_number, status, completed_at)
           VALUES ($1, $2, $3, $4, 'T-' || gen_random_uuid(), 'COMPLETED', $5) RETURNING id`,
          [local.orgId, platformId, operator.orgId, amountFen, completedAt],
        );
        await t.db.query(
          `INSERT INTO order_payments (order_id, amount_fen, paid_on, method, reference, recorded_by)
           VALUES ($1, $2, '2024-01-01', 'BANK_TRANSFER', 'R-1', $3)`,
          [order.id, amountFen, local.userId],
        );
      };
      await completed('2023-12-31T16:30:00Z', 1_000_001);
      await completed('2023-12-31T15:30:00Z', 7);

      const indicators = t.app.get(PlatformIndicatorsService);
      const unknown = '00000000-0000-4000-8000-000000000000';
      const for2024 = await indicators.forPlatforms([platformId, idle, unknown], 2024);
      expect([...for2024.keys()].sort()).toEqual([platformId, idle].sort());
      expect(for2024.get(platformId)).toMatchObject({
        ordersCompleted: 1,
        serviceRevenueFen: 1_000_001,
        smesServed: 1,
        externalUserShareBp: 0, // the SME is in the platform's own city
        sharingRateBp: Math.floor((240 * 10_000) / 300),
        claimsRejected: 0,
      });
      expect(for2024.get(idle)).toMatchObject({ ordersCompleted: 0, serviceRevenueFen: 0, sharingRateBp: null });
      expect((await indicators.forPlatforms([platformId], 2023)).get(platformId)).toMatchObject({
        ordersCompleted: 1,
        serviceRevenueFen: 7,
        sharingRateBp: 10_000,
      });
    });

    it('FAIL + DELIST: the platform is delisted and its services leave search', async () => {
      const { operator, platformId } = await catalogue.listedPlatform({ name: '晋江市陶瓷釉料中试平台' });
      const serviceId = await catalogue.publishedService(operator, platformId, { title: '陶瓷釉料配方中试' });
      await eventually(async () => expect(await searchedServiceIds()).toContain(serviceId));

      const delisted = await evaluate(quanzhou, platformId, { year: year - 1, outcome: 'DELIST' });
      expect(delisted.status).toBe(201);
      expect(delisted.body).toMatchObject({
        grade: 'FAIL',
        outcome: 'DELIST',
        levelBefore: 'NONE',
        levelAfter: 'NONE',
      });

      const platform = await t.http.get(`/api/platforms/${platformId}`).set(quanzhou.auth);
      expect(platform.body).toMatchObject({ status: 'DELISTED', statusReason: expect.stringContaining(`${year - 1}`) });
      expect((await t.http.get(`/api/platforms/${platformId}`)).status).toBe(404);
      expect(await auditActions(platformId)).toContain('platform.delisted');
      const [outbox] = await t.db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1 AND event_type = 'platform.delisted'`,
        [platformId],
      );
      expect(outbox.n).toBe(1);
      await eventually(async () => expect(await searchedServiceIds()).not.toContain(serviceId));

      // Delisted is final: the operator can no longer apply.
      expect((await apply(operator, platformId, 'CITY')).status).toBe(409);
    });
  });
});
