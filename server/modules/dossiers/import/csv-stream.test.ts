import { describe, expect, it } from 'vitest';
import { csvRecords } from './csv-stream.js';

async function parse(chunks: (string | Buffer)[], delimiter = ',') {
  const out: string[][] = [];
  async function* source() {
    for (const c of chunks) yield c;
  }
  for await (const r of csvRecords(source(), delimiter)) out.push(r.cells);
  return out;
}

describe('streaming CSV reader (RFC 4180)', () => {
  it('reads plain, quoted and escaped fields with CRLF or LF', async () => {
    expect(await parse(['a,b,c\r\n1,"x, y","say ""hi"""\n2,,3'])).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', '', '3'],
    ]);
  });
  it('keeps line breaks inside quotes and ignores a trailing newline', async () => {
    expect(await parse(['"line 1\nline 2",b\n'])).toEqual([['line 1\nline 2', 'b']]);
  });
  it('survives any chunk boundary, also inside a multi-byte character or an escaped quote', async () => {
    const text = 'Mã hồ sơ;Trạng thái\nHS-1;"Đã ""trả"" kết quả"\n';
    const bytes = Buffer.from('\ufeff' + text, 'utf8');
    const whole = await parse([bytes], ';');
    expect(whole).toEqual([
      ['Mã hồ sơ', 'Trạng thái'],
      ['HS-1', 'Đã "trả" kết quả'],
    ]);
    for (let cut = 1; cut < bytes.length; cut++)
      expect(await parse([bytes.subarray(0, cut), bytes.subarray(cut)], ';')).toEqual(whole);
  });
  it('numbers records from 1 (the header)', async () => {
    const rows: number[] = [];
    async function* source() {
      yield 'h\n1\n2\n';
    }
    for await (const r of csvRecords(source())) rows.push(r.row);
    expect(rows).toEqual([1, 2, 3]);
  });
});
