/**
 * Uploaded files are recognised by their first bytes rather than by the name or the Content-Type the
 * client claims. Office documents (docx/xlsx/pptx) are ZIP containers.
 */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'office';

const SIGNATURES: readonly {
  kind: FileKind;
  contentType: string;
  extensions: readonly string[];
  magic: readonly number[];
}[] = [
  { kind: 'pdf', contentType: 'application/pdf', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'png', contentType: 'image/png', extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'jpeg', contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  {
    kind: 'office',
    contentType: 'application/zip',
    extensions: ['zip', 'docx', 'xlsx', 'pptx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
];

const OFFICE_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Bytes `sniffContentType` needs to look at. */
export const SNIFF_BYTES = 8;

/**
 * The content type to store and serve, or null when the name's extension is not one of the `accepted`
 * kinds or the bytes do not start the way that kind of file does.
 */
export function sniffContentType(fileName: string, head: Uint8Array, accepted: readonly FileKind[]): string | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const kind = SIGNATURES.find((s) => accepted.includes(s.kind) && s.extensions.includes(extension));
  if (!kind || head.length < kind.magic.length) return null;
  if (!kind.magic.every((byte, i) => head[i] === byte)) return null;
  return OFFICE_TYPES[extension] ?? kind.contentType;
}

/** A file name safe to store and to put back in a Content-Disposition header. */
export function cleanFileName(name: string, fallback = 'file'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f"]/g, '').trim();
  return cleaned.slice(-200) || fallback;
}

/** The Content-Disposition of a download under its stored name. */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
