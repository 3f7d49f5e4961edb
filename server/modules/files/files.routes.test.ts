import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Caller;
let docId: string;

function multipart(filename: string, content: Buffer) {
  const boundary = '----chidao' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(filename)}; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(name: string, content: string) {
  const { payload, contentType } = multipart(name, Buffer.from(content));
  const res = await admin.request('POST', `/api/documents/${docId}/files`, payload, {
    'content-type': contentType,
  });
  expect(res.statusCode, res.body).toBe(200);
  const files = (res.json() as { files: { id: string; originalName: string; sha256: string }[] }).files;
  return files[files.length - 1]!;
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  const units = (await admin.request('GET', '/api/units?q=noi vu')).json() as { items: { id: string }[] };
  const doc = await admin.request('POST', '/api/documents', {
    numberSymbol: '12/BC-SNV',
    type: 'bao_cao',
    issuer: 'Sở Nội vụ',
    issuedOn: '2025-03-01',
    title: 'Báo cáo có tệp đính kèm',
    unitId: units.items[0]!.id,
    access: 'internal',
  });
  expect(doc.statusCode, doc.body).toBe(201);
  docId = (doc.json() as { id: string }).id;
});
afterAll(() => t.close());

describe('downloads', () => {
  it('a file whose content the store has lost is a JSON 404 sent before any file header', async () => {
    const file = await upload('mất nội dung.txt', 'Nội dung sẽ mất\n');
    const stored = path.join(
      t.config.dataDir,
      'files',
      file.sha256.slice(0, 2),
      file.sha256.slice(2, 4),
      file.sha256,
    );
    expect(fs.existsSync(stored)).toBe(true);
    fs.rmSync(stored);
    const res = await admin.request('GET', `/api/files/${file.id}/download`, undefined, {
      'x-request-id': 'req-missing-file-01',
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json()).toMatchObject({
      error: { code: 'FILE_CONTENT_MISSING', key: 'file.content_missing', requestId: 'req-missing-file-01' },
    });
    expect((res.json() as { error: { message: string } }).error.message).toContain('mất nội dung.txt');
  });

  it('an uploaded name loses its bidirectional overrides (invoice\\u202Efdp.exe)', async () => {
    const file = await upload('invoice\u202Efdp.txt', 'Hóa đơn\n');
    expect(file.originalName).toBe('invoicefdp.txt');
    const res = await admin.request('GET', `/api/files/${file.id}/download`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).not.toMatch(/%E2%80%AE|\u202E/);
  });

  it('a .docx whose [Content_Types].xml comes after its first 8 KB is still a .docx, and a plain zip is still refused', async () => {
    // The docx library writes word/document.xml first: a long report pushes [Content_Types].xml far in.
    const bulk = Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 251));
    const build = async (withTypes: boolean) => {
      const zip = new JSZip();
      zip.file('word/document.xml', bulk, { compression: 'STORE' });
      if (withTypes)
        zip.file(
          '[Content_Types].xml',
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        );
      return Buffer.from(await zip.generateAsync({ type: 'nodebuffer' }));
    };
    const send = async (name: string, content: Buffer) => {
      const { payload, contentType } = multipart(name, content);
      return admin.request('POST', `/api/documents/${docId}/files`, payload, { 'content-type': contentType });
    };
    const ok = await send('Báo cáo dài.docx', await build(true));
    expect(ok.statusCode, ok.body).toBe(200);
    const files = (ok.json() as { files: { originalName: string; mediaType?: string }[] }).files;
    expect(files.some((f) => f.originalName === 'Báo cáo dài.docx')).toBe(true);
    expect((await send('tệp nén.docx', await build(false))).statusCode).toBe(415);
  });
});
