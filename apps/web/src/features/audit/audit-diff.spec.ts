import { describe, expect, it } from '@jest/globals';
import { auditDiff } from './audit-diff';

describe('audit diff: before and after key by key', () => {
  it('marks changed keys; equal keys and keys one recorded side leaves out stay unmarked', () => {
    expect(
      auditDiff(
        { status: 'PENDING', name: '泉州', tags: ['a'], gone: 1 },
        { status: 'VERIFIED', name: '泉州', tags: ['a', 'b'], reason: '材料齐全' },
      ),
    ).toEqual([
      { key: 'status', before: 'PENDING', after: 'VERIFIED', changed: true },
      { key: 'name', before: '泉州', after: '泉州', changed: false },
      { key: 'tags', before: '["a"]', after: '["a","b"]', changed: true },
      { key: 'gone', before: '1', after: '—', changed: false },
      { key: 'reason', before: '—', after: '材料齐全', changed: false },
    ]);
  });

  it('treats a missing side as empty (a creation, a deletion)', () => {
    expect(auditDiff(null, { id: 'x' })).toEqual([{ key: 'id', before: '—', after: 'x', changed: true }]);
    expect(auditDiff({ id: 'x' }, null)).toEqual([{ key: 'id', before: 'x', after: '—', changed: true }]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});
