import type { FastifyReply } from 'fastify';
import { AppError } from '../../core/errors.js';
import { contentDisposition } from './content-type.js';
import type { FileStore } from './file-store.js';
import type { StoredFile } from './files.service.js';

/**
 * Sends a stored file as a download: its sniffed type, its original (Vietnamese) name per RFC 6266, no
 * content sniffing by the browser, and its SHA-256 as ETag. Every module's download route uses this after
 * its own access check. The content is checked first: when the store has lost it, the answer is a proper
 * JSON 404 (FILE_CONTENT_MISSING, logged for the administrator) instead of headers without a body.
 */
export async function sendStoredFile(reply: FastifyReply, store: FileStore, file: StoredFile) {
  if (!(await store.exists(file.storageKey))) {
    reply.log.error(
      { fileId: file.id, storageKey: file.storageKey, name: file.originalName },
      'stored file content is missing from the file store',
    );
    throw new AppError(404, 'FILE_CONTENT_MISSING', 'file.content_missing', { name: file.originalName });
  }
  return reply
    .header(
      'content-type',
      file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType,
    )
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.originalName))
    .header('x-content-type-options', 'nosniff')
    .header('etag', `"${file.sha256}"`)
    .header('cache-control', 'private, max-age=0')
    .send(store.get(file.storageKey));
}

/**
 * Sends bytes made for this request (an Excel or Word export) as a download with its Vietnamese name (RFC 6266,
 * as stored files are sent), never cached or sniffed. Every module's export route uses this.
 */
export function sendDownload(
  reply: FastifyReply,
  mediaType: string,
  file: { buffer: Buffer; fileName: string },
) {
  return reply
    .header('content-type', mediaType)
    .header('content-length', String(file.buffer.length))
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.buffer);
}
