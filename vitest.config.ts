import net from 'node:net';
import { defineConfig } from 'vitest/config';

/** The PostgreSQL server the route suite also runs against: DATABASE_URL, or the local one. */
const pgUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(800, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const withPostgres = process.env.CHIDAO_TEST_POSTGRES !== 'off' && (await reachable(pgUrl));
if (!withPostgres)
  console.log(
    `[chidao] PostgreSQL at ${new URL(pgUrl).host} not reachable: the route suite runs on PGlite only.`,
  );

export default defineConfig({
  test: {
    reporters: ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: [
            'server/**/*.test.ts',
            'web/src/**/*.test.ts',
            'web/public-site/**/*.test.ts',
            'web/survey-form/**/*.test.ts',
            'web/survey-form/**/*.test.tsx',
            'scripts/**/*.test.ts',
          ],
          env: { CHIDAO_TEST_ENGINE: 'pglite' },
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                // Everything that touches a database (route and service suites).
                include: ['server/**/*.routes.test.ts', 'server/**/*.db.test.ts'],
                env: { CHIDAO_TEST_ENGINE: 'postgres', CHIDAO_TEST_PG_URL: pgUrl },
                fileParallelism: true,
              },
            },
          ]
        : []),
    ],
  },
});
