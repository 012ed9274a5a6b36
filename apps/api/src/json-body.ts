import type { FastifyInstance } from 'fastify';

/**
 * Deepest JSON nesting a request body may have. Our deepest DTO is three levels; validating a body
 * nested 3,000 levels deep overflowed the stack (500). Far above any real request, far below the stack.
 */
export const MAX_JSON_DEPTH = 32;

/** How deep `text`'s arrays and objects nest (brackets inside strings do not count); stops past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}

/**
 * The JSON body parser: fastify's own (prototype-poisoning protection included), after a linear scan
 * that refuses bodies nested deeper than MAX_JSON_DEPTH with 400 MALFORMED_REQUEST (PL_JSON_TOO_DEEP).
 */
export function useDepthLimitedJsonParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string, MAX_JSON_DEPTH)) {
      const error = Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), {
        code: 'PL_JSON_TOO_DEEP',
        statusCode: 400,
      });
      done(error, undefined);
      return;
    }
    parse(request, body as string, done);
  });
}
