import { Clock } from '@pilotlink/core';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';

// Monday 2030-03-04; every time below is China time.
const at = (local: string) => `2030-03-${local}:00+08:00`;
const ms = (local: string) => Date.parse(at(local));
const HOUR = 3_600_000;

const ROUND_THE_CLOCK = Object.fromEntries(
  ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day) => [day, [['00:00', '24:00']]]),
);

interface Slot {
  startsAt: string;
  endsAt: string;
}

describe('equipment reservations, availability and utilisation (e2e)', () => {
  let t: TestApp;
  let now: number;
  let operator: RegisteredOrg;
  let otherOperator: RegisteredOrg;
  let sme: RegisteredOrg;
  let sme2: RegisteredOrg;
  let bureau: RegisteredOrg;
  let platformId: string;
  let sem: string; // 40_000 fen per hour, default opening hours and policy

  const platformBody = {
    name: '晋江石墨烯材料中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['MATERIALS_GRAPHENE'],
    regionCode: '350582',
    address: '福建省晋江市',
    description: '石墨烯材料表征与中试。',
    qualifications: [],
  };

  const addEquipment = async (over: Record<string, unknown> = {}) => {
    const res = await t.http
      .post(`/api/platforms/${platformId}/equipment`)
      .set(operator.auth)
      .send({ name: '场发射扫描电子显微镜', category: '电子显微镜', hourlyRateFen: 40_000, ...over });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const reserve = (who: RegisteredOrg, equipmentId: string, from: string, to: string) =>
    t.http
      .post(`/api/equipment/${equipmentId}/reservations`)
      .set(who.auth)
      .send({ startsAt: at(from), endsAt: at(to), purpose: '截面形貌观察' });

  const freeOf = async (equipmentId: string, from: string, to: string): Promise<string[]> => {
    const res = await t.http.get(`/api/equipment/${equipmentId}/availability`).query({ from: at(from), to: at(to) });
    expect(res.status).toBe(200);
    return res.body.free.map((s: Slot) => `${local(s.startsAt)}–${local(s.endsAt)}`);
  };
  const local = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(8, 16);

  beforeAll(async () => {
    t = await createTestApp();
    // Time stands still unless a test moves it: every rule that looks at "now" reads the Clock.
    now = ms('04T07:00');
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));

    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    otherOperator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    sme = await registerOrg(t.http);
    sme2 = await registerOrg(t.http);
    for (const org of [operator, otherOperator, sme, sme2]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
    const platform = await t.http.post('/api/platforms').set(operator.auth).send(platformBody).expect(201);
    platformId = platform.body.id;
    await t.http.post(`/api/platforms/${platformId}/submit`).set(operator.auth).expect(200);
    await t.http.post(`/api/platforms/${platformId}/list`).set(bureau.auth).expect(200);
    sem = await addEquipment();
  });
  afterAll(() => t.close());

  it('availability is opening hours minus reservations and blocks; a request is refused by the same check', async () => {
    // Default hours: Mon–Fri 08:30–17:30, public.
    expect(await freeOf(sem, '04T00:00', '06T00:00')).toEqual(['04T08:30–04T17:30', '05T08:30–05T17:30']);
    expect(await freeOf(sem, '09T00:00', '11T00:00')).toEqual([]); // weekend

    const booked = await reserve(sme, sem, '04T09:00', '04T10:00');
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ status: 'CONFIRMED', priceFen: 40_000, feeFen: 0, internal: false });
    const [order] = await t.db.query(
      `SELECT status, agreed_amount_fen, service_id, sme_org_id, platform_org_id FROM orders WHERE id = $1`,
      [booked.body.orderId],
    );
    expect(order).toEqual({
      status: 'ACCEPTED',
      agreed_amount_fen: '40000',
      service_id: null,
      sme_org_id: sme.orgId,
      platform_org_id: operator.orgId,
    });

    const block = await t.http
      .post(`/api/equipment/${sem}/blocks`)
      .set(operator.auth)
      .send({ startsAt: at('04T13:00'), endsAt: at('04T14:00'), reason: '年度校准' });
    expect(block.status).toBe(201);
    expect(await freeOf(sem, '04T00:00', '05T00:00')).toEqual([
      '04T08:30–04T09:00',
      '04T10:00–04T13:00',
      '04T14:00–04T17:30',
    ]);

    const refused = async (from: string, to: string) => {
      const res = await reserve(sme2, sem, from, to);
      return [res.status, res.body.code];
    };
    expect(await refused('04T08:00', '04T09:00')).toEqual([409, 'OUTSIDE_OPENING_HOURS']);
    expect(await refused('09T10:00', '09T11:00')).toEqual([409, 'OUTSIDE_OPENING_HOURS']);
    expect(await refused('04T13:30', '04T14:30')).toEqual([409, 'SLOT_BLOCKED']);
    expect(await refused('04T09:45', '04T10:15')).toEqual([409, 'SLOT_TAKEN']);
    // Right next to both is free, as shown.
    expect((await reserve(sme2, sem, '04T10:00', '04T10:15')).status).toBe(201);

    // A block over an active reservation is refused, naming it.
    const clash = await t.http
      .post(`/api/equipment/${sem}/blocks`)
      .set(operator.auth)
      .send({ startsAt: at('04T09:30'), endsAt: at('04T12:00'), reason: '故障维修' });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({
      code: 'SLOT_TAKEN',
      details: { reservationIds: expect.arrayContaining([booked.body.id]) },
    });
    const blocks = await t.http.get(`/api/equipment/${sem}/blocks`).set(operator.auth);
    expect(blocks.body.total).toBe(1);
    expect(
      (
        await t.http
          .post(`/api/equipment/${sem}/blocks`)
          .set(otherOperator.auth)
          .send({
            startsAt: at('05T09:00'),
            endsAt: at('05T10:00'),
            reason: '别人的仪器',
          })
      ).status,
    ).toBe(404);

    // New opening hours change availability at once.
    const rules = await t.http
      .put(`/api/equipment/${sem}/booking-rules`)
      .set(operator.auth)
      .send({
        openingHours: {
          MON: [['08:30', '17:30']],
          TUE: [
            ['08:30', '12:00'],
            ['13:30', '17:30'],
          ],
          WED: [['08:30', '17:30']],
          THU: [['08:30', '17:30']],
          FRI: [['08:30', '17:30']],
          SAT: [],
          SUN: [],
        },
        freeCancellationHours: 24,
        lateCancellationFeeBp: 3000,
        noShowFeeBp: 5000,
      });
    expect(rules.status).toBe(200);
    expect(await freeOf(sem, '05T00:00', '06T00:00')).toEqual(['05T08:30–05T12:00', '05T13:30–05T17:30']);
    const badRules = await t.http
      .put(`/api/equipment/${sem}/booking-rules`)
      .set(operator.auth)
      .send({
        ...rules.body,
        timeZone: undefined,
        equipmentId: undefined,
        hourlyRateFen: undefined,
        openingHours: { MON: [['08:10', '12:00']] },
      });
    expect(badRules.status).toBe(400);
    expect(badRules.body.details.fields[0].field).toMatch(/^openingHours\./);

    const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [booked.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['reservation.created']);
  });

  it('50 concurrent requests for overlapping slots: exactly one per slot succeeds, the rest 409, no overlap in the database', async () => {
    const rig = await addEquipment({ name: '拉曼光谱仪' });
    await t.http
      .put(`/api/equipment/${rig}/booking-rules`)
      .set(operator.auth)
      .send({
        openingHours: ROUND_THE_CLOCK,
        freeCancellationHours: 24,
        lateCancellationFeeBp: 3000,
        noShowFeeBp: 5000,
      })
      .expect(200);
    const bookers = [sme, sme2, otherOperator];
    // 10 disjoint one-hour slots on Wednesday, each asked for 5 times by different orgs, all at once.
    const requests = Array.from({ length: 50 }, (_, i) => {
      const slot = i % 10;
      const start = ms('06T08:00') + slot * HOUR;
      return { slot, start, end: start + HOUR, who: bookers[i % 3] };
    });
    const responses = await Promise.all(
      requests.map((r) =>
        t.http
          .post(`/api/equipment/${rig}/reservations`)
          .set(r.who.auth)
          .send({ startsAt: new Date(r.start).toISOString(), endsAt: new Date(r.end).toISOString() }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(10).fill(201), ...Array(40).fill(409)]);
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['SLOT_TAKEN']));
    const wonSlots = requests.filter((_, i) => responses[i].status === 201).map((r) => r.slot);
    expect(wonSlots.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    // Now 20 more at once, each straddling two neighbouring slots of Thursday: the winners never overlap and
    // every refused one overlaps a winner.
    const straddling = Array.from({ length: 20 }, (_, i) => {
      const start = ms('07T08:00') + (i % 10) * HOUR + (i < 10 ? 0 : HOUR / 2);
      return { start, end: start + HOUR, who: bookers[i % 3] };
    });
    const second = await Promise.all(
      straddling.map((r) =>
        t.http
          .post(`/api/equipment/${rig}/reservations`)
          .set(r.who.auth)
          .send({ startsAt: new Date(r.start).toISOString(), endsAt: new Date(r.end).toISOString() }),
      ),
    );
    const won = straddling.filter((_, i) => second[i].status === 201);
    const lost = straddling.filter((_, i) => second[i].status === 409);
    expect(won.length + lost.length).toBe(20);
    const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;
    for (const a of won) for (const b of won) if (a !== b) expect(overlap(a, b)).toBe(false);
    for (const l of lost) expect(won.some((w) => overlap(w, l))).toBe(true);

    const [{ overlapping }] = await t.db.query(
      `SELECT count(*)::int AS overlapping FROM reservations a JOIN reservations b
         ON a.equipment_id = b.equipment_id AND a.id < b.id AND a.during && b.during
       WHERE a.status IN ('CONFIRMED', 'CHECKED_IN', 'COMPLETED') AND b.status IN ('CONFIRMED', 'CHECKED_IN', 'COMPLETED')`,
    );
    expect(overlapping).toBe(0);
    const [{ active, orders }] = await t.db.query(
      `SELECT count(*)::int AS active, count(order_id)::int AS orders FROM reservations WHERE equipment_id = $1`,
      [rig],
    );
    expect(active).toBe(10 + won.length);
    expect(orders).toBe(10 + won.length);
    // Availability agrees: Wednesday 08:00–18:00 is gone.
    expect(await freeOf(rig, '06T06:00', '06T20:00')).toEqual(['06T06:00–06T08:00', '06T18:00–06T20:00']);
  });

  it('a lost race is a 409 from the exclusion constraint: a booking the check could not yet see still wins', async () => {
    const rig = await addEquipment({ name: '热重分析仪' });
    // Another transaction has inserted 10:00–11:00 but not committed: invisible to the request's check.
    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(
        `INSERT INTO reservations (equipment_id, platform_id, booker_org_id, starts_at, ends_at, price_fen)
         VALUES ($1, $2, $3, $4, $5, 0)`,
        [rig, platformId, sme2.orgId, at('05T10:00'), at('05T11:00')],
      );
      const pending = reserve(sme, rig, '05T10:30', '05T11:30').then((res) => res);
      // The request passes its check and then waits on the constraint for the open transaction.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await runner.commitTransaction();
      const res = await pending;
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'SLOT_TAKEN', message: 'That time was reserved a moment ago' });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM reservations WHERE equipment_id = $1`, [rig]);
    expect(n).toBe(1);
    expect(await t.db.query(`SELECT id FROM orders WHERE request_note LIKE '%热重分析仪%'`)).toEqual([]);
  });

  it('a maintenance block waits for an in-flight booking and then refuses to cover it (one lock on the instrument)', async () => {
    const rig = await addEquipment({ name: '差示扫描量热仪' });
    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // What a booking does: the instrument FOR SHARE, then its row.
      await runner.query(`SELECT id FROM equipment WHERE id = $1 FOR SHARE`, [rig]);
      await runner.query(
        `INSERT INTO reservations (equipment_id, platform_id, booker_org_id, starts_at, ends_at, price_fen)
         VALUES ($1, $2, $3, $4, $5, 0)`,
        [rig, platformId, sme2.orgId, at('05T10:00'), at('05T11:00')],
      );
      const pending = t.http
        .post(`/api/equipment/${rig}/blocks`)
        .set(operator.auth)
        .send({ startsAt: at('05T08:30'), endsAt: at('05T12:00'), reason: '季度保养' })
        .then((res) => res);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await runner.commitTransaction();
      const res = await pending;
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SLOT_TAKEN');
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await t.db.query(`SELECT id FROM equipment_blocks WHERE equipment_id = $1`, [rig])).toEqual([]);
  });

  it('cancelling: free until 24 h before, then 30 % of the price; the order is cancelled with it', async () => {
    const early = await reserve(sme, sem, '08T09:00', '08T10:00'); // Friday, 98 h ahead
    const late = await reserve(sme, sem, '04T15:00', '04T16:00'); // today, 8 h ahead
    expect([early.status, late.status]).toEqual([201, 201]);
    // The order alone cannot be cancelled: that would leave the instrument booked.
    const viaOrder = await t.http.post(`/api/orders/${early.body.orderId}/cancel`).set(sme.auth).send({});
    expect(viaOrder.body).toMatchObject({ code: 'CONFLICT', details: { reservationId: early.body.id } });

    expect((await t.http.post(`/api/reservations/${early.body.id}/cancel`).set(sme2.auth)).status).toBe(404);
    const free = await t.http.post(`/api/reservations/${early.body.id}/cancel`).set(sme.auth);
    expect(free.body).toMatchObject({ status: 'CANCELLED', feeFen: 0 });
    const charged = await t.http.post(`/api/reservations/${late.body.id}/cancel`).set(sme.auth);
    expect(charged.body).toMatchObject({ status: 'CANCELLED', feeFen: 12_000 });

    const orders = await t.db.query(`SELECT id, status FROM orders WHERE id = ANY($1) ORDER BY id`, [
      [early.body.orderId, late.body.orderId],
    ]);
    expect(orders.map((o: { status: string }) => o.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const history = await t.db.query(
      `SELECT action, from_status, to_status FROM order_events WHERE order_id = $1 ORDER BY id`,
      [late.body.orderId],
    );
    expect(history).toEqual([
      { action: 'order.reserved', from_status: 'REQUESTED', to_status: 'ACCEPTED' },
      { action: 'order.cancel', from_status: 'ACCEPTED', to_status: 'CANCELLED' },
    ]);

    const again = await t.http.post(`/api/reservations/${late.body.id}/cancel`).set(sme.auth);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'CANCELLED' } });
    // The time is free again.
    expect(await freeOf(sem, '04T15:00', '04T16:00')).toEqual(['04T15:00–04T16:00']);
  });

  it('no-show: only after the start, by the platform; the no-show fee applies and the rest of the slot frees up', async () => {
    const booking = await reserve(sme, sem, '04T11:00', '04T12:00');
    expect(booking.status).toBe(201);
    const early = await t.http.post(`/api/reservations/${booking.body.id}/no-show`).set(operator.auth);
    expect(early.status).toBe(409);
    now = ms('04T11:20');
    try {
      expect((await t.http.post(`/api/reservations/${booking.body.id}/no-show`).set(sme.auth)).status).toBe(403);
      const marked = await t.http.post(`/api/reservations/${booking.body.id}/no-show`).set(operator.auth);
      expect(marked.body).toMatchObject({ status: 'NO_SHOW', feeFen: 20_000, actualMinutes: 0 });
      const [order] = await t.db.query(`SELECT status FROM orders WHERE id = $1`, [booking.body.orderId]);
      expect(order.status).toBe('CANCELLED');
      expect(await freeOf(sem, '04T11:00', '04T12:00')).toEqual(['04T11:30–04T12:00']);
      // Too late for the booker to cancel.
      const cancel = await reserve(sme, sem, '04T11:30', '04T11:45');
      expect(cancel.status).toBe(201);
      now = ms('04T11:31');
      expect((await t.http.post(`/api/reservations/${cancel.body.id}/cancel`).set(sme.auth)).status).toBe(409);
    } finally {
      now = ms('04T07:00');
    }
  });

  it('check-in and completion record actual use; utilisation reports scheduled vs used hours and the sharing rate', async () => {
    const lab = await addEquipment({ name: 'X射线衍射仪', hourlyRateFen: 60_000 });
    const external = await reserve(sme, lab, '05T09:00', '05T11:00');
    const internal = await reserve(operator, lab, '05T13:00', '05T14:00'); // the platform's own use
    const idle = await reserve(sme2, lab, '05T15:00', '05T16:00');
    expect(internal.body).toMatchObject({ internal: true, priceFen: 0, orderId: null });
    expect(external.body.priceFen).toBe(120_000);

    // Too early to check in; then the wrong party; then the platform.
    expect((await t.http.post(`/api/reservations/${external.body.id}/check-in`).set(operator.auth)).status).toBe(409);
    now = ms('05T08:50');
    try {
      expect((await t.http.post(`/api/reservations/${external.body.id}/check-in`).set(sme.auth)).status).toBe(403);
      const checkedIn = await t.http.post(`/api/reservations/${external.body.id}/check-in`).set(operator.auth);
      expect(checkedIn.body).toMatchObject({ status: 'CHECKED_IN', checkedInAt: new Date(now).toISOString() });
      const done = await t.http
        .post(`/api/reservations/${external.body.id}/complete`)
        .set(operator.auth)
        .send({ actualMinutes: 90 });
      expect(done.body).toMatchObject({ status: 'COMPLETED', actualMinutes: 90 });

      now = ms('05T12:55');
      await t.http.post(`/api/reservations/${internal.body.id}/check-in`).set(operator.auth).expect(200);
      now = ms('05T14:00');
      const own = await t.http.post(`/api/reservations/${internal.body.id}/complete`).set(operator.auth).send({});
      expect(own.body.actualMinutes).toBe(65); // since check-in
      now = ms('05T15:30');
      await t.http.post(`/api/reservations/${idle.body.id}/no-show`).set(operator.auth).expect(200);
    } finally {
      now = ms('04T07:00');
    }
    // Completing twice is an illegal move.
    const twice = await t.http.post(`/api/reservations/${external.body.id}/complete`).set(operator.auth).send({});
    expect(twice.status).toBe(409);

    const range = { from: at('05T00:00'), to: at('06T00:00') };
    const report = await t.http.get(`/api/equipment/${lab}/utilisation`).query(range).set(operator.auth);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      reservations: 3,
      openHours: 9,
      scheduledHours: 4,
      usedHours: 155 / 60,
      externalHours: 1.5,
      sharingRateBp: Math.floor((90 * 10_000) / 155),
      utilisationRateBp: Math.floor((155 * 10_000) / 540),
    });
    // A bureau over the region sees it too; another platform does not; an SME may not ask.
    expect((await t.http.get(`/api/equipment/${lab}/utilisation`).query(range).set(bureau.auth)).status).toBe(200);
    expect((await t.http.get(`/api/equipment/${lab}/utilisation`).query(range).set(otherOperator.auth)).status).toBe(
      404,
    );
    expect((await t.http.get(`/api/equipment/${lab}/utilisation`).query(range).set(sme.auth)).status).toBe(403);
  });

  it("another org's reservation answers 404; lists show the booker its own and the operator all", async () => {
    const mine = await reserve(sme, sem, '05T14:00', '05T15:00');
    expect(mine.status).toBe(201);
    expect((await t.http.get(`/api/reservations/${mine.body.id}`).set(sme.auth)).status).toBe(200);
    expect((await t.http.get(`/api/reservations/${mine.body.id}`).set(operator.auth)).status).toBe(200);
    for (const stranger of [sme2, otherOperator]) {
      expect((await t.http.get(`/api/reservations/${mine.body.id}`).set(stranger.auth)).status).toBe(404);
      expect((await t.http.post(`/api/reservations/${mine.body.id}/cancel`).set(stranger.auth)).status).toBe(404);
    }
    expect((await t.http.post(`/api/reservations/${mine.body.id}/check-in`).set(otherOperator.auth)).status).toBe(404);
    expect((await t.http.get(`/api/orders/${mine.body.orderId}`).set(sme2.auth)).status).toBe(404);

    const own = await t.http.get(`/api/equipment/${sem}/reservations`).set(sme2.auth);
    expect(own.body.items.every((r: { bookerOrgId: string }) => r.bookerOrgId === sme2.orgId)).toBe(true);
    const all = await t.http.get(`/api/equipment/${sem}/reservations?limit=100`).set(operator.auth);
    const bookers = new Set(all.body.items.map((r: { bookerOrgId: string }) => r.bookerOrgId));
    expect(bookers.has(sme.orgId) && bookers.has(sme2.orgId)).toBe(true);
    expect(all.body.total).toBeGreaterThan(own.body.total);
  });

  it('bad ranges answer 400 naming the field; unlisted equipment is not public', async () => {
    const field = async (path: string, query: Record<string, string>) => {
      const res = await t.http.get(path).query(query);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.details.fields.map((f: { field: string }) => f.field);
    };
    const availability = `/api/equipment/${sem}/availability`;
    expect(await field(availability, { from: at('05T00:00'), to: at('04T00:00') })).toEqual(['to']);
    expect(await field(availability, { to: at('05T00:00') })).toContain('from');
    expect(await field(availability, { from: '2030-03-04T00:00:00', to: at('05T00:00') })).toEqual(['from']);
    expect(await field(availability, { from: at('04T00:00'), to: '2030-05-04T00:00:00+08:00' })).toEqual(['to']);
    expect(await field(availability, { from: 'yesterday', to: at('05T00:00') })).toContain('from');

    const post = async (startsAt: string, endsAt: string) => {
      const res = await t.http.post(`/api/equipment/${sem}/reservations`).set(sme.auth).send({ startsAt, endsAt });
      expect(res.status).toBe(400);
      return res.body.details.fields.map((f: { field: string }) => f.field);
    };
    expect(await post(at('05T09:10'), at('05T10:00'))).toEqual(['startsAt']);
    expect(await post(at('05T10:00'), at('05T09:00'))).toEqual(['endsAt']);
    expect(await post(at('01T09:00'), at('01T10:00'))).toEqual(['startsAt']); // the past
    expect(await post('soon', at('01T10:00'))).toContain('startsAt');

    const draft = await t.http.post('/api/platforms').set(otherOperator.auth).send(platformBody).expect(201);
    const hidden = await t.http
      .post(`/api/platforms/${draft.body.id}/equipment`)
      .set(otherOperator.auth)
      .send({ name: '未上架仪器', category: '其他', hourlyRateFen: 1000 })
      .expect(201);
    expect(
      (
        await t.http
          .get(`/api/equipment/${hidden.body.id}/availability`)
          .query({ from: at('04T00:00'), to: at('05T00:00') })
      ).status,
    ).toBe(404);
    expect((await reserve(sme, hidden.body.id, '04T09:00', '04T10:00')).status).toBe(404);
  });
});
