import { FitTarget, SubscriptionCriteria, subscriptionFits } from './subscription-fit';

const none: SubscriptionCriteria = { fieldCodes: [], categories: [], keywords: [], regionCodes: [] };
const target: FitTarget = {
  fieldCodes: ['MATERIALS_GRAPHENE'],
  categories: ['SCALE_UP', 'PERFORMANCE_TEST'],
  text: '石墨烯导热膜 中试放大 PET substrate',
  regionCode: '350582',
};

describe('subscriptionFits', () => {
  it('matches fields including their parents', () => {
    expect(subscriptionFits({ ...none, fieldCodes: ['MATERIALS_GRAPHENE'] }, target)).toBe(true);
    expect(subscriptionFits({ ...none, fieldCodes: ['MATERIALS'] }, target)).toBe(true);
    expect(subscriptionFits({ ...none, fieldCodes: ['ENERGY', 'MATERIALS_CERAMICS'] }, target)).toBe(false);
  });

  it('matches one shared category', () => {
    expect(subscriptionFits({ ...none, categories: ['SCALE_UP'] }, target)).toBe(true);
    expect(subscriptionFits({ ...none, categories: ['SIMULATION'] }, target)).toBe(false);
    expect(subscriptionFits({ ...none, categories: ['SIMULATION'] }, { ...target, categories: [] })).toBe(false);
  });

  it('matches a keyword in the visible text, ignoring case and full width', () => {
    expect(subscriptionFits({ ...none, keywords: ['导热膜'] }, target)).toBe(true);
    expect(subscriptionFits({ ...none, keywords: ['ＰＥＴ'] }, target)).toBe(true);
    expect(subscriptionFits({ ...none, keywords: ['锂电', 'substrate'] }, target)).toBe(true);
    expect(subscriptionFits({ ...none, keywords: ['锂电'] }, target)).toBe(false);
    // Hidden text is simply not part of the target: the caller passes only what the subscriber sees.
    expect(subscriptionFits({ ...none, keywords: ['导热膜'] }, { ...target, text: '' })).toBe(false);
  });

  it('matches a region by jurisdiction prefix', () => {
    expect(subscriptionFits({ ...none, regionCodes: ['350582'] }, target)).toBe(true);
    expect(subscriptionFits({ ...none, regionCodes: ['350500'] }, target)).toBe(true);
    expect(subscriptionFits({ ...none, regionCodes: ['350000'] }, target)).toBe(true);
    expect(subscriptionFits({ ...none, regionCodes: ['350100', '440000'] }, target)).toBe(false);
    expect(subscriptionFits({ ...none, regionCodes: ['350500'] }, { ...target, regionCode: null })).toBe(false);
  });

  it('needs every non-empty criterion to match', () => {
    const all = { fieldCodes: ['MATERIALS'], categories: ['SCALE_UP'], keywords: ['石墨烯'], regionCodes: ['350500'] };
    expect(subscriptionFits(all, target)).toBe(true);
    expect(subscriptionFits({ ...all, regionCodes: ['440100'] }, target)).toBe(false);
    expect(subscriptionFits({ ...all, keywords: ['陶瓷'] }, target)).toBe(false);
  });
});
