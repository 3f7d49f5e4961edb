export type Messages = { [key: string]: string | Messages };

/**
 * One language's texts: the shell's and the shared components' (`web/src/locales/<lang>.json`) and each feature's own
 * (`web/src/features/<name>/locales/<lang>.json`, or a sub-folder's own `locales/`, found by the build — a new feature
 * adds its files, nothing here). Features may add entries to shared sections (their `nav` labels): merged key by key;
 * a text declared twice is an error.
 */
export function merged(base: Messages, parts: Record<string, { default: Messages }>): Messages {
  const out: Messages = structuredClone(base);
  const into = (target: Messages, add: Messages, where: string) => {
    for (const [key, value] of Object.entries(add)) {
      const current = target[key];
      if (typeof value === 'object' && (current === undefined || typeof current === 'object'))
        into((target[key] ??= {}) as Messages, value, `${where}${key}.`);
      else if (current !== undefined) throw new Error(`text ${where}${key} is declared twice`);
      else target[key] = value;
    }
  };
  for (const part of Object.values(parts)) into(out, part.default, '');
  return out;
}
