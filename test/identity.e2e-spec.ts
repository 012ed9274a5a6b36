import {
  addMember,
  createPrivilegedOrg,
  createTestApp,
  makeUscc,
  registerOrg,
  TestApp,
  TEST_PASSWORD,
} from '@pilotlink/testing';

describe('identity and access (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const countOrgs = async () => Number((await t.db.query('SELECT count(*) AS n FROM orgs'))[0].n);

  it('registers an SME and a platform operator, logs in and reads /me', async () => {
    const sme = await registerOrg(t.http, { kind: 'SME' });
    const platform = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', regionCode: '350100' });

    const login = await t.http.post('/api/auth/login').send({ email: sme.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.tokenType).toBe('Bearer');

    const me = await t.http.get('/api/me').set({ Authorization: `Bearer ${login.body.accessToken}` });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(sme.email);
    expect(me.body.user.role).toBe('OWNER');
    expect(me.body.org).toMatchObject({
      id: sme.orgId,
      kind: 'SME',
      verificationStatus: 'PENDING',
      regionName: '晋江市',
    });
    expect(me.body.user).not.toHaveProperty('passwordHash');

    const platformMe = await t.http.get('/api/me').set(platform.auth);
    expect(platformMe.body.org.kind).toBe('PLATFORM_OPERATOR');

    const stored = await t.db.query('SELECT password_hash FROM users WHERE email = $1', [sme.email]);
    expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses /me without a valid token', async () => {
    expect((await t.http.get('/api/me')).body.code).toBe('UNAUTHENTICATED');
    const forged = await t.http.get('/api/me').set({ Authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' });
    expect(forged.status).toBe(401);
  });

  it('registers a start-up team without a USCC, storing the leader ID only masked and hashed', async () => {
    const res = await t.http.post('/api/auth/register').send({
      org: {
        kind: 'SME',
        name: '石墨烯创业团队',
        isTeam: true,
        teamLeaderName: '李四',
        teamLeaderId: '11010519491231002X',
        regionCode: '350582',
      },
      user: { email: `team-${Date.now()}@example.cn`, password: TEST_PASSWORD, displayName: '李四' },
    });
    expect(res.status).toBe(201);
    expect(res.body.org).toMatchObject({ isTeam: true, uscc: null, teamLeaderIdMasked: '110105********002X' });
    const row = await t.db.query('SELECT team_leader_id_hash FROM orgs WHERE id = $1', [res.body.org.id]);
    expect(row[0].team_leader_id_hash).toHaveLength(64);
    expect(JSON.stringify(res.body)).not.toContain('11010519491231002X');
  });

  it('an unverified org cannot do verified-only actions until a bureau verifies it', async () => {
    const sme = await registerOrg(t.http);
    const member = { email: `m-${Date.now()}@example.cn`, password: TEST_PASSWORD, displayName: '成员' };
    const refused = await t.http.post(`/api/orgs/${sme.orgId}/members`).set(sme.auth).send(member);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ORG_NOT_VERIFIED');
    expect(Number((await t.db.query('SELECT count(*) AS n FROM users WHERE org_id = $1', [sme.orgId]))[0].n)).toBe(1);

    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    expect((await t.http.post(`/api/orgs/${sme.orgId}/verify`).set(bureau.auth)).status).toBe(200);

    const added = await t.http.post(`/api/orgs/${sme.orgId}/members`).set(sme.auth).send(member);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ role: 'MEMBER', orgId: sme.orgId });
    const members = await t.http.get(`/api/orgs/${sme.orgId}/members`).set(sme.auth);
    expect(members.body.total).toBe(2);

    // A MEMBER is not the owner: cannot add accounts or edit the org.
    const memberLogin = await t.http.post('/api/auth/login').send({ email: member.email, password: TEST_PASSWORD });
    const memberAuth = { Authorization: `Bearer ${memberLogin.body.accessToken}` };
    const byMember = await t.http.patch(`/api/orgs/${sme.orgId}`).set(memberAuth).send({ address: '晋江市某路 1 号' });
    expect(byMember.status).toBe(403);
  });

  it('a bureau verifies in its jurisdiction and gets 404 outside it; every decision is audited', async () => {
    const quanzhou = await createPrivilegedOrg(t, 'BUREAU', '350500');
    const jinjiangSme = await registerOrg(t.http, { regionCode: '350582' });
    const fuzhouSme = await registerOrg(t.http, { regionCode: '350100' });

    const outside = await t.http.post(`/api/orgs/${fuzhouSme.orgId}/verify`).set(quanzhou.auth);
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('NOT_FOUND');
    expect((await t.http.get(`/api/orgs/${fuzhouSme.orgId}`).set(quanzhou.auth)).status).toBe(404);
    const fuzhouRow = await t.db.query('SELECT verification_status FROM orgs WHERE id = $1', [fuzhouSme.orgId]);
    expect(fuzhouRow[0].verification_status).toBe('PENDING');

    const inside = await t.http.post(`/api/orgs/${jinjiangSme.orgId}/verify`).set(quanzhou.auth);
    expect(inside.status).toBe(200);
    expect(inside.body.verificationStatus).toBe('VERIFIED');

    const again = await t.http.post(`/api/orgs/${jinjiangSme.orgId}/verify`).set(quanzhou.auth);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'VERIFIED' } });

    const audit = await t.db.query(
      `SELECT action, actor_org_id, before->>'verificationStatus' AS was, after->>'verificationStatus' AS now
         FROM audit_events WHERE entity_id = $1 ORDER BY seq`,
      [jinjiangSme.orgId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['org.registered', 'org.verified']);
    expect(audit[1]).toMatchObject({ actor_org_id: quanzhou.orgId, was: 'PENDING', now: 'VERIFIED' });

    // The bureau's review queue lists Jinjiang's org but never Fuzhou's.
    const queue = await t.http.get('/api/orgs?verificationStatus=VERIFIED&kind=SME').set(quanzhou.auth);
    const ids = queue.body.items.map((o: { id: string }) => o.id);
    expect(ids).toContain(jinjiangSme.orgId);
    expect(ids).not.toContain(fuzhouSme.orgId);
  });

  it('a bureau rejects with a reason; the org corrects its data and is back in review', async () => {
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350582');
    const sme = await registerOrg(t.http);
    const noReason = await t.http.post(`/api/orgs/${sme.orgId}/reject`).set(bureau.auth).send({});
    expect(noReason.status).toBe(400);
    const rejected = await t.http
      .post(`/api/orgs/${sme.orgId}/reject`)
      .set(bureau.auth)
      .send({ reason: '营业执照信息不一致' });
    expect(rejected.body).toMatchObject({ verificationStatus: 'REJECTED', rejectionReason: '营业执照信息不一致' });

    const fixed = await t.http.patch(`/api/orgs/${sme.orgId}`).set(sme.auth).send({ name: '更正后的企业名称有限公司' });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ verificationStatus: 'PENDING', rejectionReason: null });
  });

  it('identity fields lock once verified', async () => {
    const admin = await createPrivilegedOrg(t, 'ADMIN', '350500');
    const sme = await registerOrg(t.http, { regionCode: '440100' });
    await t.http.post(`/api/orgs/${sme.orgId}/verify`).set(admin.auth).expect(200);
    const locked = await t.http.patch(`/api/orgs/${sme.orgId}`).set(sme.auth).send({ regionCode: '350582' });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('ORG_IDENTITY_LOCKED');
    const profile = await t.http.patch(`/api/orgs/${sme.orgId}`).set(sme.auth).send({ techSme: true, size: 'SMALL' });
    // techSme decides eligibility: once verified, a change waits for a bureau (org-corrections e2e)
    expect(profile.body).toMatchObject({
      techSme: false,
      size: 'SMALL',
      regionCode: '440100',
      pendingCorrection: { status: 'PENDING', requested: { techSme: true } },
    });
  });

  it("SME A cannot read SME B's org or members, nor verify itself", async () => {
    const a = await registerOrg(t.http);
    const b = await registerOrg(t.http);
    for (const path of [`/api/orgs/${b.orgId}`, `/api/orgs/${b.orgId}/members`]) {
      const res = await t.http.get(path).set(a.auth);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: expect.any(String),
        details: expect.any(Object),
        requestId: expect.any(String),
      });
      expect(JSON.stringify(res.body)).not.toContain(b.email);
    }
    expect((await t.http.patch(`/api/orgs/${b.orgId}`).set(a.auth).send({ address: 'x 路 1 号' })).status).toBe(404);
    expect((await t.http.get(`/api/orgs/${a.orgId}`).set(a.auth)).status).toBe(200);
    expect((await t.http.post(`/api/orgs/${a.orgId}/verify`).set(a.auth)).status).toBe(403);
    expect((await t.http.get('/api/orgs/not-a-uuid').set(a.auth)).status).toBe(404);
  });

  it('the owner removes a member: the account can no longer sign in; never oneself; another org gets 404', async () => {
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    const operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    await t.http.post(`/api/orgs/${operator.orgId}/verify`).set(bureau.auth).expect(200);
    const member = await addMember(t.http, operator, 'MEMBER');
    const other = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    const path = `/api/orgs/${operator.orgId}/members/${member.userId}`;

    expect((await t.http.delete(path).set(other.auth)).status).toBe(404);
    expect((await t.http.delete(path).set(member.auth)).status).toBe(403);
    const self = await t.http.delete(`/api/orgs/${operator.orgId}/members/${operator.userId}`).set(operator.auth);
    expect(self.status).toBe(409);

    expect((await t.http.delete(path).set(operator.auth)).status).toBe(204);
    const members = await t.http.get(`/api/orgs/${operator.orgId}/members`).set(operator.auth);
    expect(members.body.items.map((u: { id: string }) => u.id)).toEqual([operator.userId]);
    expect((await t.http.post('/api/auth/login').send({ email: member.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: member.refreshToken })).status).toBe(401);
    expect((await t.http.delete(path).set(operator.auth)).status).toBe(404);
    const [audit] = await t.db.query(
      `SELECT action, after FROM audit_events WHERE entity_id = $1 AND action = 'org.member_removed'`,
      [member.userId],
    );
    expect(audit.after).toMatchObject({ isActive: false });
  });

  it('only an admin creates bureaus; the new bureau can sign in verified', async () => {
    const admin = await createPrivilegedOrg(t, 'ADMIN', '350500');
    const sme = await registerOrg(t.http);
    const body = {
      kind: 'BUREAU',
      name: '嘉兴市经济和信息化局',
      uscc: makeUscc('330400', '11'),
      regionCode: '330400',
      owner: { email: `jx-${Date.now()}@gov.example.cn`, password: TEST_PASSWORD, displayName: '审核员' },
    };
    expect((await t.http.post('/api/orgs').set(sme.auth).send(body)).status).toBe(403);
    const created = await t.http.post('/api/orgs').set(admin.auth).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'BUREAU', verificationStatus: 'VERIFIED', regionName: '嘉兴市' });
    const login = await t.http.post('/api/auth/login').send({ email: body.owner.email, password: TEST_PASSWORD });
    expect(login.body.org.kind).toBe('BUREAU');
  });

  describe('bad input answers 400 naming the field and writes nothing', () => {
    const validBody = () => ({
      org: { kind: 'SME', name: '输入校验测试有限公司', uscc: makeUscc(), regionCode: '350582' },
      user: { email: `v-${Date.now()}@example.cn`, password: TEST_PASSWORD, displayName: '校验' },
    });

    it.each([
      [
        'unknown field',
        (b: ReturnType<typeof validBody>) => ({ ...b, org: { ...b.org, isAdmin: true } }),
        'org.isAdmin',
      ],
      ['wrong type', (b: ReturnType<typeof validBody>) => ({ ...b, org: { ...b.org, techSme: 'yes' } }), 'org.techSme'],
      [
        'bad USCC check character',
        (b: ReturnType<typeof validBody>) => ({
          ...b,
          org: { ...b.org, uscc: b.org.uscc.slice(0, 17) + (b.org.uscc[17] === '0' ? '1' : '0') },
        }),
        'org.uscc',
      ],
      [
        'bad region code',
        (b: ReturnType<typeof validBody>) => ({ ...b, org: { ...b.org, regionCode: '35058' } }),
        'org.regionCode',
      ],
      [
        'self-registering as a bureau',
        (b: ReturnType<typeof validBody>) => ({ ...b, org: { ...b.org, kind: 'BUREAU' } }),
        'org.kind',
      ],
      [
        'short password',
        (b: ReturnType<typeof validBody>) => ({ ...b, user: { ...b.user, password: 'short' } }),
        'user.password',
      ],
      ['missing user', (b: ReturnType<typeof validBody>) => ({ org: b.org }), 'user'],
    ])('%s', async (_name, mutate, field) => {
      const before = await countOrgs();
      const res = await t.http.post('/api/auth/register').send(mutate(validBody()));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await countOrgs()).toBe(before);
    });

    it('a duplicate USCC or email is a 409 and the first org stays alone', async () => {
      const body = validBody();
      expect((await t.http.post('/api/auth/register').send(body)).status).toBe(201);
      const before = await countOrgs();
      const sameUscc = await t.http
        .post('/api/auth/register')
        .send({ ...body, user: { ...body.user, email: `other-${Date.now()}@example.cn` } });
      expect(sameUscc.body).toMatchObject({ statusCode: 409, code: 'USCC_TAKEN' });
      const sameEmail = await t.http
        .post('/api/auth/register')
        .send({ ...body, org: { ...body.org, uscc: makeUscc() } });
      expect(sameEmail.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN' });
      expect(await countOrgs()).toBe(before);
    });
  });
});
