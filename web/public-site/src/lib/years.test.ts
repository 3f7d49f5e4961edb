import { describe, expect, it } from 'vitest';
import { chooseYear, sortYears } from './years';

describe('the year a page shows', () => {
  it('is the newest published one without a year in the address', () => {
    expect(chooseYear(null, [2024, 2026, 2025])).toEqual({ kind: 'year', year: 2026 });
    expect(chooseYear(null, [])).toEqual({ kind: 'none' });
    expect(chooseYear(null, null)).toEqual({ kind: 'waiting' });
  });

  it('is the year of the address when published, else says so', () => {
    expect(chooseYear(2025, [2024, 2025])).toEqual({ kind: 'year', year: 2025 });
    expect(chooseYear(2023, [2024, 2025])).toEqual({ kind: 'unpublished', year: 2023 });
    // Before the published years are known, the address is trusted (the server answers for it).
    expect(chooseYear(2023, undefined)).toEqual({ kind: 'year', year: 2023 });
  });

  it('lists years newest first, each once', () => {
    expect(sortYears([2024, 2026, 2024, 2025])).toEqual([2026, 2025, 2024]);
  });
});
