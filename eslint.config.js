// ESLint: typescript-eslint's recommended rules plus chidao's module boundaries.
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One capability = one folder (`server/modules/<name>/`, `web/src/features/<name>/`). A module may use
 * another module only through its public surface: services, schemas, policies and a few pure helpers —
 * never its tables (`*.table.ts`) or other internals. A pure-rule module exposes `index.ts`. Web features never import each other at all.
 */
const SERVER_PUBLIC =
  /(\.service|\.schemas|\.policy|\.routes)\.(js|ts)$|\/(index|actor|roles|policy|file-store|content-type|nghe-an|navigation|password-hash|password-policy|admin-document|party-document|issuing-layouts)\.(js|ts)$/;

function capabilityOf(file) {
  const norm = file.split(path.sep).join('/');
  const server = norm.match(/\/server\/modules\/([^/]+)\//);
  if (server) return { side: 'server', name: server[1] };
  const web = norm.match(/\/web\/src\/features\/([^/]+)\//);
  if (web) return { side: 'web', name: web[1] };
  return null;
}

const boundaries = {
  rules: {
    'module-boundaries': {
      meta: {
        type: 'problem',
        messages: {
          internal:
            '{{from}} must not import {{target}}: use the public surface of module "{{to}}" (its service, schemas or policy).',
          feature:
            'Feature "{{from}}" must not import feature "{{to}}"; move shared code to web/src/components or web/src/lib.',
          contract:
            'The web takes only types from the server, and only from its schema files: `import type … from "…/<name>.schemas"` ({{target}}).',
        },
      },
      create(context) {
        const file = context.filename;
        const norm = file.split(path.sep).join('/');
        const inWeb = norm.includes('/web/src/');
        const from = capabilityOf(file);
        if (!from && !inWeb) return {};
        return {
          ImportDeclaration(node) {
            const spec = node.source.value;
            if (typeof spec !== 'string' || !spec.startsWith('.')) return;
            const target = path.resolve(path.dirname(file), spec);
            // One contract: the web reads the server's response types from its Zod schema files, as types only
            // (erased from the bundle); nothing else of the server reaches the browser.
            if (inWeb && target.split(path.sep).join('/').includes('/server/')) {
              const typeOnly =
                node.importKind === 'type' ||
                (node.specifiers.length > 0 && node.specifiers.every((x) => x.importKind === 'type'));
              if (!typeOnly || !/\.schemas(\.js)?$/.test(spec))
                context.report({ node, messageId: 'contract', data: { target: spec } });
              return;
            }
            if (!from) return;
            const to = capabilityOf(target + (target.endsWith('/') ? '' : ''));
            if (!to || to.side !== from.side || to.name === from.name) return;
            if (from.side === 'web') {
              context.report({ node, messageId: 'feature', data: { from: from.name, to: to.name } });
            } else if (!SERVER_PUBLIC.test(target.split(path.sep).join('/'))) {
              context.report({
                node,
                messageId: 'internal',
                data: { from: from.name, to: to.name, target: spec },
              });
            }
          },
        };
      },
    },
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'server/db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { chidao: boundaries },
    rules: {
      'chidao/module-boundaries': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
);
