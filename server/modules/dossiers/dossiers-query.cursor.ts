/**
 * The keyset cursor of the dossier list (`/dossiers/list`): the last row's receipt time and code, as
 * base64url JSON. Apart from the pure rules (dossiers-query.rules.ts) because it needs Node's Buffer, and
 * the web type-checks the rules through the schemas.
 */
export type Cursor = { receivedAt: string; code: string };

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.receivedAt, c.code]), 'utf8').toString('base64url');

/** The cursor, or null when it is not one this module made. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [receivedAt, code] = v as unknown[];
    if (typeof receivedAt !== 'string' || typeof code !== 'string') return null;
    if (Number.isNaN(new Date(receivedAt).getTime())) return null;
    return { receivedAt, code };
  } catch {
    return null;
  }
}
