import { OutboxEventHandler, OutboxRelayHandlers, OutboxSyncHandler } from './outbox-relay-handlers.service';
import { PendingRow } from './relay-policy';

const row = (aggregateType: string, eventType: string): PendingRow => ({
  id: '1',
  aggregateType,
  aggregateId: 'a',
  eventType,
  payload: {},
  attempts: 0,
});

describe('outbox relay handlers', () => {
  it('relays the aggregate types some handler consumes, and routes each event to its publisher', () => {
    const handlers = new OutboxRelayHandlers();
    const sync = { aggregateTypes: ['service', 'platform'] } as unknown as OutboxSyncHandler;
    const events = {
      aggregateTypes: ['service', 'quote'],
      handles: (r: PendingRow) => r.eventType.startsWith('quote.') || r.eventType === 'service.published',
    } as unknown as OutboxEventHandler;
    handlers.registerSync(sync);
    handlers.registerEvents(events);

    expect(['platform', 'service', 'quote', 'invoice'].map((type) => handlers.relayed(type))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(handlers.eventHandlerOf(row('quote', 'quote.submitted'))).toBe(events);
    expect(handlers.eventHandlerOf(row('platform', 'platform.listed'))).toBeUndefined();
    expect(handlers.syncHandlers()).toEqual([sync]);
  });
});
