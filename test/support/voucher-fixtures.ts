import { chinaDate } from '@pilotlink/core';
import {
  addMember,
  createPrivilegedOrg,
  RegisteredOrg,
  registerOrg,
  RegisterOptions,
  TestApp,
} from '@pilotlink/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { CatalogueApi } from './search-fixtures';

/** A small but real PDF: what a platform uploads as its delivery (acceptance) report. */
export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 0x20), Buffer.from('\n%%EOF\n')]);

/** What the voucher e2e files give createTestApp: deliveries need a place to store files. */
export function voucherTestEnv(): Record<string, string> {
  return { FILE_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'pilotlink-vouchers-')) };
}

/** Today in China (the calendar the API uses for voucher dates), YYYY-MM-DD. */
export function today(): string {
  return chinaDate(new Date());
}

export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A fresh Idempotency-Key. */
export const idemKey = (): string => `vk-${randomUUID()}`;

export const COFUNDERS_HALF = [
  { key: 'quanzhou', name: '泉州市科学技术局', shareBp: 5000 },
  { key: 'jinjiang', name: '晋江市科学技术局', shareBp: 5000 },
];

/**
 * A program body: REIMBURSE, 50 % of the order amount, vouchers up to ¥20,000, applications open
 * 2020–2099, vouchers valid 365 days, 泉州/晋江 1:1, ¥100,000 budget. Tests override what they test.
 */
export function programBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'PILOT_SERVICE',
    name: '2026 年晋江市中试服务券',
    year: 2026,
    rule: { kind: 'RATIO', ratioBp: 5000 },
    maxVoucherFen: 2_000_000,
    applyFrom: '2020-01-01',
    applyUntil: '2099-12-31',
    validityDays: 365,
    redemptionMode: 'REIMBURSE',
    cofunders: COFUNDERS_HALF,
    noticeDays: 7,
    budgetFen: 10_000_000,
    ...over,
  };
}

type Req = PromiseLike<Response>;

/** Setup steps must work: anything but the expected status fails loudly with the body. */
export async function expectStatus(request: Req, status: number): Promise<Response> {
  const res = await request;
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res;
}

export interface Footprint {
  holds: number;
  liveHolds: number;
  transactions: number;
  postings: number;
  claims: number;
  capUsage: string;
}

/**
 * The voucher world of one test file: a bureau running programs, listed platforms with priced
 * services, verified SMEs, and the HTTP steps of vouchers and orders.
 */
export class VoucherWorld {
  readonly catalogue: CatalogueApi;
  /** The bureau's owner: runs programs and approves (the maker). */
  bureau!: RegisteredOrg;
  /** A PAYER of the same bureau: records payments and batches (the checker, SPEC §6 maker-checker). */
  payer!: RegisteredOrg;

  constructor(readonly t: TestApp) {
    this.catalogue = new CatalogueApi(t);
  }

  async init(): Promise<this> {
    this.bureau = await createPrivilegedOrg(this.t, 'BUREAU', '350500');
    this.payer = await addMember(this.t.http, this.bureau, 'PAYER');
    return this;
  }

  get http() {
    return this.t.http;
  }

  /** An SME verified by the bureau (泉州 covers 晋江). */
  async verifiedSme(options: RegisterOptions = {}): Promise<RegisteredOrg> {
    const sme = await registerOrg(this.http, { regionCode: '350582', ...options });
    await expectStatus(this.http.post(`/api/orgs/${sme.orgId}/verify`).set(this.bureau.auth), 200);
    return sme;
  }

  /**
   * Changes a verified org's eligibility facts (techSme, legalRepresentative, shareholders) the only way
   * there is: the owner's PATCH files a correction request, and the bureau approves it.
   */
  async correctFacts(org: RegisteredOrg, facts: Record<string, unknown>, bureau = this.bureau): Promise<void> {
    const patched = await expectStatus(this.http.patch(`/api/orgs/${org.orgId}`).set(org.auth).send(facts), 200);
    const pending = patched.body.pendingCorrection;
    if (!pending) throw new Error(`no correction request filed: ${JSON.stringify(patched.body)}`);
    await expectStatus(this.http.post(`/api/org-corrections/${pending.id}/approve`).set(bureau.auth), 200);
  }

  /** A verified operator with a LISTED platform. */
  listedPlatform(name = '晋江市纺织面料中试服务平台'): Promise<{ operator: RegisteredOrg; platformId: string }> {
    return this.catalogue.listedPlatform({ name });
  }

  /** A published FIXED-price service (voucher-eligible SCALE_UP unless overridden). */
  fixedService(
    operator: RegisteredOrg,
    platformId: string,
    priceFen: number,
    over: Record<string, unknown> = {},
  ): Promise<string> {
    return this.catalogue.publishedService(operator, platformId, {
      title: '功能性面料中试打样',
      pricingKind: 'FIXED',
      priceFen,
      ...over,
    });
  }

  /** Creates and opens a program of this world's bureau; returns its id. */
  async openProgram(over: Record<string, unknown> = {}, bureau = this.bureau): Promise<string> {
    const created = await expectStatus(
      this.http.post('/api/voucher-programs').set(bureau.auth).send(programBody(over)),
      201,
    );
    await expectStatus(this.http.post(`/api/voucher-programs/${created.body.id}/open`).set(bureau.auth), 200);
    return created.body.id as string;
  }

  apply(sme: RegisteredOrg, programId: string, amountFen: number): Req {
    return this.http
      .post(`/api/voucher-programs/${programId}/applications`)
      .set(sme.auth)
      .send({ amountFen, purpose: '功能性面料中试放大及性能检测' });
  }

  approve(applicationId: string, body: Record<string, unknown> = {}, who = this.bureau, key?: string): Req {
    const req = this.http.post(`/api/voucher-applications/${applicationId}/approve`).set(who.auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  }

  /** Apply and approve: the voucher id. */
  async voucher(sme: RegisteredOrg, programId: string, amountFen: number, bureau = this.bureau): Promise<string> {
    const application = await expectStatus(this.apply(sme, programId, amountFen), 201);
    const approved = await expectStatus(this.approve(application.body.id, {}, bureau), 200);
    return approved.body.voucherId as string;
  }

  /** A direct order of a FIXED service (REQUESTED); returns the order body. */
  async order(
    sme: RegisteredOrg,
    serviceId: string,
  ): Promise<{ id: string; contractNumber: string; agreedAmountFen: number }> {
    return (await expectStatus(this.http.post('/api/orders').set(sme.auth).send({ serviceId, note: '样品 3 批' }), 201))
      .body;
  }

  act(who: RegisteredOrg, orderId: string, action: string, body: Record<string, unknown> = {}): Req {
    return this.http.post(`/api/orders/${orderId}/${action}`).set(who.auth).send(body);
  }

  pay(sme: RegisteredOrg, orderId: string, amountFen: number, reference = `转账-${randomUUID().slice(0, 8)}`): Req {
    return this.http
      .post(`/api/orders/${orderId}/payments`)
      .set(sme.auth)
      .send({ amountFen, paidOn: today(), method: 'BANK_TRANSFER', reference });
  }

  /** Through the order API: accept, contract by both, start, deliver a report, complete. Returns the report's id. */
  async complete(sme: RegisteredOrg, operator: RegisteredOrg, orderId: string): Promise<string> {
    await expectStatus(this.act(operator, orderId, 'accept'), 200);
    await expectStatus(this.act(sme, orderId, 'contract'), 200);
    await expectStatus(this.act(operator, orderId, 'contract'), 200);
    await expectStatus(this.act(operator, orderId, 'start'), 200);
    await expectStatus(
      this.http.post(`/api/orders/${orderId}/deliver`).set(operator.auth).attach('file', PDF, '中试验收报告.pdf'),
      200,
    );
    await expectStatus(this.act(sme, orderId, 'complete'), 200);
    const files = await expectStatus(this.http.get(`/api/orders/${orderId}/deliverables`).set(sme.auth), 200);
    return files.body.items[0].id as string;
  }

  hold(sme: RegisteredOrg, orderId: string, voucherId: string, key?: string): Req {
    const req = this.http.post(`/api/orders/${orderId}/voucher-hold`).set(sme.auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send({ voucherId });
  }

  fileClaim(who: RegisteredOrg, body: Record<string, unknown>, key?: string): Req {
    const req = this.http.post('/api/claims').set(who.auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  }

  /** The bureau records the payment of one approved claim (by its PAYER unless told). */
  payClaim(claimId: string, who = this.payer): Req {
    return this.http.post(`/api/claims/${claimId}/pay`).set(who.auth).send({});
  }

  /** A claim body that passes every check for an order paid in full. */
  claimBody(
    order: { id: string; contractNumber: string; agreedAmountFen: number },
    over: Record<string, unknown> = {},
  ) {
    return {
      orderId: order.id,
      contractNumber: order.contractNumber,
      invoiceNumber: '35002612345678',
      invoiceAmountFen: order.agreedAmountFen,
      paymentReference: '合同全款',
      ...over,
    };
  }

  async summary(programId: string, who = this.bureau): Promise<Record<string, unknown>> {
    return (await expectStatus(this.http.get(`/api/voucher-programs/${programId}/summary`).set(who.auth), 200)).body;
  }

  async wallet(sme: RegisteredOrg, voucherId: string): Promise<Record<string, unknown>> {
    return (await expectStatus(this.http.get(`/api/vouchers/${voucherId}`).set(sme.auth), 200)).body;
  }

  /** The balance of one ledger account of a program (voucher accounts by voucher id). */
  /** One voucher's account of a kind, or without a voucher the program's total of that kind. */
  async account(programId: string, kind: string, voucherId: string | null = null): Promise<number> {
    const rows: { balance_fen: string }[] = await this.t.db.query(
      `SELECT balance_fen FROM ledger_accounts WHERE program_id = $1 AND kind = $2 AND ($3::uuid IS NULL OR voucher_id = $3)`,
      [programId, kind, voucherId],
    );
    if (voucherId && rows.length !== 1) throw new Error(`expected one ${kind} account, found ${rows.length}`);
    return rows.reduce((sum, row) => sum + Number(row.balance_fen), 0);
  }

  /** Everything a refused request must leave untouched: holds of the order, the program's ledger, caps, claims. */
  async footprint(programId: string, orderId: string): Promise<Footprint> {
    const [row] = await this.t.db.query(
      `SELECT (SELECT count(*)::int FROM voucher_holds WHERE order_id = $2) AS holds,
              (SELECT count(*)::int FROM voucher_holds WHERE order_id = $2 AND status <> 'RELEASED') AS "liveHolds",
              (SELECT count(*)::int FROM ledger_transactions WHERE program_id = $1) AS transactions,
              (SELECT count(*)::int FROM ledger_postings p JOIN ledger_transactions x ON x.id = p.transaction_id
                WHERE x.program_id = $1) AS postings,
              (SELECT count(*)::int FROM voucher_claims WHERE order_id = $2) AS claims,
              (SELECT coalesce(string_agg(scope || ':' || subject_key || '=' || used_fen, ',' ORDER BY scope, subject_key), '')
                 FROM voucher_cap_usage WHERE program_id = $1) AS "capUsage"`,
      [programId, orderId],
    );
    return row as Footprint;
  }
}
