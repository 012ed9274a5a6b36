import { getDataSourceToken } from '@nestjs/typeorm';
import { withTransaction } from '@pilotlink/database';
import { AuthService, usccCheckCharacter } from '@pilotlink/identity';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

let serial = 0;

/** A fresh USCC with a valid check character, unique within the run. */
export function makeUscc(regionCode = '350582', category: '91' | '11' | '12' = '91'): string {
  serial += 1;
  const unique = `${process.pid % 1000}`.padStart(3, '0') + String(serial).padStart(6, '0');
  const body = `${category}${regionCode}${unique}`;
  return body + usccCheckCharacter(body);
}

export const TEST_PASSWORD = 'test-password-123';

export interface RegisteredOrg {
  orgId: string;
  userId: string;
  email: string;
  accessToken: string;
  refreshToken: string;
  auth: { Authorization: string };
}

export interface RegisterOptions {
  kind?: 'SME' | 'PLATFORM_OPERATOR' | 'INSTITUTE';
  regionCode?: string;
  name?: string;
}

export async function registerOrg(http: TestAgent, options: RegisterOptions = {}): Promise<RegisteredOrg> {
  serial += 1;
  const email = `user${serial}-${Date.now()}@example.cn`;
  const regionCode = options.regionCode ?? '350582';
  const res = await http.post('/api/auth/register').send({
    org: {
      kind: options.kind ?? 'SME',
      name: options.name ?? `测试企业${serial}有限公司`,
      uscc: makeUscc(regionCode),
      regionCode,
    },
    user: { email, password: TEST_PASSWORD, displayName: `用户${serial}` },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return session(res.body, email);
}

export async function login(http: TestAgent, email: string, password = TEST_PASSWORD): Promise<RegisteredOrg> {
  const res = await http.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return session(res.body, email);
}

function session(
  body: { accessToken: string; refreshToken: string; org: { id: string }; user: { id: string } },
  email: string,
): RegisteredOrg {
  return {
    orgId: body.org.id,
    userId: body.user.id,
    email,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    auth: { Authorization: `Bearer ${body.accessToken}` },
  };
}

/**
 * Bureaus and admins do not self-register; tests create them the way an admin would (through the
 * identity services, VERIFIED) and then sign in over HTTP like anyone else.
 */
export async function createPrivilegedOrg(
  t: TestApp,
  kind: 'BUREAU' | 'ADMIN',
  regionCode: string,
): Promise<RegisteredOrg> {
  const auth = t.app.get(AuthService);
  const dataSource = t.app.get<DataSource>(getDataSourceToken());
  serial += 1;
  const email = `${kind.toLowerCase()}${serial}-${Date.now()}@gov.example.cn`;
  await withTransaction(dataSource, async (manager) => {
    const org = await auth.insertOrg(
      manager,
      {
        kind,
        name: `${kind === 'BUREAU' ? '科学技术局' : '运营中心'}${serial}`,
        uscc: makeUscc(regionCode, '11'),
        regionCode,
      },
      { verificationStatus: 'VERIFIED', verifiedAt: new Date(), verifiedByOrgId: null },
    );
    await auth.insertUser(manager, org.id, { email, password: TEST_PASSWORD, displayName: `审核员${serial}` }, 'OWNER');
  });
  return login(t.http, email);
}

/**
 * The org's owner adds an account with a role over HTTP (e.g. a bureau's PAYER, who records payments under
 * maker-checker), which then signs in.
 */
export async function addMember(
  http: TestAgent,
  owner: RegisteredOrg,
  role: 'MEMBER' | 'REVIEWER' | 'PAYER' | 'OWNER',
): Promise<RegisteredOrg> {
  serial += 1;
  const email = `${role.toLowerCase()}${serial}-${Date.now()}@example.cn`;
  const res = await http
    .post(`/api/orgs/${owner.orgId}/members`)
    .set(owner.auth)
    .send({ email, password: TEST_PASSWORD, displayName: `成员${serial}`, role });
  if (res.status !== 201) throw new Error(`add member failed: ${res.status} ${JSON.stringify(res.body)}`);
  return login(http, email);
}
