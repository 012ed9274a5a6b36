import {
  eventsAheadOfSync,
  groupByAggregate,
  INSERT_WAKE_GAP_MS,
  insertWakeDelay,
  nextTickDelay,
  retryDelayMs,
  wakesOnInsert,
} from './relay-policy';

describe('outbox relay policy', () => {
  it('backs off exponentially from 250 ms and never waits more than 5 s', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([250, 500, 1000, 2000, 4000]);
    expect(retryDelayMs(6)).toBe(5000);
    expect(retryDelayMs(50)).toBe(5000);
    expect(retryDelayMs(0)).toBe(250);
  });

  it('catches up without pause while batches are full and polls under a second when idle', () => {
    expect(nextTickDelay('full')).toBe(0);
    expect(nextTickDelay('idle')).toBeLessThan(1000);
    expect(nextTickDelay('failed')).toBeGreaterThan(nextTickDelay('idle'));
  });

  it('listening for inserts, polls only as a safety net; a locked or failed relay keeps its pace', () => {
    expect(nextTickDelay('idle', true)).toBeGreaterThan(nextTickDelay('idle'));
    expect(nextTickDelay('worked', true)).toBeGreaterThan(nextTickDelay('worked'));
    expect(nextTickDelay('idle', true)).toBeLessThanOrEqual(1000); // retries come due within a second
    expect(nextTickDelay('full', true)).toBe(0);
    expect(nextTickDelay('locked', true)).toBe(nextTickDelay('locked'));
    expect(nextTickDelay('failed', true)).toBe(nextTickDelay('failed'));
    expect(['full', 'worked', 'idle', 'locked', 'failed'].filter((o) => wakesOnInsert(o as never))).toEqual([
      'worked',
      'idle',
    ]);
  });

  it('collapses rows of one entity into one sync and keeps every row id', () => {
    const row = (id: string, aggregateType: string, aggregateId: string, attempts = 0) => ({
      id,
      aggregateType,
      aggregateId,
      eventType: `${aggregateType}.updated`,
      payload: {},
      attempts,
    });
    const groups = groupByAggregate([
      row('1', 'service', 's1'),
      row('2', 'platform', 'p1'),
      row('3', 'service', 's1', 2),
      row('4', 'service', 's2'),
      row('5', 'demand', 'd1'),
      row('6', 'quote', 'q1'),
    ]);
    expect(groups).toEqual([
      { type: 'service', id: 's1', rowIds: ['1', '3'] },
      { type: 'platform', id: 'p1', rowIds: ['2'] },
      { type: 'service', id: 's2', rowIds: ['4'] },
      { type: 'demand', id: 'd1', rowIds: ['5'] },
      { type: 'quote', id: 'q1', rowIds: ['6'] },
    ]);
  });

  it('lets events go ahead of the batch only past unapplied changes of their own type', () => {
    const row = (id: string, aggregateType: string, event: string | null) => ({ id, aggregateType, event });
    const notifies = (r: { event: string | null }) => r.event !== null;
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    // A burst of publishes, with a demand's search-only change among them: every event may be queued at once.
    const burst = [
      row('1', 'demand', 'demand.published'),
      row('2', 'demand', null),
      row('3', 'demand', 'demand.published'),
    ];
    expect(ids(eventsAheadOfSync(burst, notifies))).toEqual(['1', '3']);
    // A service changed before a demand was published: the demand's matches must see it, so it waits.
    const serviceFirst = [row('1', 'service', null), row('2', 'demand', 'demand.published')];
    expect(eventsAheadOfSync(serviceFirst, notifies)).toEqual([]);
    // A service's own event may go; the demand after it waits for the batch.
    const mixed = [row('1', 'service', 'service.published'), row('2', 'demand', 'demand.published')];
    expect(ids(eventsAheadOfSync(mixed, notifies))).toEqual(['1']);
    expect(eventsAheadOfSync([], notifies)).toEqual([]);
  });

  it('gathers a stream of inserts into batches: a wake-up waits out the gap since the last tick began', () => {
    expect(insertWakeDelay(0, INSERT_WAKE_GAP_MS.sync)).toBe(100);
    expect(insertWakeDelay(30, INSERT_WAKE_GAP_MS.sync)).toBe(70);
    expect(insertWakeDelay(250, INSERT_WAKE_GAP_MS.sync)).toBe(0); // a quiet relay answers the first insert at once
    expect(insertWakeDelay(5, INSERT_WAKE_GAP_MS.events)).toBe(15);
    // Events must stay well inside the 250 ms publish → inbox target, search inside its ~1 s freshness.
    expect(INSERT_WAKE_GAP_MS.events).toBeLessThanOrEqual(25);
    expect(INSERT_WAKE_GAP_MS.sync).toBeLessThanOrEqual(250);
  });
});
