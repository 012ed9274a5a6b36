/**
 * `node -r ./scripts/lib/register-ts.js apps/worker/src/main.ts`: runs the TypeScript sources without a
 * build, compiled on require by @swc/core with the same settings as jest (jest.config.js) — legacy
 * decorators with their metadata, which NestJS's dependency injection reads (tsx/esbuild drops it) — and
 * the @pilotlink/* paths of tsconfig.json. The fault suite starts the worker as a real process this way
 * (CI has no dist/); `npm start` and the benches run the built dist/ instead.
 */
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const ALIAS = /^@pilotlink\/([a-z-]+)(\/.*)?$/;

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
  swcrc: false,
  configFile: false,
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = ALIAS.exec(request);
  if (alias) request = path.join(root, 'libs', alias[1], 'src', alias[2] ?? '');
  return resolveFilename.call(this, request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...options, filename });
  module._compile(code, filename);
};

process.setSourceMapsEnabled(true);
