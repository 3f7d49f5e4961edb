import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/** The end-to-end suite: Debian's Chromium (never a downloaded browser) against a server on an empty PGlite. */
const port = Number(process.env.CHIDAO_E2E_PORT ?? 3457);
const dataDir = path.join(os.tmpdir(), `chidao-e2e-${process.pid}-${Date.now()}`);
/** A second server: a province that is not the demo, set up from the command line only (e2e/fresh-province.spec.ts). */
const freshPort = Number(process.env.CHIDAO_E2E_FRESH_PORT ?? 3458);
const freshDataDir = `${dataDir}-fresh`;
/** The first server's hotline SMTP listener (the spec reads the same variable). */
const smtpPort = Number(process.env.CHIDAO_E2E_SMTP_PORT ?? 2526);
/** scripts/e2e.mjs runs groups of specs side by side: each its own output folder, and only one the second server. */
const outputDir = process.env.CHIDAO_E2E_OUTPUT ?? 'test-results';
const withFresh = process.env.CHIDAO_E2E_FRESH !== 'off';

export default defineConfig({
  testDir: 'e2e',
  outputDir,
  // Two groups share two cores in CI (scripts/e2e.mjs): a step waits longer than alone.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'node scripts/build-if-needed.mjs && node dist/server/main.js',
      url: `http://127.0.0.1:${port}/readyz`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      // The suites create the dossiers they count; the demo's generated ones (imported on a first start) are
      // covered by server/modules/dossiers/dossiers-seed.db.test.ts.
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        CHIDAO_DATA_DIR: dataDir,
        CHIDAO_LOG_LEVEL: 'warn',
        CHIDAO_DEMO_DOSSIERS: '0',
        // The hotline's own SMTP listener: e2e/hotline.spec.ts mails a case to the hotline address.
        CHIDAO_HOTLINE_SMTP_PORT: String(smtpPort),
        CHIDAO_HOTLINE_SMTP_HOST: '127.0.0.1',
        CHIDAO_HOTLINE_ADDRESSES: 'duongdaynong@nghean.gov.vn',
      },
    },
    // Started after the first (which builds): the GSO import of Hà Tĩnh, its departments, then the server.
    ...(withFresh
      ? [
          {
            command: 'node scripts/e2e-fresh-province.mjs',
            url: `http://127.0.0.1:${freshPort}/readyz`,
            timeout: 240_000,
            reuseExistingServer: false,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
            env: {
              PORT: String(freshPort),
              HOST: '127.0.0.1',
              CHIDAO_DATA_DIR: freshDataDir,
              CHIDAO_LOG_LEVEL: 'warn',
              CHIDAO_DEMO: 'off',
            },
          },
        ]
      : []),
  ],
});
