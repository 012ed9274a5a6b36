import { eventKey, orderActionOf, orderRecipients, quoteActionOf, quoteRecipientSide } from './event-keys';

describe('event keys', () => {
  const demandId = '0b7f5d6e-4c1a-4d2e-9a3b-1f2e3d4c5b6a';
  const quoteId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
  const serviceId = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';

  it('names each logical event by the ids of what happened', () => {
    expect(eventKey({ type: 'demand.published', demandId })).toBe(`demand.published.${demandId}`);
    expect(eventKey({ type: 'demand.invited', demandId, platformOrgId: 'org1' })).toBe(
      `demand.invited.${demandId}.org1`,
    );
    expect(eventKey({ type: 'quote', action: 'revision-requested', quoteId, revision: 2 })).toBe(
      `quote.revision-requested.${quoteId}.2`,
    );
    expect(eventKey({ type: 'service.fit', serviceId, demandId })).toBe(`service.fit.${serviceId}.${demandId}`);
    expect(eventKey({ type: 'service.fit.subscription', serviceId })).toBe(`service.fit.${serviceId}.subscription`);
  });

  it('is the same for a duplicate of the same event and differs between rounds of a negotiation', () => {
    const first = eventKey({ type: 'quote', action: 'revised', quoteId, revision: 2 });
    expect(eventKey({ type: 'quote', action: 'revised', quoteId, revision: 2 })).toBe(first);
    expect(eventKey({ type: 'quote', action: 'revised', quoteId, revision: 3 })).not.toBe(first);
    expect(eventKey({ type: 'quote', action: 'submitted', quoteId, revision: 2 })).not.toBe(first);
  });

  it('never contains ":" (BullMQ refuses it in job ids)', () => {
    expect(eventKey({ type: 'demand.published', demandId })).not.toContain(':');
  });

  it('keys each order change by its history line and tells the other party', () => {
    expect(eventKey({ type: 'order', action: 'start', orderId: 'o1', historyId: '42' })).toBe('order.start.o1.42');
    expect(orderActionOf('order.payment_recorded')).toBe('payment_recorded');
    expect(orderActionOf('order.')).toBeUndefined();
    expect(orderActionOf('quote.accepted')).toBeUndefined();
    const order = { smeOrgId: 'sme', platformOrgId: 'plat' };
    expect(orderRecipients(order, 'sme')).toEqual(['plat']);
    expect(orderRecipients(order, 'plat')).toEqual(['sme']);
    expect(orderRecipients(order, null)).toEqual(['sme', 'plat']);
  });

  it('reads quote actions and sends each to the other party', () => {
    expect(quoteActionOf('quote.revision-requested')).toBe('revision-requested');
    expect(quoteActionOf('quote.unknown')).toBeUndefined();
    expect(quoteActionOf('demand.published')).toBeUndefined();
    expect(['submitted', 'revised', 'withdrawn', 'expired'].map((a) => quoteRecipientSide(a as never))).toEqual([
      'SME',
      'SME',
      'SME',
      'SME',
    ]);
    expect(['revision-requested', 'accepted', 'declined'].map((a) => quoteRecipientSide(a as never))).toEqual([
      'PLATFORM',
      'PLATFORM',
      'PLATFORM',
    ]);
  });
});
