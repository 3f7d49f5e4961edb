/**
 * One contract (issue 11, decision 0004): the web declares no API response shape by hand. Every type argument
 * of an API call in `web/src` (`api.get<T>(…)`, `api.post<T>(…)`, …) is a name — no inline `{ … }` shape —
 * and that name comes, type-only, from a server `*.schemas` file: imported (or re-exported) from one, or an
 * alias in the same file of such a name (`Plan['tasks'][number]`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const web = path.resolve(import.meta.dirname, '../web/src');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });

/** Names a file takes from the server's schema files, and names it derives from those. */
function schemaNames(text: string): Set<string> {
  const names = new Set<string>();
  const importOrExport = /(?:import|export) type \{([^}]*)\} from '[^']*\.schemas'/g;
  for (const m of text.matchAll(importOrExport))
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  // Local names imported from the web's own api modules keep their origin (checked in those files).
  for (const m of text.matchAll(
    /import (?:type )?\{([^}]*)\} from '(\.{1,2}\/[^']*(?:api|types|work)[^']*)'/g,
  ))
    for (const part of m[1]!.split(',')) {
      const name = part
        .replace(/^\s*type\s+/, '')
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  let grew = true;
  while (grew) {
    grew = false;
    for (const m of text.matchAll(/(?:export )?type (\w+)(?:<[^>]*>)? =\s*([\w.]+)/g)) {
      const root = m[2]!.split(/[.[<]/)[0]!;
      if (names.has(root) && !names.has(m[1]!)) {
        names.add(m[1]!);
        grew = true;
      }
    }
  }
  return names;
}

describe('the web takes response types from the server schemas', () => {
  it('no API call in the web names an inline or hand-written response shape', () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const file of sources(web)) {
      const text = fs.readFileSync(file, 'utf8');
      const names = schemaNames(text);
      for (const m of text.matchAll(/\bapi\.(get|post|put|patch|delete|upload)<([^(]*?)>\(/g)) {
        calls++;
        const arg = m[2]!.trim();
        const root = arg.split(/[.[<\s|]/)[0]!;
        if (arg.startsWith('{') || (root !== 'void' && root !== 'null' && !names.has(root)))
          wrong.push(`${path.relative(web, file)}: api.${m[1]}<${arg}>`);
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(100);
  });
});
