import { canTransition } from '@pilotlink/core';
import {
  ACTIVE_RESERVATION_STATUSES,
  RESERVATION_STATUSES,
  RESERVATION_TRANSITIONS,
  ReservationStatus,
} from './reservation';

describe('reservation transition table', () => {
  it('confirmed → checked in → completed; cancelled or no-show only before use', () => {
    const moves = RESERVATION_STATUSES.flatMap((from) =>
      RESERVATION_STATUSES.filter((to) => canTransition(RESERVATION_TRANSITIONS, from, to)).map(
        (to) => `${from}→${to}`,
      ),
    );
    expect(moves.sort()).toEqual(
      ['CHECKED_IN→COMPLETED', 'CONFIRMED→CANCELLED', 'CONFIRMED→CHECKED_IN', 'CONFIRMED→NO_SHOW'].sort(),
    );
  });

  it('every state reachable from an active one is either active or ends the hold on the time', () => {
    const terminal: ReservationStatus[] = ['CANCELLED', 'NO_SHOW'];
    for (const state of RESERVATION_STATUSES) {
      expect(ACTIVE_RESERVATION_STATUSES.includes(state) || terminal.includes(state)).toBe(true);
    }
    for (const state of terminal) expect(RESERVATION_TRANSITIONS[state]).toEqual([]);
  });
});
