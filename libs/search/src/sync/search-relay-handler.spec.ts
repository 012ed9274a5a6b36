import { groupByAggregate } from '@pilotlink/queue';
import { syncTargets } from './search-relay-handler.service';

describe("search's outbox relay handler", () => {
  it('syncs each searchable entity of a batch once', () => {
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
    // Quotes are not searchable: they reach no index, only the notifications queue.
    expect(syncTargets(groups)).toEqual({
      platformIds: ['p1'],
      serviceIds: ['s1', 's2'],
      demandIds: ['d1'],
      resultIds: [],
      policyIds: [],
    });
  });
});
