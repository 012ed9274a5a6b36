import { describe, expect, it } from '@jest/globals';
import { LinkedNotification, notificationLink } from './link';

const ORDER = 'a1b2c3d4-0000-4000-8000-000000000001';
const DEMAND = 'a1b2c3d4-0000-4000-8000-000000000002';
const QUOTE = 'a1b2c3d4-0000-4000-8000-000000000003';
const SERVICE = 'a1b2c3d4-0000-4000-8000-000000000004';
const CLAIM = 'a1b2c3d4-0000-4000-8000-000000000005';

const n = (over: Partial<LinkedNotification>): LinkedNotification => ({
  eventType: 'order.accept',
  subjectType: 'order',
  subjectId: ORDER,
  data: {},
  ...over,
});

describe('notificationLink: the page of what a notification is about', () => {
  it('an order event leads both parties to the order', () => {
    const accepted = n({ data: { orderId: ORDER, action: 'accept' } });
    expect(notificationLink(accepted, 'SME')).toBe(`/orders/${ORDER}`);
    expect(notificationLink(n({ eventType: 'order.requested' }), 'PLATFORM_OPERATOR')).toBe(`/orders/${ORDER}`);
  });

  it('a demand leads the SME to its demand page and a platform to the demand in its hall', () => {
    const published = n({ eventType: 'demand.published', subjectType: 'demand', subjectId: DEMAND });
    expect(notificationLink(published, 'SME')).toBe(`/sme/demands/${DEMAND}`);
    const invited = n({ eventType: 'demand.invited', subjectType: 'demand', subjectId: DEMAND });
    expect(notificationLink(invited, 'PLATFORM_OPERATOR')).toBe(`/platform?demand=${DEMAND}`);
  });

  it('a quote leads to its demand: the SME compares quotes there, the platform sees the demand', () => {
    const quote = (eventType: string) =>
      n({ eventType, subjectType: 'quote', subjectId: QUOTE, data: { quoteId: QUOTE, demandId: DEMAND } });
    expect(notificationLink(quote('quote.submitted'), 'SME')).toBe(`/sme/demands/${DEMAND}`);
    expect(notificationLink(quote('quote.revised'), 'SME')).toBe(`/sme/demands/${DEMAND}`);
    expect(notificationLink(quote('quote.declined'), 'PLATFORM_OPERATOR')).toBe(`/platform?demand=${DEMAND}`);
    expect(notificationLink(quote('quote.revision-requested'), 'PLATFORM_OPERATOR')).toBe(`/platform?demand=${DEMAND}`);
  });

  it('a fitting service leads to the service page', () => {
    const fit = n({
      eventType: 'service.published',
      subjectType: 'service',
      subjectId: SERVICE,
      data: { demandId: DEMAND },
    });
    expect(notificationLink(fit, 'SME')).toBe(`/services/${SERVICE}`);
  });

  it('a claim leads its parties to the order and the bureau to its claims tab', () => {
    const claim = (eventType: string, data: Record<string, unknown>) =>
      n({ eventType, subjectType: 'voucher', subjectId: CLAIM, data: { eventType, ...data } });
    expect(notificationLink(claim('voucher.claim.approved', { orderId: ORDER }), 'SME')).toBe(`/orders/${ORDER}`);
    expect(notificationLink(claim('voucher.hold.placed', { orderId: ORDER }), 'PLATFORM_OPERATOR')).toBe(
      `/orders/${ORDER}`,
    );
    expect(notificationLink(claim('voucher.claim.filed', { orderId: ORDER }), 'BUREAU')).toBe('/bureau?tab=claims');
    expect(notificationLink(claim('voucher.claim.objected', { objectionId: 'x' }), 'ADMIN')).toBe('/bureau?tab=claims');
    // Paid in a batch: the event carries no order, so the payee lands on its home with its orders.
    expect(notificationLink(claim('voucher.claim.paid', { batchId: 'b' }), 'PLATFORM_OPERATOR')).toBe('/platform');
  });

  it('a voucher application leads the bureau to its applications tab and the SME to its wallet', () => {
    const app = (eventType: string) => n({ eventType, subjectType: 'voucher', data: { programId: 'p' } });
    expect(notificationLink(app('voucher.application.submitted'), 'BUREAU')).toBe('/bureau?tab=applications');
    expect(notificationLink(app('voucher.application.approved'), 'SME')).toBe('/sme');
    expect(notificationLink(n({ eventType: 'voucher.expired', subjectType: 'voucher', data: {} }), 'SME')).toBe('/sme');
  });

  it('a research digest leads to its one result, or to the results page when it lists several', () => {
    const digest = (results: unknown[]) =>
      n({ eventType: 'research.digest', subjectType: 'digest', subjectId: 'org', data: { results } });
    expect(notificationLink(digest([{ link: '/results/r1' }]), 'SME')).toBe('/results/r1');
    expect(notificationLink(digest([{ link: '/results/r1' }, { link: '/results/r2' }]), 'PLATFORM_OPERATOR')).toBe(
      '/results',
    );
  });

  it('a digest of new demands only leads the platform to its demand hall', () => {
    const digest = n({
      eventType: 'research.digest',
      subjectType: 'digest',
      subjectId: 'org',
      data: { demands: [{}] },
    });
    expect(notificationLink(digest, 'PLATFORM_OPERATOR')).toBe('/platform');
  });

  it('results, policy notices, programs and platforms lead to their pages', () => {
    const other = (eventType: string, data: Record<string, unknown>) =>
      n({ eventType, subjectType: 'voucher', subjectId: 'x', data });
    expect(notificationLink(other('result.matched', { resultId: 'r9' }), 'INSTITUTE')).toBe('/results/r9');
    expect(notificationLink(other('policy.published', { policyNoticeId: 'n1' }), 'SME')).toBe('/policies/n1');
    expect(notificationLink(other('platform.listed', { platformId: 'pf' }), 'PLATFORM_OPERATOR')).toBe('/platforms/pf');
    expect(notificationLink(other('program.opened', { programId: 'p1' }), 'BUREAU')).toBe('/bureau?tab=programs');
  });

  it('leads nowhere without a signed-in role to read it', () => {
    expect(
      notificationLink(n({ eventType: 'voucher.expired', subjectType: 'voucher', data: {} }), undefined),
    ).toBeUndefined();
  });
});
