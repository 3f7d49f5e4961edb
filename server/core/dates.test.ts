import { describe, expect, it } from 'vitest';
import { todayInVietnam } from './dates.js';

describe('today in Vietnam (UTC+7)', () => {
  it('is already the next day at 01:00 in Hà Nội while UTC is still on the previous one', () => {
    expect(todayInVietnam(new Date('2026-02-16T18:30:00Z'))).toBe('2026-02-17');
  });
  it('is the same day in the afternoon', () => {
    expect(todayInVietnam(new Date('2026-02-17T09:00:00Z'))).toBe('2026-02-17');
  });
});
