import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'demand.published', demandId: 'd1' });

  it('verifies its own signature within the tolerance', () => {
    const header = signWebhook('s3cret', body, 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret', body, header, 1_800_000_100)).toBe(true);
  });

  it('refuses a changed body, a wrong secret, a stale timestamp and garbage', () => {
    const header = signWebhook('s3cret', body, 1_800_000_000);
    expect(verifyWebhook('s3cret', body.replace('d1', 'd2'), header, 1_800_000_000)).toBe(false);
    expect(verifyWebhook('other', body, header, 1_800_000_000)).toBe(false);
    expect(verifyWebhook('s3cret', body, header, 1_800_000_301)).toBe(false);
    expect(verifyWebhook('s3cret', body, 'v1=abc', 1_800_000_000)).toBe(false);
  });
});
