import { ReindexProgress, ReindexProgressTracker } from './reindex-progress';

describe('reindex progress', () => {
  const entries = [
    { kind: 'services' as const, index: 't_services', total: 60 },
    { kind: 'platforms' as const, index: 't_platforms', total: 0 },
    { kind: 'demands' as const, index: 't_demands', total: 39 },
  ];

  it('counts documents done over all documents, an empty index as one unit, and reports each step', async () => {
    const heard: ReindexProgress[] = [];
    const tracker = new ReindexProgressTracker(entries, (p) => heard.push(p));
    expect(tracker.snapshot()).toMatchObject({ percent: 0, current: null });

    await tracker.update('services', { state: 'FILLING', done: 30 });
    expect(heard.at(-1)).toMatchObject({ percent: 30, current: 'services' });
    await tracker.update('services', { state: 'DONE', done: 60 });
    await tracker.update('platforms', { state: 'DONE' });
    expect(heard.at(-1)!.percent).toBe(61);
    expect(heard.at(-1)!.indexes.map((i) => i.state)).toEqual(['DONE', 'DONE', 'PENDING']);
  });

  it('stays below 100 until every index is swapped in, then reaches exactly 100', async () => {
    const tracker = new ReindexProgressTracker(entries);
    await tracker.update('services', { state: 'DONE', done: 60 });
    await tracker.update('platforms', { state: 'DONE' });
    await tracker.update('demands', { state: 'SWAPPING', done: 39 });
    expect(tracker.snapshot()).toMatchObject({ percent: 99, current: 'demands' });
    await tracker.update('demands', { state: 'DONE' });
    expect(tracker.snapshot()).toMatchObject({ percent: 100, current: null });
  });

  it('raises a total when more documents were written than counted at the start', async () => {
    const tracker = new ReindexProgressTracker(entries);
    await tracker.update('demands', { state: 'FILLING', done: 45 });
    expect(tracker.snapshot().indexes[2]).toMatchObject({ total: 45, done: 45 });
  });
});
