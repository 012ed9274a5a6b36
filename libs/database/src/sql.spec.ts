import { joinSql, rawSql, renderSql, sql } from './sql';

describe('sql fragments', () => {
  it('numbers the values of nested fragments in the order they appear, whoever wrote each part', () => {
    const audit = sql`INSERT INTO audit_events (action, entity_id) VALUES (${'voucher.hold'}, ${'h-1'})`;
    const outbox = sql`INSERT INTO outbox (event_type, payload) VALUES (${'voucher.held'}, ${{ amountFen: 5000 }})`;
    const statement = sql`WITH a AS (${audit}), o AS (${outbox}) SELECT ${42}::int AS answer`;
    expect(renderSql(statement)).toEqual({
      text:
        'WITH a AS (INSERT INTO audit_events (action, entity_id) VALUES ($1, $2)), ' +
        'o AS (INSERT INTO outbox (event_type, payload) VALUES ($3, $4)) SELECT $5::int AS answer',
      values: ['voucher.hold', 'h-1', 'voucher.held', { amountFen: 5000 }, 42],
    });
  });

  it('keeps values out of the text: a value that looks like SQL is still a parameter', () => {
    const hostile = `x'); DROP TABLE orders; --`;
    const { text, values } = renderSql(sql`SELECT * FROM vouchers WHERE code = ${hostile}`);
    expect(text).toBe('SELECT * FROM vouchers WHERE code = $1');
    expect(values).toEqual([hostile]);
  });

  it('joins fragments with a separator, skipping nothing and adding no stray separator', () => {
    const ctes = joinSql([sql`a AS (SELECT ${1})`, sql`b AS (SELECT ${2})`, sql`c AS (SELECT ${3})`], ', ');
    expect(renderSql(sql`WITH ${ctes} SELECT 1`)).toEqual({
      text: 'WITH a AS (SELECT $1), b AS (SELECT $2), c AS (SELECT $3) SELECT 1',
      values: [1, 2, 3],
    });
    expect(renderSql(joinSql([], ', '))).toEqual({ text: '', values: [] });
    expect(renderSql(joinSql([sql`only ${'x'}`], ', '))).toEqual({ text: 'only $1', values: ['x'] });
  });

  it('splices raw text (a CTE name written in code) without a parameter', () => {
    const name = rawSql('hold_row');
    expect(renderSql(sql`${name} AS (SELECT ${7}) SELECT * FROM ${name}`)).toEqual({
      text: 'hold_row AS (SELECT $1) SELECT * FROM hold_row',
      values: [7],
    });
  });
});
