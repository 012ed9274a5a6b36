import { groupByAggregate, nextTickDelay, retryDelayMs, syncTargets } from './relay-policy';

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

  it('collapses rows of one entity into one sync and keeps every row id', () => {
    const groups = groupByAggregate([
      { id: '1', aggregateType: 'service', aggregateId: 's1', attempts: 0 },
      { id: '2', aggregateType: 'platform', aggregateId: 'p1', attempts: 0 },
      { id: '3', aggregateType: 'service', aggregateId: 's1', attempts: 2 },
      { id: '4', aggregateType: 'service', aggregateId: 's2', attempts: 0 },
    ]);
    expect(groups).toEqual([
      { type: 'service', id: 's1', rowIds: ['1', '3'] },
      { type: 'platform', id: 'p1', rowIds: ['2'] },
      { type: 'service', id: 's2', rowIds: ['4'] },
    ]);
    expect(syncTargets(groups)).toEqual({ platformIds: ['p1'], serviceIds: ['s1', 's2'] });
  });
});
