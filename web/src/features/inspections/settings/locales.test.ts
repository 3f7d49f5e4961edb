import { describe, expect, it } from 'vitest';
import vi from './locales/vi.json';

// Both languages of every text are checked by server/web-texts.test.ts.
describe('the inspection settings page’s texts', () => {
  it('name every rule, its unit and its section', () => {
    const rules = vi.inspectionSettings.rules;
    for (const field of Object.keys(rules.hints)) expect(rules.labels).toHaveProperty(field);
    expect(Object.keys(rules.units).sort()).toEqual(Object.keys(rules.values).sort());
  });
});
