import { canonicalJson, requestHash } from './idempotency.interceptor';

describe('idempotency request hash', () => {
  it('does not depend on the order of JSON keys, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}',
    );
    expect(requestHash('POST', '/api/claims', { a: 1, b: 2 })).toBe(requestHash('POST', '/api/claims', { b: 2, a: 1 }));
  });

  it('differs for another body, path or method', () => {
    const base = requestHash('POST', '/api/claims', { amountFen: 100 });
    expect(requestHash('POST', '/api/claims', { amountFen: 101 })).not.toBe(base);
    expect(requestHash('POST', '/api/claims/x', { amountFen: 100 })).not.toBe(base);
    expect(requestHash('DELETE', '/api/claims', { amountFen: 100 })).not.toBe(base);
  });
});
