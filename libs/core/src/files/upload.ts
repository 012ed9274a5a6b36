import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { DomainError } from '../errors/domain-error';
import { fieldInvalid } from '../http/validation';

/** One file read from a multipart request, whole. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * Reads the single file of a multipart request from its `file` field, at most `maxBytes`, mapping the
 * multipart library's errors to our envelope: not multipart → 415, too large → 413, both naming `file`.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart()) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a `file` field', {
      field: 'file',
    });
  }
  try {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part || part.fieldname !== 'file') {
      throw fieldInvalid('file', 'A `file` field is required');
    }
    return { fileName: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes`, {
        field: 'file',
        maxBytes,
      });
    }
    throw error;
  }
}
