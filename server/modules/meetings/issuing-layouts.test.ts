import { describe, expect, it } from 'vitest';
import {
  ISSUING_LAYOUTS,
  TYPE_ABBREVIATIONS,
  formatNumberSymbol,
  numberLineOf,
  parseNumberSymbol,
  symbolFor,
} from './issuing-layouts.js';

const { state, party } = ISSUING_LAYOUTS;

describe('the state layout (Decree 30/2020/NĐ-CP, Appendix I)', () => {
  it('composes "25/TB-BCĐ" and prints "Số: 25/TB-BCĐ", numbers below 10 with a leading 0', () => {
    const symbol = symbolFor(state, TYPE_ABBREVIATIONS.thong_bao, 'BCĐ');
    expect(symbol).toBe('TB-BCĐ');
    expect(formatNumberSymbol(state, 25, symbol)).toBe('25/TB-BCĐ');
    expect(numberLineOf(state, 5, symbol)).toBe('Số: 05/TB-BCĐ');
    expect(numberLineOf(state, null, symbol)).toBe('Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/TB-BCĐ');
  });
  it('reads its own numbers and bare symbols, and refuses a Party number', () => {
    expect(parseNumberSymbol(state, '25/TB-BCĐ')).toEqual({ number: 25, symbol: 'TB-BCĐ' });
    expect(parseNumberSymbol(state, ' 07 / TB-VPUB ')).toEqual({ number: 7, symbol: 'TB-VPUB' });
    expect(parseNumberSymbol(state, 'TB-BCĐ')).toEqual({ number: null, symbol: 'TB-BCĐ' });
    expect(parseNumberSymbol(state, '01-TB/BCĐ')).toBeNull();
  });
  it('heads with the national motto and slogan, signs "TM.", numbers by calendar year', () => {
    expect(state.heading.map((h) => h.text)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
    expect(state.onBehalf).toBe('TM.');
    expect(state.numberingRestarts).toBe('calendar_year');
  });
});

describe('the Party layout (Quy định 66-QĐ/TW 2017, Hướng dẫn 36-HD/VPTW of 03/4/2018)', () => {
  it('composes "01-TB/BCĐ" and prints "Số 01-TB/BCĐ" (no colon)', () => {
    const symbol = symbolFor(party, TYPE_ABBREVIATIONS.thong_bao, 'BCĐ');
    expect(symbol).toBe('TB/BCĐ');
    expect(formatNumberSymbol(party, 1, symbol)).toBe('01-TB/BCĐ');
    expect(numberLineOf(party, 1, symbol)).toBe('Số 01-TB/BCĐ');
    expect(numberLineOf(party, 127, 'QĐ/TW')).toBe('Số 127-QĐ/TW');
  });
  it('reads Party numbers ("1830-QĐ/TU", "01-TB/BCĐ") and refuses a state one', () => {
    expect(parseNumberSymbol(party, '1830-QĐ/TU')).toEqual({ number: 1830, symbol: 'QĐ/TU' });
    expect(parseNumberSymbol(party, '01-TB/BCĐ')).toEqual({ number: 1, symbol: 'TB/BCĐ' });
    expect(parseNumberSymbol(party, 'TB/BCĐ')).toEqual({ number: null, symbol: 'TB/BCĐ' });
    expect(parseNumberSymbol(party, '25/TB-BCĐ')).toBeNull();
  });
  it('heads "ĐẢNG CỘNG SẢN VIỆT NAM" (15 pt), a star under the issuer, signs "T/M", numbers by Party term', () => {
    expect(party.heading).toEqual([{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', size: 15 }]);
    expect(party.issuerMark).toBe('star');
    expect(party.onBehalf).toBe('T/M');
    expect(party.numberingRestarts).toBe('party_term');
  });
});
