import * as fs from 'node:fs';
import * as path from 'node:path';
import { READ_MODELS } from './read-models';

/**
 * Contexts own their tables. Ownership comes from the migrations (every table they create) and the
 * `@Entity` that maps it (the library it lives in); the few tables written by plain SQL are named below.
 * A library's SQL may name only its own tables, except in the read models of `read-models.ts`.
 */
const ROOT = path.resolve(__dirname, '../../..');
const LIBS = fs.readdirSync(path.join(ROOT, 'libs')).filter((l) => fs.existsSync(path.join(ROOT, 'libs', l, 'src')));
/** Libraries that hold no context of their own: the schema itself, and the test kit. */
const NOT_CONTEXTS = new Set(['database', 'testing']);

/** Tables no entity maps, each with the context whose SQL keeps it. */
const PLAIN_SQL_TABLES: Record<string, string> = {
  idempotency_keys: 'voucher',
  ledger_accounts: 'voucher',
  ledger_postings: 'voucher',
  ledger_transactions: 'voucher',
  org_shareholders: 'identity',
  voucher_cap_usage: 'voucher',
  research_digest_settings: 'research',
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) out.push(full);
  }
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const read = (file: string) => fs.readFileSync(file, 'utf8');

function migratedTables(): string[] {
  const dir = path.join(ROOT, 'libs/database/src/migrations');
  const sql = fs
    .readdirSync(dir)
    .map((f) => read(path.join(dir, f)))
    .join('\n');
  return [...new Set([...sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)"?/g)].map((m) => m[1]))].sort();
}

function entityOwners(): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const lib of LIBS) {
    for (const file of sourceFiles(path.join(ROOT, 'libs', lib, 'src'))) {
      for (const m of read(file).matchAll(/@Entity\(\{?\s*(?:name:\s*)?'([a-z_]+)'/g)) {
        owners.set(m[1], [...(owners.get(m[1]) ?? []), lib]);
      }
    }
  }
  return owners;
}

const tables = migratedTables();
const entities = entityOwners();
const ownerOf = new Map(tables.map((t) => [t, entities.get(t)?.[0] ?? PLAIN_SQL_TABLES[t]]));

/** SQL in string and template literals, and table names handed to a query builder. */
function tablesNamedIn(source: string): Set<string> {
  const named = new Set<string>();
  for (const [literal] of source.matchAll(/`[^`]*`|'[^'\n]*'/g)) {
    for (const m of literal.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+(?:ONLY\s+)?"?([a-z_]+)"?/g)) {
      if (ownerOf.has(m[1])) named.add(m[1]);
    }
  }
  for (const m of source.matchAll(/\.(?:from|\w*[jJ]oin\w*|into|update|delete)\(\s*'([a-z_]+)'/g)) {
    if (ownerOf.has(m[1])) named.add(m[1]);
  }
  return named;
}

describe('context boundaries', () => {
  it('gives every table the migrations create exactly one owning context', () => {
    const unowned = tables.filter((t) => !ownerOf.get(t));
    const twice = [...entities].filter(([, libs]) => libs.length > 1).map(([t]) => t);
    expect({ unowned, twice }).toEqual({ unowned: [], twice: [] });
  });

  it("keeps each library's SQL to its own tables, outside the declared read models", () => {
    const crossings: string[] = [];
    const readModels = new Map(READ_MODELS.map((r) => [r.file, r]));
    for (const lib of LIBS.filter((l) => !NOT_CONTEXTS.has(l))) {
      for (const file of sourceFiles(path.join(ROOT, 'libs', lib, 'src'))) {
        const declared = readModels.get(rel(file));
        for (const table of tablesNamedIn(read(file))) {
          if (ownerOf.get(table) === lib || declared?.reads.includes(table)) continue;
          crossings.push(`${rel(file)} → ${table} (${ownerOf.get(table)})`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  it('declares read models that exist, are named as such and only read', () => {
    const wrong = READ_MODELS.filter((r) => {
      const file = path.join(ROOT, r.file);
      return (
        !r.file.endsWith('.read-model.ts') ||
        !fs.existsSync(file) ||
        /\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i.test(read(file))
      );
    });
    expect(wrong.map((r) => r.file)).toEqual([]);
  });

  it('exports no entity from any library barrel', () => {
    const leaked = new Set<string>();
    // Follows re-exports too: a module file that re-exports an entity leaks it through the barrel.
    const follow = (file: string, seen: Set<string>) => {
      if (seen.has(file) || !fs.existsSync(file)) return;
      seen.add(file);
      const source = read(file);
      if (/@Entity\(/.test(source)) leaked.add(rel(file));
      for (const [, spec] of source.matchAll(/export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s+from\s+'(\.[^']+)'/g)) {
        follow(path.join(path.dirname(file), `${spec}.ts`), seen);
      }
    };
    for (const lib of LIBS) follow(path.join(ROOT, 'libs', lib, 'src/index.ts'), new Set());
    expect([...leaked]).toEqual([]);
  });

  it('shares no repository: no module exports TypeOrmModule to its importers', () => {
    const sharing = LIBS.flatMap((lib) =>
      sourceFiles(path.join(ROOT, 'libs', lib, 'src'))
        .filter((file) => /exports:\s*\[[^\]]*\bTypeOrmModule\b/.test(read(file)))
        .map(rel),
    );
    expect(sharing).toEqual([]);
  });

  it('has no import circle between libraries', () => {
    const edges = new Map<string, Set<string>>();
    for (const lib of LIBS) {
      const deps = new Set<string>();
      for (const file of sourceFiles(path.join(ROOT, 'libs', lib, 'src'))) {
        for (const m of read(file).matchAll(/from '@pilotlink\/([a-z-]+)/g)) if (m[1] !== lib) deps.add(m[1]);
      }
      edges.set(lib, deps);
    }
    const circles: string[] = [];
    const visit = (lib: string, trail: string[]) => {
      if (trail.includes(lib)) {
        circles.push([...trail.slice(trail.indexOf(lib)), lib].join(' → '));
        return;
      }
      for (const dep of edges.get(lib) ?? []) visit(dep, [...trail, lib]);
    };
    for (const lib of LIBS) visit(lib, []);
    expect([...new Set(circles)]).toEqual([]);
  });
});
