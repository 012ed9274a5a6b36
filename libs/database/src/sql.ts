import { EntityManager } from 'typeorm';

/**
 * A piece of SQL with its values, written with the `sql` tag: `sql\`INSERT INTO t (a) VALUES (${a})\``.
 * A value that is itself a `Sql` is spliced in, so each context writes the part of a statement that touches
 * its own tables and one caller composes the parts into one statement — one round trip — without any
 * library naming another's tables or renumbering another's parameters.
 */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Text spliced as it is — a CTE's name written in the code, never a value from outside. */
export function rawSql(text: string): Sql {
  return new Sql([text], []);
}

/** Joins fragments with a separator (`, ` between CTEs, say); a fragment may be empty. */
export function joinSql(parts: readonly Sql[], separator: string): Sql {
  if (parts.length === 0) return new Sql([''], []);
  const strings = ['', ...parts.slice(1).map(() => separator), ''];
  return new Sql(strings, parts);
}

/** The statement's text with `$1…$n` placeholders, in order, and its values. */
export function renderSql(fragment: Sql): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const append = (f: Sql): string => {
    let text = f.strings[0];
    f.values.forEach((value, i) => {
      if (value instanceof Sql) text += append(value);
      else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += f.strings[i + 1];
    });
    return text;
  };
  return { text: append(fragment), values };
}

/** Runs a composed statement in the caller's transaction and answers its rows. */
export function querySql<T>(manager: EntityManager, fragment: Sql): Promise<T[]> {
  const { text, values } = renderSql(fragment);
  return manager.query<T[]>(text, values);
}
