import type { WrittenNotification } from '../inbox/inbox.service';
import { foundBefore, webhookTargets } from './webhook-targets';

describe('webhookTargets', () => {
  const rows: WrittenNotification[] = [
    { id: 'n1', recipientOrgId: 'with-hook', created: true },
    { id: 'n2', recipientOrgId: 'no-hook', created: true },
    { id: 'n3', recipientOrgId: 'with-hook-2', created: false },
    { id: 'n4', recipientOrgId: 'with-hook-3', created: false },
  ];
  const hooks = new Set(['with-hook', 'with-hook-2', 'with-hook-3']);

  it('queues only for orgs with an enabled endpoint', () => {
    expect(webhookTargets(rows, new Set(['with-hook']), new Set()).map((r) => r.id)).toEqual(['n1']);
    expect(webhookTargets(rows, new Set(), new Set())).toEqual([]);
  });

  it('a row found from an earlier run is queued again unless its webhook was delivered', () => {
    expect(webhookTargets(rows, hooks, new Set(['n3'])).map((r) => r.id)).toEqual(['n1', 'n4']);
  });

  it('a row just created is queued whatever the log says (it cannot have been delivered)', () => {
    expect(webhookTargets(rows, hooks, new Set(['n1'])).map((r) => r.id)).toContain('n1');
  });

  it('asks the delivery log only about found rows of orgs with an endpoint', () => {
    expect(foundBefore(rows, hooks)).toEqual(['n3', 'n4']);
    expect(foundBefore(rows, new Set(['with-hook']))).toEqual([]);
  });
});
