import { describe, expect, it } from 'vitest';
import { ISSUING_LAYOUTS, TYPE_ABBREVIATIONS, symbolFor } from './issuing-layouts.js';
import { numberingPeriod, suggestNoticeNumber, type RegisteredNotice } from './notice-numbering.js';

const { state, party } = ISSUING_LAYOUTS;
const PARTY_TB = symbolFor(party, TYPE_ABBREVIATIONS.thong_bao, 'BCĐ'); // TB/BCĐ
const STATE_TB = symbolFor(state, TYPE_ABBREVIATIONS.thong_bao, 'BCĐ'); // TB-BCĐ
const n = (numberSymbol: string, issuedOn: string): RegisteredNotice => ({ numberSymbol, issuedOn });

describe('a state committee: numbers run from 01/01 to 31/12 (Decree 30/2020/NĐ-CP, art. 15.1.a)', () => {
  it('suggests "01/TB-BCĐ" for its first notice, two digits as the register writes them', () => {
    expect(suggestNoticeNumber(state, STATE_TB, '2024-05-02', [])).toEqual({
      numberSymbol: '01/TB-BCĐ',
      number: 1,
      numbering: 'calendar_year',
      from: '2024-01-01',
      to: '2024-12-31',
      previous: null,
    });
  });

  it('suggests the next after the highest number of the year ("25/TB-BCĐ" → "26/TB-BCĐ"), in any order', () => {
    const issued = [n('07/TB-BCĐ', '2024-02-01'), n('25/TB-BCĐ', '2024-09-30'), n('3/TB-BCĐ', '2024-01-15')];
    const s = suggestNoticeNumber(state, STATE_TB, '2024-10-01', issued);
    expect(s.numberSymbol).toBe('26/TB-BCĐ');
    expect(s.previous).toEqual(n('25/TB-BCĐ', '2024-09-30'));
  });

  it('does not fill gaps, and counts a number already used later in the year (it is not free)', () => {
    const issued = [n('01/TB-BCĐ', '2024-01-10'), n('09/TB-BCĐ', '2024-11-20')];
    expect(suggestNoticeNumber(state, STATE_TB, '2024-03-01', issued).numberSymbol).toBe('10/TB-BCĐ');
  });

  it('starts again at 01 on 1 January: the last year’s numbers do not count', () => {
    const issued = [n('25/TB-BCĐ', '2024-12-31'), n('40/TB-BCĐ', '2023-06-01')];
    expect(suggestNoticeNumber(state, STATE_TB, '2025-01-01', issued).numberSymbol).toBe('01/TB-BCĐ');
    expect(suggestNoticeNumber(state, STATE_TB, '2024-12-31', issued).numberSymbol).toBe('26/TB-BCĐ');
    expect(suggestNoticeNumber(state, STATE_TB, '2023-02-01', issued).numberSymbol).toBe('41/TB-BCĐ');
  });

  it('skips other symbols, bare symbols and Party-style numbers; reads case and spaces loosely', () => {
    const issued = [
      n('30/TB-UBND', '2024-03-01'), // another body's
      n('31/KH-BCĐ', '2024-03-01'), // another type
      n('TB-BCĐ', '2024-03-01'), // number left blank
      n('32-TB/BCĐ', '2024-03-01'), // the Party form
      n(' 04 / tb-bcđ ', '2024-03-02'),
    ];
    const s = suggestNoticeNumber(state, STATE_TB, '2024-04-01', issued);
    expect(s.numberSymbol).toBe('05/TB-BCĐ');
    expect(s.previous).toEqual(n(' 04 / tb-bcđ ', '2024-03-02'));
  });

  it('goes on past 99 without padding more ("125/TB-BCĐ")', () => {
    expect(
      suggestNoticeNumber(state, STATE_TB, '2024-12-01', [n('124/TB-BCĐ', '2024-11-01')]).numberSymbol,
    ).toBe('125/TB-BCĐ');
  });
});

describe('a Party committee: numbers run within the Party term (Hướng dẫn 36-HD/VPTW, II.1.3.1.a)', () => {
  it('suggests "01-TB/BCĐ" for its first notice (no colon, a hyphen before the type, HD 36)', () => {
    expect(suggestNoticeNumber(party, PARTY_TB, '2024-05-02', [])).toEqual({
      numberSymbol: '01-TB/BCĐ',
      number: 1,
      numbering: 'party_term',
      from: null,
      to: null,
      previous: null,
    });
  });

  it('suggests the next after the highest ("25-TB/BCĐ" → "26-TB/BCĐ")', () => {
    const s = suggestNoticeNumber(party, PARTY_TB, '2023-04-01', [n('25-TB/BCĐ', '2023-03-24')]);
    expect(s.numberSymbol).toBe('26-TB/BCĐ');
    expect(s.previous).toEqual(n('25-TB/BCĐ', '2023-03-24'));
  });

  it('runs on across calendar years within the term (not from 01 each January)', () => {
    const issued = [n('25-TB/BCĐ', '2023-03-24'), n('26-TB/BCĐ', '2023-12-20')];
    expect(suggestNoticeNumber(party, PARTY_TB, '2024-01-05', issued).numberSymbol).toBe('27-TB/BCĐ');
  });

  it('takes a notice numbered 01 as the start of a new term: numbers before it do not count', () => {
    const issued = [
      n('25-TB/BCĐ', '2024-06-01'),
      n('30-TB/BCĐ', '2025-09-01'),
      n('01-TB/BCĐ', '2025-11-03'), // the new term's first notice
      n('02-TB/BCĐ', '2025-12-01'),
    ];
    const now = suggestNoticeNumber(party, PARTY_TB, '2026-01-15', issued);
    expect(now).toMatchObject({ numberSymbol: '03-TB/BCĐ', from: '2025-11-03', to: null });
    // A notice dated in the earlier term continues that term's numbers, which end the day before the new 01.
    const before = suggestNoticeNumber(party, PARTY_TB, '2025-10-01', issued);
    expect(before).toMatchObject({ numberSymbol: '31-TB/BCĐ', from: null, to: '2025-11-02' });
    // On the day of the new term's first notice the new term runs.
    expect(suggestNoticeNumber(party, PARTY_TB, '2025-11-03', issued).numberSymbol).toBe('03-TB/BCĐ');
  });

  it('skips state-style numbers and other symbols', () => {
    const issued = [n('45/TB-BCĐ', '2024-03-01'), n('12-KL/BCĐ', '2024-03-01'), n('07-TB/TU', '2024-03-01')];
    expect(suggestNoticeNumber(party, PARTY_TB, '2024-04-01', issued).numberSymbol).toBe('01-TB/BCĐ');
  });

  it('on a number registered twice, names the later notice as the previous one', () => {
    const issued = [n('05-TB/BCĐ', '2024-02-01'), n('05-TB/BCĐ', '2024-03-01')];
    const s = suggestNoticeNumber(party, PARTY_TB, '2024-04-01', issued);
    expect(s.numberSymbol).toBe('06-TB/BCĐ');
    expect(s.previous?.issuedOn).toBe('2024-03-01');
  });
});

describe('numberingPeriod', () => {
  it('is the calendar year of the date for the state layout, whatever was issued', () => {
    expect(numberingPeriod(state, '2024-02-29', [])).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(
      numberingPeriod(state, '2024-07-01', [
        { numberSymbol: '01/TB-BCĐ', issuedOn: '2024-06-01', number: 1 },
      ]),
    ).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('is bounded by the notices numbered 01 for the Party layout (the day before the next one, across months)', () => {
    const ones = [
      { numberSymbol: '01-TB/BCĐ', issuedOn: '2020-10-15', number: 1 },
      { numberSymbol: '01-TB/BCĐ', issuedOn: '2025-03-01', number: 1 },
    ];
    expect(numberingPeriod(party, '2022-01-01', ones)).toEqual({ from: '2020-10-15', to: '2025-02-28' });
    expect(numberingPeriod(party, '2020-10-14', ones)).toEqual({ from: null, to: '2020-10-14' });
    expect(numberingPeriod(party, '2025-03-01', ones)).toEqual({ from: '2025-03-01', to: null });
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => numberingPeriod(state, '15/10/2024', [])).toThrow(RangeError);
    expect(() => suggestNoticeNumber(party, PARTY_TB, '2024-1-5', [])).toThrow(RangeError);
  });
});
