import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSitePlugin } from './public-site.js';

describe('publicSitePlugin', () => {
  let webRoot = '';
  beforeAll(() => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-public-site-'));
    fs.mkdirSync(path.join(webRoot, 'public-site'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<html>staff</html>');
    fs.writeFileSync(path.join(webRoot, 'public-site', 'index.html'), '<html lang="vi">public</html>');
    fs.mkdirSync(path.join(webRoot, 'survey-form'));
    fs.writeFileSync(path.join(webRoot, 'survey-form', 'index.html'), '<html lang="vi">survey form</html>');
  });
  afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

  it('sends the public page for /phan-anh and every path under it, the staff app elsewhere', async () => {
    const app = Fastify();
    await app.register(publicSitePlugin, { webRoot });
    app.get('/*', async (_req, reply) => reply.type('text/html').send('<html>staff</html>'));
    for (const url of [
      '/phan-anh',
      '/phan-anh/',
      '/phan-anh/tra-cuu/PA-26-7K3M-9Q2X-4HRD?key=x',
      '/phan-anh/da-tra-loi',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('public');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    }
    for (const url of ['/', '/phan-anhx', '/plans'])
      expect((await app.inject({ url })).body, url).toContain('staff');
    await app.close();
  });

  it('sends the survey form for /khao-sat and every path under it (a QR code, an invitation)', async () => {
    const app = Fastify();
    await app.register(publicSitePlugin, { webRoot });
    app.get('/*', async (_req, reply) => reply.type('text/html').send('<html>staff</html>'));
    for (const url of [
      '/khao-sat',
      '/khao-sat/',
      '/khao-sat/KS7K3M9Q2X',
      '/khao-sat/moi/abcdefghijklmnopqrstu',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('survey form');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    }
    for (const url of ['/khao-satx', '/surveys'])
      expect((await app.inject({ url })).body, url).toContain('staff');
    // The hotline's page is unchanged beside it.
    expect((await app.inject({ url: '/phan-anh' })).body).toContain('public');
    await app.close();
  });

  it('lets the survey paths fall through when the survey form is not built', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-public-site-'));
    try {
      fs.mkdirSync(path.join(root, 'public-site'));
      fs.writeFileSync(path.join(root, 'public-site', 'index.html'), '<html lang="vi">public</html>');
      const app = Fastify();
      await app.register(publicSitePlugin, { webRoot: root });
      app.get('/*', async (_req, reply) => reply.type('text/html').send('<html>staff</html>'));
      expect((await app.inject({ url: '/khao-sat/KS7K3M9Q2X' })).body).toContain('staff');
      expect((await app.inject({ url: '/phan-anh' })).body).toContain('public');
      await app.close();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('sends the public entry for the portal’s paths too (/cong-khai…), as built without the app’s context', async () => {
    const app = Fastify();
    await app.register(publicSitePlugin, { webRoot });
    app.get('/*', async (_req, reply) => reply.type('text/html').send('<html>staff</html>'));
    for (const url of [
      '/cong-khai',
      '/cong-khai/',
      '/cong-khai/chi-so-cchc/2025',
      '/cong-khai/ho-so?year=2026&period=q1',
      '/cong-khai/du-lieu-mo',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe('<html lang="vi">public</html>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    expect((await app.inject({ url: '/cong-khaix' })).body).toContain('staff');
    await app.close();
  });

  it('registers nothing without a build of the public pages', async () => {
    const app = Fastify();
    await app.register(publicSitePlugin, { webRoot: path.join(webRoot, 'missing') });
    expect((await app.inject({ url: '/phan-anh' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/khao-sat/KS7K3M9Q2X' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/cong-khai' })).statusCode).toBe(404);
    await app.close();
  });
});
