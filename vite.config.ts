import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const backend = 'http://127.0.0.1:3000';

/** A node_modules package (or scope) whose modules go to one vendor chunk. */
const pkg = (...names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.map((n) => n.replace('/', '[\\\\/]')).join('|')})[\\\\/]`);

/**
 * Vendor chunks: libraries change far less often than the application, so they get their own files (hashed by
 * content) that browsers keep across deploys. react, tanstack, mantine and i18n load with every page; dates
 * and charts only with the pages that use them. Everything else (each page, shared components) is split by
 * Rolldown along the lazy routes of web/src/app/router.tsx.
 */
const vendorChunks = [
  { name: 'react', test: pkg('react', 'react-dom', 'scheduler', 'use-sync-external-store'), priority: 60 },
  { name: 'tanstack', test: pkg('@tanstack'), priority: 50 },
  {
    name: 'mantine',
    // What the shell and the first pages use of Mantine and the helpers it brings (floating UI, scroll lock,
    // transitions): `$initial` modules only. The components only other pages use are split along the routes.
    test: pkg(
      '@mantine/core',
      '@mantine/dates', // only DatesProvider is initial: the rest goes to "dates"
      '@mantine/hooks',
      '@mantine/form',
      '@mantine/notifications',
      '@mantine/store',
      '@floating-ui',
      'react-remove-scroll',
      'react-remove-scroll-bar',
      'react-style-singleton',
      'use-callback-ref',
      'use-sidecar',
      'get-nonce',
      'detect-node-es',
      'tslib',
      'react-transition-group',
      'react-number-format',
      'react-textarea-autosize',
      'use-composed-ref',
      'use-isomorphic-layout-effect',
      'use-latest',
      'clsx',
      'klona',
      'fast-deep-equal',
      '@babel/runtime',
    ),
    tags: ['$initial' as const],
    priority: 40,
  },
  {
    name: 'i18n',
    test: pkg('i18next', 'react-i18next', 'html-parse-stringify', 'void-elements', 'dayjs'),
    priority: 30,
  },
  { name: 'dates', test: pkg('@mantine/dates'), priority: 20 },
  // recharts and what it brings (d3, redux toolkit, immer, …): only the dashboards. Should a module of the first
  // pages ever import one of these, the whole chunk would load with them: `npm run bench -- web` checks the budget.
  {
    name: 'charts',
    test: pkg(
      '@mantine/charts',
      'recharts',
      'd3-[a-z-]+',
      'victory-vendor',
      '@reduxjs',
      'redux',
      'redux-thunk',
      'react-redux',
      'reselect',
      'immer',
      'es-toolkit',
      'decimal.js-light',
      'eventemitter3',
      'internmap',
      'tiny-invariant',
      'react-is',
    ),
    priority: 10,
  },
];

/**
 * Writes `<file>.br` and `<file>.gz` beside every text asset of the build (at maximum compression, once, instead of
 * compressing on every response); the server picks one by Accept-Encoding (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  const brotli = promisify(zlib.brotliCompress);
  const gzip = promisify(zlib.gzip);
  let outDir = '';
  return {
    name: 'chidao:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => /\.(js|css|svg|html|json|txt)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const data = await fs.readFile(full);
          if (data.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([fs.writeFile(`${full}.br`, br), fs.writeFile(`${full}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Three pages: the staff app, the public hotline pages (`/phan-anh/*`, web/public-site) and the public survey
      // form (`/khao-sat/*`, web/survey-form). The public ones are React only, none of the staff app's Mantine,
      // TanStack or i18n chunks; they share the `react` chunk.
      input: {
        index: path.resolve(import.meta.dirname, 'web/index.html'),
        public: path.resolve(import.meta.dirname, 'web/public-site/index.html'),
        'survey-form': path.resolve(import.meta.dirname, 'web/survey-form/index.html'),
      },
      // A group takes only the modules its test names, not what they import: otherwise @mantine/core components
      // the date pickers share with pages (SimpleGrid…) went into "dates", and every page with a grid fetched the
      // pickers too (16 KB gzip on the landing page; `npm run bench -- web`).
      output: { codeSplitting: { groups: vendorChunks, includeDependenciesRecursively: false } },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': backend,
      '/readyz': backend,
      '/metrics': backend,
    },
  },
});
