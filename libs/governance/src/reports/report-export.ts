import { stringify } from 'csv-stringify/sync';
import { Workbook } from 'exceljs';

export type Cell = string | number | null;

/** One flat table of a report: a CSV section, an XLSX sheet. Column names are the JSON field names. */
export interface ReportTable {
  /** Sheet name (≤ 31 characters) and the value of the CSV `section` column. */
  name: string;
  columns: readonly string[];
  rows: readonly Record<string, Cell>[];
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * CSV (RFC 4180, CRLF, UTF-8 with a BOM so that spreadsheet programs read the Chinese names).
 * One table: its columns. Several: a leading `section` column naming the table, then the union of
 * their columns in order of first appearance; a column a table does not have is left empty.
 * Text that a spreadsheet would run as a formula (names are user input) gets a leading `'`.
 */
export function toCsv(tables: readonly ReportTable[]): Buffer {
  const sectioned = tables.length !== 1;
  const union = [...new Set(tables.flatMap((table) => table.columns))];
  const columns = sectioned ? ['section', ...union] : union;
  const records = tables.flatMap((table) =>
    table.rows.map((row) =>
      columns.map((column) => (column === 'section' && sectioned ? table.name : defused(row[column] ?? null))),
    ),
  );
  const text = stringify(records, { bom: true, header: true, columns, record_delimiter: 'windows' });
  return Buffer.from(text, 'utf8');
}

/** CSV injection: a text cell starting with = + - @ or a control character is not a formula. */
function defused(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** XLSX: one sheet per table, the column names in a bold, frozen first row, numbers as numbers. */
export async function toXlsx(tables: readonly ReportTable[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'PilotLink';
  workbook.created = new Date();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column,
      key: column,
      width: Math.min(60, Math.max(12, column.length + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(Object.fromEntries(table.columns.map((column) => [column, row[column] ?? null])));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
