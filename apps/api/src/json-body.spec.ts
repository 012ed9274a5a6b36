import { jsonDepthExceeds } from './json-body';

describe('jsonDepthExceeds', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthExceeds('{"a":{"b":[1,2]}}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":{"b":[[1]]}}', 3)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ s: '[[[[{{{{' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ s: 'quote \\" [[[[' }), 1)).toBe(false);
    expect(jsonDepthExceeds(`${'['.repeat(3_000)}${']'.repeat(3_000)}`, 32)).toBe(true);
  });
});
