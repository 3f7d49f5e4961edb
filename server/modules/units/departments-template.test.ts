import { describe, expect, it } from 'vitest';
import {
  departmentCode,
  fillName,
  loadDepartmentsTemplate,
  normaliseName,
  templateProblems,
  type DepartmentsTemplate,
} from './departments-template.js';

// The shipped template: Decree 24/2014/NĐ-CP (amended by 107/2020/NĐ-CP) before 1/3/2025, Decree
// 45/2025/NĐ-CP from then (server/data/departments/README.md).
const template = loadDepartmentsTemplate();
const unit = (key: string) => template.units.find((u) => u.key === key)!;
const copy = (): DepartmentsTemplate => structuredClone(template);

describe('the shipped departments template', () => {
  it('is valid: every event fits its kind, predecessors end the day before, codes never overlap', () => {
    expect(templateProblems(template)).toEqual([]);
  });

  it('holds the standard set before 1/3/2025 (Decree 24/2014/NĐ-CP)', () => {
    const before = template.units.filter((u) => u.from === null && !u.optional && u.kind === 'department');
    expect(before.map((u) => u.name)).toEqual(
      expect.arrayContaining([
        'Văn phòng UBND {cap}',
        'Sở Nội vụ',
        'Sở Tư pháp',
        'Sở Kế hoạch và Đầu tư',
        'Sở Tài chính',
        'Sở Công Thương',
        'Sở Nông nghiệp và Phát triển nông thôn',
        'Sở Giao thông vận tải',
        'Sở Xây dựng',
        'Sở Tài nguyên và Môi trường',
        'Sở Thông tin và Truyền thông',
        'Sở Lao động - Thương binh và Xã hội',
        'Sở Văn hóa, Thể thao và Du lịch',
        'Sở Khoa học và Công nghệ',
        'Sở Giáo dục và Đào tạo',
        'Sở Y tế',
        'Thanh tra {cap}',
      ]),
    );
    expect(before).toHaveLength(17);
  });

  it('holds the twelve standard agencies from 1/3/2025 (Decree 45/2025/NĐ-CP; domain notes §1)', () => {
    const after = template.units.filter(
      (u) => !u.optional && u.kind === 'department' && u.to === null && (u.from ?? '') <= '2025-03-01',
    );
    expect(after.map((u) => u.key).sort()).toEqual(
      [
        'SCT',
        'SGDDT',
        'SKHCN',
        'SNNMT',
        'SNV',
        'STC',
        'STP',
        'SVHTTDL',
        'SXD',
        'SYT',
        'TTR',
        'VPUBND',
      ].sort(),
    );
  });

  it('records the 2025 reorganisation as dated events citing Decree 45/2025/NĐ-CP', () => {
    for (const e of template.events) {
      expect(e.date).toBe('2025-03-01');
      expect(template.sources[e.basis]).toMatch(/^Nghị định 45\/2025\/NĐ-CP ngày 28\/02\/2025/);
      expect(e.note.length).toBeGreaterThan(20);
    }
    const shape = template.events.map((e) =>
      e.kind === 'rename'
        ? `rename ${e.unit}→${e.to.key}`
        : `${e.kind} ${e.from.join('+')}→${e.to.join('+')}`,
    );
    expect(shape).toEqual([
      'absorb SKHDT→STC',
      'merge STNMT+SNNPTNT→SNNMT',
      'absorb SGTVT→SXD',
      'absorb STTTT→SKHCN',
      'split SLDTBXH→SNV+SYT+SGDDT',
      'rename BDT→SDTTG',
    ]);
    // The merged departments end on the last day before; the continuing ones keep their code and go on.
    for (const k of ['SKHDT', 'STNMT', 'SNNPTNT', 'SGTVT', 'STTTT', 'SLDTBXH'])
      expect(unit(k).to).toBe('2025-02-28');
    for (const k of ['STC', 'SXD', 'SKHCN', 'SNV', 'SYT', 'SGDDT'])
      expect(unit(k)).toMatchObject({ from: null, to: null });
    expect(unit('SNNMT').from).toBe('2025-03-01');
  });

  it('every unit cites a source; party and mass organisations are there', () => {
    for (const u of template.units) for (const b of u.basis) expect(template.sources[b]).toBeTruthy();
    expect(template.units.filter((u) => u.kind === 'party_body').map((u) => u.key)).toEqual(['TU', 'VPTU']);
    expect(unit('MTTQ')).toMatchObject({ kind: 'mass_organisation', optional: false });
    expect(unit('BQLKKT')).toMatchObject({ kind: 'management_board', optional: true, matchPrefix: true });
  });
});

describe('template checks', () => {
  it('catch a predecessor that does not end the day before, and an unknown unit', () => {
    const t = copy();
    t.units.find((u) => u.key === 'SKHDT')!.to = null;
    const e = t.events[0]!;
    if (e.kind !== 'rename') e.to = ['NOPE'];
    expect(templateProblems(t)).toEqual(
      expect.arrayContaining([
        'absorb 2025-03-01: predecessor SKHDT must end on 2025-02-28',
        'absorb 2025-03-01: unknown successor NOPE',
      ]),
    );
  });

  it('catch a merge whose new unit does not start on its date, and a code used twice at once', () => {
    const t = copy();
    t.units.find((u) => u.key === 'SNNMT')!.from = null;
    const rename = t.events.find((e) => e.kind === 'rename')!;
    if (rename.kind === 'rename') rename.to.key = 'SNV';
    expect(templateProblems(t)).toEqual(
      expect.arrayContaining([
        'merge 2025-03-01: the new unit SNNMT must start on 2025-03-01',
        'code SNV used by SNV and BDT at the same time',
      ]),
    );
  });

  it('catch an event without a source or note, and a merge with one predecessor', () => {
    const t = copy();
    const merge = t.events[1]!;
    if (merge.kind === 'merge') merge.from = ['STNMT'];
    t.events[0]!.basis = 'nd99';
    t.events[2]!.note = ' ';
    const problems = templateProblems(t);
    expect(problems).toContain('event absorb 2025-03-01: unknown source nd99');
    expect(problems).toContain('event absorb 2025-03-01: no note');
    expect(problems.some((p) => p.startsWith('merge 2025-03-01: needs at least two predecessors'))).toBe(
      true,
    );
  });
});

describe('names and codes', () => {
  const ngheAn = { code: '40', name: 'Nghệ An', fullName: 'UBND tỉnh Nghệ An' };
  const haNoi = { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội' };

  it('fill the province: tỉnh or thành phố', () => {
    expect(fillName('Văn phòng UBND {cap} {province}', ngheAn)).toBe('Văn phòng UBND tỉnh Nghệ An');
    expect(fillName('{Short} ủy {province}', ngheAn)).toBe('Tỉnh ủy Nghệ An');
    expect(fillName('{Short} ủy {province}', haNoi)).toBe('Thành ủy Hà Nội');
    expect(fillName('Sở Nội vụ {cap} {province}', haNoi)).toBe('Sở Nội vụ thành phố Hà Nội');
  });

  it('codes are <province>-<key>', () => {
    expect(departmentCode('40', 'SNV')).toBe('40-SNV');
  });

  it('compare names without accents, case, punctuation or "&"', () => {
    expect(normaliseName('Sở Văn hoá, Thể thao và Du lịch')).toBe(
      normaliseName('Sở Văn hóa, Thể thao và Du lịch'),
    );
    expect(normaliseName('Sở LĐ-TB&XH')).toBe('so ld tb va xh');
    expect(normaliseName('Uỷ ban MTTQ')).toBe(normaliseName('Ủy ban MTTQ'));
    expect(normaliseName('Sở Lao động, Thương binh và Xã hội')).toBe(
      normaliseName('Sở Lao động - Thương binh và Xã hội'),
    );
  });
});
