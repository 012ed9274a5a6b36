import { syncTargets } from './search-relay-handler.service';

describe("search's outbox relay handler", () => {
  it('syncs each searchable entity of a batch once', () => {
    // One group per entity, as the relay's groupByAggregate makes them (its own spec covers the grouping).
    const group = (type: string, id: string) => ({ type, id, rowIds: [`${type}-${id}`] });
    const groups = [
      group('service', 's1'),
      group('platform', 'p1'),
      group('service', 's2'),
      group('demand', 'd1'),
      group('quote', 'q1'),
    ];
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
