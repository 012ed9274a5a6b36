import { cleanFileName, FileKind, sniffContentType } from './file-type';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ALL: FileKind[] = ['pdf', 'png', 'jpeg', 'office'];

describe('uploaded file types', () => {
  it.each([
    ['报告.pdf', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), 'application/pdf'],
    ['photo.JPG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['chart.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d), 'image/png'],
    ['data.xlsx', bytes(0x50, 0x4b, 0x03, 0x04), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['raw.zip', bytes(0x50, 0x4b, 0x03, 0x04), 'application/zip'],
  ])('accepts %s', (name, head, type) => {
    expect(sniffContentType(name, head, ALL)).toBe(type);
  });

  it.each([
    ['a PDF name on other bytes', 'report.pdf', bytes(0x4d, 0x5a, 0x90, 0x00, 0x03)],
    ['an executable', 'tool.exe', bytes(0x4d, 0x5a)],
    ['no extension', 'report', bytes(0x25, 0x50, 0x44, 0x46, 0x2d)],
    ['too short to tell', 'x.pdf', bytes(0x25)],
  ])('refuses %s', (_label, name, head) => {
    expect(sniffContentType(name, head, ALL)).toBeNull();
  });

  it('accepts only the kinds asked for', () => {
    const certificate: FileKind[] = ['pdf', 'png', 'jpeg'];
    expect(sniffContentType('scan.docx', bytes(0x50, 0x4b, 0x03, 0x04), certificate)).toBeNull();
    expect(sniffContentType('scan.jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), certificate)).toBe('image/jpeg');
  });

  it('keeps only the base name, without quotes or control characters', () => {
    expect(cleanFileName('../../etc/检测"报告"\n.pdf')).toBe('检测报告.pdf');
    expect(cleanFileName('C:\\Users\\x\\a.pdf')).toBe('a.pdf');
    expect(cleanFileName('', 'deliverable')).toBe('deliverable');
  });
});
