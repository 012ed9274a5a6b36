/**
 * The delivery files we accept, recognised by their first bytes rather than by the name or the
 * Content-Type the client claims. Office documents (docx/xlsx) are ZIP containers.
 */
const SIGNATURES: readonly { contentType: string; extensions: readonly string[]; magic: readonly number[] }[] = [
  { contentType: 'application/pdf', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { contentType: 'image/png', extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  {
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

/** The content type to store and serve, or null when the bytes are not an accepted kind of file. */
export function deliverableContentType(fileName: string, head: Uint8Array): string | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const kind = SIGNATURES.find((s) => s.extensions.includes(extension));
  if (!kind || head.length < kind.magic.length) return null;
  if (!kind.magic.every((byte, i) => head[i] === byte)) return null;
  return OFFICE_TYPES[extension] ?? kind.contentType;
}

/** A file name safe to store and to put back in a Content-Disposition header. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f"]/g, '').trim();
  return cleaned.slice(-200) || 'deliverable';
}
