import { simplifyFields, toSimplified } from './chinese-text';

describe('Traditional → Simplified', () => {
  it('converts Traditional text, including Hong Kong variant characters', () => {
    expect(toSimplified('電機驅動器檢驗檢測')).toBe('电机驱动器检验检测');
    expect(toSimplified('中試驗證平臺')).toBe('中试验证平台');
    expect(toSimplified('衞生')).toBe('卫生');
  });

  it('leaves Simplified text, Latin text and empty strings alone', () => {
    expect(toSimplified('锂电池正极材料中试验证')).toBe('锂电池正极材料中试验证');
    expect(toSimplified('ISO 17025 CNAS L1234')).toBe('ISO 17025 CNAS L1234');
    expect(toSimplified('')).toBe('');
  });

  it('converts the named fields in place and keeps originals only of the fields that changed', () => {
    const doc = { title: '電池檢測', description: '电池检测', tags: ['檢驗', '中试'], unit: null as string | null };
    const original = simplifyFields(doc, ['title', 'description', 'tags', 'unit']);
    expect(doc).toEqual({ title: '电池检测', description: '电池检测', tags: ['检验', '中试'], unit: null });
    expect(original).toEqual({ title: '電池檢測', tags: ['檢驗', '中试'] });
  });

  it('returns no originals when nothing was Traditional', () => {
    expect(simplifyFields({ title: '中试' }, ['title'])).toBeUndefined();
  });
});
