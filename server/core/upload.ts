import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

type FilePart = NonNullable<Awaited<ReturnType<FastifyRequest['file']>>>;

/** The multipart field "file" of an upload request, or 400 FILE_MISSING placed under the field `file`. */
export async function requiredFilePart(request: FastifyRequest): Promise<FilePart> {
  const part = await request.file();
  if (!part)
    throw new AppError(400, 'FILE_MISSING', 'file.missing', { field: 'file' }, [
      { field: 'file', message: 'file.missing' },
    ]);
  return part;
}

/** The uploaded file of an upload request as a stream and its name (400 FILE_MISSING without one). */
export async function requiredUpload(
  request: FastifyRequest,
): Promise<{ content: Readable; filename: string }> {
  const part = await requiredFilePart(request);
  return { content: part.file, filename: part.filename };
}

/** The 201 body of an evidence upload: the stored file's id (to cite in an action) and what it is. */
export function uploadedFileOut(file: {
  id: string;
  originalName: string;
  size: number;
  sha256: string;
  mediaType: string;
}) {
  return {
    id: file.id,
    originalName: file.originalName,
    size: file.size,
    sha256: file.sha256,
    mediaType: file.mediaType,
  };
}
