import { canTransition } from '@pilotlink/core';
import { RESULT_IP_KIND_LABELS, RESULT_TRANSFER_MODE_LABELS, SEARCHABLE_RESULT_STATUSES } from '@pilotlink/search';
import {
  IP_KIND_LABELS,
  isLiveResult,
  LIVE_RESULT_STATUSES,
  RESULT_STATUSES,
  RESULT_TRANSITIONS,
  ResultStatus,
  TRANSFER_MODE_LABELS,
} from './result';

describe('research result state table', () => {
  const allowed = (from: ResultStatus) => RESULT_STATUSES.filter((to) => canTransition(RESULT_TRANSITIONS, from, to));

  it('DRAFT → PUBLISHED → IN_PILOT → TRANSFERRED | WITHDRAWN, and nothing else', () => {
    expect(allowed('DRAFT')).toEqual(['PUBLISHED', 'WITHDRAWN']);
    expect(allowed('PUBLISHED')).toEqual(['IN_PILOT', 'TRANSFERRED', 'WITHDRAWN']);
    expect(allowed('IN_PILOT')).toEqual(['TRANSFERRED', 'WITHDRAWN']);
    expect(allowed('TRANSFERRED')).toEqual([]);
    expect(allowed('WITHDRAWN')).toEqual([]);
  });

  it('never goes back to a draft or republishes', () => {
    for (const from of RESULT_STATUSES) {
      expect(canTransition(RESULT_TRANSITIONS, from, 'DRAFT')).toBe(false);
      if (from !== 'DRAFT') expect(canTransition(RESULT_TRANSITIONS, from, 'PUBLISHED')).toBe(false);
    }
  });

  it('only published, in-pilot and transferred results are shown to others', () => {
    expect(RESULT_STATUSES.filter(isLiveResult)).toEqual(['PUBLISHED', 'IN_PILOT', 'TRANSFERRED']);
  });
});

describe('what search mirrors of results (it cannot import @pilotlink/research)', () => {
  it('labels and searchable statuses agree', () => {
    expect(RESULT_TRANSFER_MODE_LABELS).toEqual(TRANSFER_MODE_LABELS);
    expect(RESULT_IP_KIND_LABELS).toEqual(IP_KIND_LABELS);
    expect([...SEARCHABLE_RESULT_STATUSES]).toEqual([...LIVE_RESULT_STATUSES]);
  });
});
