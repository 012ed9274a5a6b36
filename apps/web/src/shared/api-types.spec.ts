import { describe, expect, it } from '@jest/globals';
import { relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The portal takes every response type from the API's OpenAPI document: each `api<T>(…)` call's `T`, once
 * the type checker resolves it (through `Schema<'…Dto'>`, aliases, arrays, unions with null), must be a
 * schema declared in openapi.d.ts — not an interface or a type literal written in the portal. A response
 * shape hand-written anywhere under apps/web/src and handed to `api<…>` fails here, with its file and line.
 * And where the call's path is literal (`/orders/${id}` reads as /orders/{id}) and its method too, the
 * route's documented 2xx answer (`paths[…][method].responses`) must fit `T`: naming the wrong schema fails.
 * (`listItems<K>` only takes the name of a page schema; ESLint rejects interfaces named like API shapes and
 * inline `api<{ … }>` literals.)
 *
 * Limits: a call without a type argument answers `unknown`, and a cast of that (`as Foo`) is not followed;
 * a path or method built at run time is checked for its schema's origin only; `listItems` and `download`
 * are not matched to their routes; request bodies are checked by tsc only where the call names
 * `RequestBody<…>`; FieldError (the free-form `details.fields` of the error envelope) stays hand-written.
 */
const WEB = resolve(__dirname, '../..');
const TYPES_FILE = resolve(WEB, 'src/openapi.d.ts');

function program(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(WEB, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('apps/web/tsconfig.json unreadable');
  return ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
}

/** Where the type is not the document's: a description of each offending part (empty: all from openapi.d.ts). */
function foreignParts(checker: ts.TypeChecker, type: ts.Type, seen = new Set<ts.Type>()): string[] {
  if (seen.has(type)) return [];
  seen.add(type);
  const trivial =
    ts.TypeFlags.Any |
    ts.TypeFlags.Unknown |
    ts.TypeFlags.Void |
    ts.TypeFlags.Undefined |
    ts.TypeFlags.Null |
    ts.TypeFlags.Never |
    ts.TypeFlags.StringLike |
    ts.TypeFlags.NumberLike |
    ts.TypeFlags.BooleanLike |
    // Generic helpers of the client (listItems' `Schema<K>`): their callers name the schema.
    ts.TypeFlags.TypeParameter |
    ts.TypeFlags.IndexedAccess;
  if (type.flags & trivial) return [];
  if (type.isUnionOrIntersection()) return type.types.flatMap((t) => foreignParts(checker, t, seen));
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    return checker.getTypeArguments(type as ts.TypeReference).flatMap((t) => foreignParts(checker, t, seen));
  }
  const declarations = type.getSymbol()?.getDeclarations() ?? [];
  const files = declarations.map((d) => resolve(d.getSourceFile().fileName));
  if (files.length > 0 && files.every((f) => f === TYPES_FILE)) return [];
  const where = files.map((f) => relative(WEB, f)).join(', ') || 'no declaration';
  return [`${checker.typeToString(type)} (declared in ${where})`];
}

/** The route an `api(path, { method })` call asks, `/orders/{}` for `/orders/${id}`; none when not literal. */
function routeOf(call: ts.CallExpression): { route?: string; method: string } {
  const [pathArg, options] = call.arguments;
  let route: string | undefined;
  if (pathArg && (ts.isStringLiteral(pathArg) || ts.isNoSubstitutionTemplateLiteral(pathArg))) route = pathArg.text;
  else if (pathArg && ts.isTemplateExpression(pathArg)) {
    route = pathArg.head.text + pathArg.templateSpans.map((span) => `{}${span.literal.text}`).join('');
  }
  let method: string | undefined = 'get';
  if (options && ts.isObjectLiteralExpression(options)) {
    const prop = options.properties.find(
      (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'method',
    );
    if (prop) method = ts.isStringLiteral(prop.initializer) ? prop.initializer.text.toLowerCase() : undefined;
  }
  return method ? { route: route?.split('?')[0], method } : { method: '?' };
}

/** What the document says the route answers on success (`paths[…][method].responses[2xx]`), by route. */
function documentedResponses(checker: ts.TypeChecker, prog: ts.Program): Map<string, ts.Type | 'none'> {
  const file = prog.getSourceFile(TYPES_FILE);
  const decl = file?.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'paths',
  );
  if (!decl) throw new Error('openapi.d.ts declares no paths');
  const prop = (type: ts.Type, name: string) => {
    const symbol = checker.getPropertyOfType(type, name);
    return symbol ? checker.getNonNullableType(checker.getTypeOfSymbol(symbol)) : undefined;
  };
  const answers = new Map<string, ts.Type | 'none'>();
  for (const path of checker.getPropertiesOfType(checker.getTypeAtLocation(decl.name))) {
    const route = path.name.replace(/^\/api/, '').replace(/\{[^}]+\}/g, '{}');
    const item = checker.getTypeOfSymbol(path);
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const operation = prop(item, method);
      if (!operation || operation.flags & ts.TypeFlags.Never) continue;
      const responses = prop(operation, 'responses');
      const ok = responses && checker.getPropertiesOfType(responses).find((r) => /^2\d\d$/.test(r.name));
      const content = ok && prop(checker.getTypeOfSymbol(ok), 'content');
      const json = content && !(content.flags & ts.TypeFlags.Never) ? prop(content, 'application/json') : undefined;
      answers.set(`${method} ${route}`, json ?? 'none');
    }
  }
  return answers;
}

describe('the portal types every API response from openapi.d.ts', () => {
  const prog = program();
  const checker = prog.getTypeChecker();
  const sources = prog
    .getSourceFiles()
    .filter((f) => resolve(f.fileName).startsWith(resolve(WEB, 'src')) && resolve(f.fileName) !== TYPES_FILE);

  /** Every `api<T>(…)` call of the portal: where it is, and the parts of T not declared in openapi.d.ts. */
  const calls = sources.flatMap((file) => {
    const found: { at: string; type: string; foreign: string[]; route?: string; method: string; t: ts.Type }[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'api') {
        const arg = node.typeArguments?.[0];
        if (arg) {
          const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
          const t = checker.getTypeFromTypeNode(arg);
          found.push({
            at: `${relative(WEB, file.fileName)}:${line + 1}`,
            type: arg.getText(file),
            foreign: foreignParts(checker, t),
            ...routeOf(node),
            t,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  });

  it('finds the calls (the scan sees the portal)', () => {
    expect(sources.some((f) => f.fileName.endsWith('shared/api.ts'))).toBe(true);
    expect(calls.length).toBeGreaterThan(50);
  });

  it('resolves each api<T> to schemas of the OpenAPI document, never a hand-written shape', () => {
    const handWritten = calls
      .filter((c) => c.foreign.length > 0)
      .map((c) => `${c.at} api<${c.type}>: ${c.foreign.join('; ')}`);
    expect(handWritten).toEqual([]);
  });

  it("names, where the call's route is literal, a type the route's documented answer fits", () => {
    const documented = documentedResponses(checker, prog);
    const unknownRoutes: string[] = [];
    const misfits: string[] = [];
    let checked = 0;
    /** The documented routes a call may reach: its own, else those its `{}` segments can stand for. */
    const routesOf = (method: string, route: string): string[] => {
      if (documented.has(`${method} ${route}`)) return [`${method} ${route}`];
      const segments = route.split('/');
      return [...documented.keys()].filter((key) => {
        const [m, r] = key.split(' ');
        const other = r.split('/');
        return (
          m === method &&
          other.length === segments.length &&
          segments.every((seg, i) => seg === '{}' || seg === other[i])
        );
      });
    };
    for (const c of calls.filter((call) => call.route !== undefined)) {
      const keys = routesOf(c.method, c.route!);
      if (keys.length === 0) unknownRoutes.push(`${c.at} ${c.method.toUpperCase()} ${c.route}`);
      for (const key of keys) {
        const answer = documented.get(key)!;
        checked += 1;
        const fits =
          answer === 'none'
            ? c.t.flags & (ts.TypeFlags.Void | ts.TypeFlags.Unknown | ts.TypeFlags.Undefined)
            : checker.isTypeAssignableTo(answer, c.t);
        if (!fits) {
          const said = answer === 'none' ? 'no body' : checker.typeToString(answer);
          misfits.push(`${c.at} ${key}: api<${c.type}> but the route answers ${said}`);
        }
      }
    }
    expect({ unknownRoutes, misfits }).toEqual({ unknownRoutes: [], misfits: [] });
    expect(checked).toBeGreaterThan(50);
  });

  it('tells a hand-written shape from a schema (the check can fail)', () => {
    const host = ts.createCompilerHost({ strict: true, noEmit: true });
    const probe = resolve(WEB, 'src/shared/__probe__.ts');
    const text = [
      "import type { Schema } from './api';",
      'interface Own { id: string }',
      "export type A = Schema<'DemandResponseDto'>[];",
      "export type B = Schema<'DemandResponseDto'> & { extra: number };",
      'export type C = Own | null;',
    ].join('\n');
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language) =>
      resolve(name) === probe ? ts.createSourceFile(name, text, language) : getSourceFile(name, language);
    const p = ts.createProgram(
      [probe, TYPES_FILE],
      { strict: true, noEmit: true, types: [], target: ts.ScriptTarget.ES2022 },
      host,
    );
    const c = p.getTypeChecker();
    const file = p.getSourceFile(probe)!;
    const alias = (name: string) => {
      const node = file.statements.find(
        (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name,
      )!;
      return foreignParts(c, c.getTypeFromTypeNode(node.type));
    };
    expect(alias('A')).toEqual([]);
    expect(alias('B')).toEqual([expect.stringContaining('extra')]);
    expect(alias('C')).toEqual([expect.stringContaining('Own')]);
  });
});
