import { demandTermProblems } from './demands.service';

describe('demand terms', () => {
  it('a challenge states reward and deadline; an open call has neither', () => {
    expect(demandTermProblems({ mode: 'CHALLENGE', rewardFen: 500_000_000, challengeDeadline: '2027-03-31' })).toEqual(
      [],
    );
    expect(demandTermProblems({ mode: 'OPEN' })).toEqual([]);
    expect(demandTermProblems({ mode: 'CHALLENGE' }).map((p) => p.field)).toEqual(['rewardFen', 'challengeDeadline']);
    expect(
      demandTermProblems({ mode: 'OPEN', rewardFen: 1, challengeDeadline: '2027-01-01' }).map((p) => p.field),
    ).toEqual(['rewardFen', 'challengeDeadline']);
  });

  it('the budget range is ordered', () => {
    expect(demandTermProblems({ mode: 'OPEN', budgetMinFen: 2, budgetMaxFen: 1 }).map((p) => p.field)).toEqual([
      'budgetMaxFen',
    ]);
    expect(demandTermProblems({ mode: 'OPEN', budgetMinFen: 1, budgetMaxFen: 1 })).toEqual([]);
  });
});
