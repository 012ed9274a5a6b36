import { DemandFacts, formatYuan, renderDemand, renderOrder, renderQuote, renderServiceFit } from './render';

const demand: DemandFacts = {
  id: 'd1',
  title: '石墨烯导热膜中试放大',
  description: '需要在卷对卷产线上验证 PET 基底石墨烯导热膜的连续涂布工艺，机密配方 X-17。',
  fieldCode: 'MATERIALS_GRAPHENE',
  stage: 'PILOT',
  categories: ['SCALE_UP'],
  budgetMinFen: '5000000',
  budgetMaxFen: '15000000',
  mode: 'OPEN',
  confidentiality: 'SUMMARY',
  rewardFen: null,
  challengeDeadline: null,
};

describe('rendering notifications per recipient', () => {
  it('gives a SUMMARY-view recipient the summary fields only, never the description or amounts', () => {
    const r = renderDemand('published', demand, 'SUMMARY', { matched: { rank: 2, score: 0.8 } });
    expect(r.title).toBe('新的中试需求：石墨烯导热膜中试放大');
    expect(r.body).toContain('领域：石墨烯');
    expect(r.body).toContain('阶段：中试');
    expect(r.body).toContain('服务类别：工艺放大熟化');
    expect(r.body).toContain('预算：5–20万元');
    expect(r.body).toContain('第 2 位');
    const everything = JSON.stringify(r);
    expect(everything).not.toContain('X-17');
    expect(everything).not.toContain('卷对卷');
    expect(everything).not.toContain('15000000');
    expect(r.data).toMatchObject({ demandId: 'd1', view: 'SUMMARY', budgetBand: '50K_200K' });
    expect(r.data).not.toHaveProperty('description');
  });

  it('gives a FULL-view recipient an excerpt of the description', () => {
    const r = renderDemand('invited', demand, 'FULL');
    expect(r.title).toBe('您被邀请参与中试需求：石墨烯导热膜中试放大');
    expect(r.body).toContain('机密配方 X-17');
    const long = renderDemand('published', { ...demand, description: '长'.repeat(500) }, 'FULL');
    expect(long.body).toContain(`${'长'.repeat(200)}…`);
    expect(long.body).not.toContain('长'.repeat(201));
  });

  it('names a challenge and a subscription reason', () => {
    const r = renderDemand('published', { ...demand, mode: 'CHALLENGE' }, 'FULL', { subscriptionIds: ['s1'] });
    expect(r.title).toBe('新的揭榜挂帅需求：石墨烯导热膜中试放大');
    expect(r.body).toContain('符合您的订阅条件');
    expect(r.data.subscriptionIds).toEqual(['s1']);
  });

  it('renders quote outcomes for the other party, a decline with its structured reason', () => {
    const quote = {
      id: 'q1',
      demandId: 'd1',
      platformId: 'p1',
      priceFen: '12000000',
      timelineDays: 45,
      revision: 2,
      revisionNote: null,
      declineReason: 'PRICE_TOO_HIGH' as const,
      declineComment: '预算有限',
    };
    const ctx = { demandTitle: demand.title, platformName: '晋江中试平台' };
    expect(renderQuote('submitted', quote, ctx)).toMatchObject({
      title: '晋江中试平台 对「石墨烯导热膜中试放大」提交了报价',
      body: '报价 12万元，周期 45 天',
    });
    const declined = renderQuote('declined', quote, ctx);
    expect(declined.body).toBe('原因：报价过高\n说明：预算有限');
    expect(declined.data).toMatchObject({ declineReason: 'PRICE_TOO_HIGH', declineComment: '预算有限', revision: 2 });
    expect(renderQuote('revised', quote, ctx).title).toContain('第 2 版');
  });

  it('renders a fitting service', () => {
    const service = {
      id: 's1',
      title: '导热膜性能检测',
      category: 'PERFORMANCE_TEST',
      platformId: 'p1',
      platformName: '平台',
    };
    expect(renderServiceFit(service, { id: 'd1', title: demand.title }).title).toBe(
      '新服务可能满足您的需求「石墨烯导热膜中试放大」：导热膜性能检测',
    );
    expect(renderServiceFit(service).data).toMatchObject({ serviceId: 's1', subscription: true });
  });

  it('formats fen as yuan', () => {
    expect(formatYuan('12000000')).toBe('12万元');
    expect(formatYuan(1_234_567)).toBe('12,345.67元');
    expect(formatYuan(50_000)).toBe('500元');
  });

  it('names the order by its contract number and says what the other party did', () => {
    const r = renderOrder(
      'deliver',
      { id: 'o1', contractNumber: 'PL-2026-000007', status: 'DELIVERED', agreedAmountFen: '5000000' },
      { platformName: '晋江中试平台' },
    );
    expect(r.title).toBe('订单 PL-2026-000007：平台已交付成果，请验收');
    expect(r.body).toContain('金额：5万元');
    expect(r.body).toContain('当前状态：已交付'); // a Chinese label, never the raw code
    expect(r.body).not.toMatch(/[A-Z]{4,}/);
    expect(r.data).toEqual({ orderId: 'o1', contractNumber: 'PL-2026-000007', action: 'deliver', status: 'DELIVERED' });
    expect(
      renderOrder(
        'something_new',
        { id: 'o1', contractNumber: 'X', status: 'ACCEPTED', agreedAmountFen: '1' },
        { platformName: 'p' },
      ).title,
    ).toBe('订单 X：订单有更新');
  });
});
