import { Workbook } from 'exceljs';
import { ReportTable, toCsv, toXlsx } from './report-export';

const totals: ReportTable = {
  name: 'totals',
  columns: ['key', 'label', 'value'],
  rows: [
    { key: 'budgetFen', label: '预算总额', value: 10_000_000 },
    { key: 'note', label: 'a "quoted", comma', value: null },
    { key: 'delta', label: '=HYPERLINK("x")', value: -5 },
  ],
};
const byField: ReportTable = {
  name: 'byField',
  columns: ['key', 'label', 'claims', 'amountFen'],
  rows: [{ key: 'TEXTILE_FIBER', label: '功能纤维', claims: 2, amountFen: 700_000 }],
};

describe('report export', () => {
  it('CSV of one table: its columns, a BOM, CRLF, RFC 4180 quoting, null empty, formulas defused', () => {
    const text = toCsv([totals]).toString('utf8');
    expect(text).toBe(
      '\uFEFFkey,label,value\r\nbudgetFen,预算总额,10000000\r\nnote,"a ""quoted"", comma",\r\n' +
        'delta,"\'=HYPERLINK(""x"")",-5\r\n',
    );
  });

  it('CSV of several tables: a section column, then the union of the columns in order of first appearance', () => {
    const text = toCsv([totals, byField]).toString('utf8');
    expect(text.replace('\uFEFF', '').split('\r\n')).toEqual([
      'section,key,label,value,claims,amountFen',
      'totals,budgetFen,预算总额,10000000,,',
      'totals,note,"a ""quoted"", comma",,,',
      'totals,delta,"\'=HYPERLINK(""x"")",-5,,',
      'byField,TEXTILE_FIBER,功能纤维,,2,700000',
      '',
    ]);
  });

  it('XLSX: one sheet per table, header row of column names, numbers stay numbers', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await toXlsx([totals, byField])) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['totals', 'byField']);
    const sheet = workbook.getWorksheet('byField')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['key', 'label', 'claims', 'amountFen']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['TEXTILE_FIBER', '功能纤维', 2, 700_000]);
    expect(workbook.getWorksheet('totals')!.getRow(3).getCell(3).value).toBeNull();
  });
});
