import { describe, expect, it } from 'vitest';
import {
  duplicateScore,
  foldVietnamese,
  haversineMetres,
  similarity,
  suggestDuplicates,
  type DuplicateCase,
} from './duplicates.js';

const kase = (id: string, text: string, more: Partial<DuplicateCase> = {}): DuplicateCase => ({
  id,
  text,
  unitId: 'p-ben-thanh',
  category: 'giao_thong',
  lat: null,
  lng: null,
  address: null,
  receivedOn: '2026-03-10',
  ...more,
});

const FLOOD = 'Đường Lê Lợi bị ngập nặng sau cơn mưa chiều nay, xe máy chết máy hàng loạt';
const FLOOD_UNACCENTED = 'duong le loi ngap nuoc sau mua';
const LAND = 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất quá chậm';
const POTHOLE = 'Đường Lê Lợi có ổ gà lớn trước số nhà 45';
const LIGHT =
  'Kính gửi UBND phường Bến Thành, tôi xin phản ánh đèn đường trên đường Trần Phú bị hỏng 3 ngày nay';
const LIGHT_AGAIN = 'Đèn chiếu sáng đường Trần Phú không sáng nhiều ngày';
const CLERK =
  'Kính gửi UBND phường Bến Thành, tôi xin phản ánh cán bộ một cửa thái độ không đúng mực khi tôi nộp hồ sơ';
const WASTE = 'Rác thải tập kết tại ngõ 12 Nguyễn Trãi bốc mùi hôi thối';
const WASTE_AGAIN = 'rac thai o ngo 12 nguyen trai boc mui';

describe('foldVietnamese', () => {
  it('lowercases, strips every diacritic (đ → d) and collapses punctuation and spaces', () => {
    expect(foldVietnamese('Đường Lê Lợi bị ngập!!')).toBe('duong le loi bi ngap');
    expect(foldVietnamese('  Ủy ban   nhân dân — phường Bến Thành… ')).toBe(
      'uy ban nhan dan phuong ben thanh',
    );
    expect(foldVietnamese('ĐẶNG THỊ ƯỚC, Quận 1; TP.HCM')).toBe('dang thi uoc quan 1 tp hcm');
    expect(foldVietnamese('Người dân phản ánh: “ngập” (30cm)')).toBe('nguoi dan phan anh ngap 30cm');
  });
  it('folds decomposed text (NFD, as some keyboards type it) like composed text', () => {
    const decomposed = 'Đường Lê Lợi bị ngập'.normalize('NFD');
    expect(decomposed).not.toBe('Đường Lê Lợi bị ngập');
    expect(foldVietnamese(decomposed)).toBe('duong le loi bi ngap');
  });
  it('keeps letters of other scripts and digits', () => {
    expect(foldVietnamese('Số 12/3A, ngõ 45')).toBe('so 12 3a ngo 45');
    expect(foldVietnamese('')).toBe('');
  });
});

describe('similarity', () => {
  it('finds the same problem with and without accents: "Đường Lê Lợi bị ngập" vs "duong le loi ngap nuoc sau mua"', () => {
    expect(similarity('Đường Lê Lợi bị ngập', FLOOD_UNACCENTED)).toBeGreaterThan(0.6);
    expect(similarity(FLOOD, FLOOD_UNACCENTED)).toBeGreaterThan(0.4);
    expect(similarity(WASTE, WASTE_AGAIN)).toBeGreaterThan(0.6);
    expect(similarity(LIGHT, LIGHT_AGAIN)).toBeGreaterThan(0.4);
  });
  it('scores unrelated texts low', () => {
    expect(similarity(FLOOD, LAND)).toBeLessThan(0.15);
    expect(similarity(WASTE, 'Đường Nguyễn Trãi có ổ gà lớn gây nguy hiểm')).toBeLessThan(0.25);
    expect(
      similarity(
        'Cán bộ bộ phận một cửa yêu cầu nộp thêm giấy tờ không có trong quy định',
        'Hồ sơ cấp phép xây dựng bị trễ hẹn 2 tuần',
      ),
    ).toBeLessThan(0.15);
  });
  it('ignores the addressee and the formulas every letter has', () => {
    expect(similarity(LIGHT, CLERK)).toBeLessThan(0.15);
    expect(similarity('Kính gửi Sở Xây dựng, tôi xin phản ánh: ' + FLOOD, FLOOD)).toBe(1);
  });
  it('is 1 for the same words, whatever the accents, case and punctuation; symmetric; 0 when nothing is left', () => {
    expect(similarity(FLOOD, foldVietnamese(FLOOD).toUpperCase())).toBe(1);
    expect(similarity(FLOOD, LAND)).toBe(similarity(LAND, FLOOD));
    expect(similarity('', FLOOD)).toBe(0);
    expect(similarity('và của những', 'và của những')).toBe(0);
    expect(similarity('ngập', 'ngap')).toBe(1);
  });
});

describe('haversineMetres', () => {
  it('measures great-circle distances', () => {
    // Nhà hát Thành phố → Chợ Bến Thành (Hồ Chí Minh City): about 720 m.
    const d = haversineMetres({ lat: 10.7766, lng: 106.7031 }, { lat: 10.7725, lng: 106.698 });
    expect(d).toBeGreaterThan(650);
    expect(d).toBeLessThan(800);
    expect(haversineMetres({ lat: 21.0285, lng: 105.8542 }, { lat: 21.0285, lng: 105.8542 })).toBe(0);
    // Hà Nội → Hồ Chí Minh City: about 1,140 km.
    const far = haversineMetres({ lat: 21.0285, lng: 105.8542 }, { lat: 10.7769, lng: 106.7009 });
    expect(far / 1000).toBeGreaterThan(1130);
    expect(far / 1000).toBeLessThan(1150);
  });
});

describe('duplicateScore', () => {
  const subject = kase('new', FLOOD, { lat: 10.7725, lng: 106.698 });

  it('the same problem nearby, same unit and category: high, with every reason', () => {
    const s = duplicateScore(subject, kase('a', FLOOD_UNACCENTED, { lat: 10.7729, lng: 106.6985 }));
    expect(s.score).toBeGreaterThan(0.7);
    expect(s.reasons).toEqual(['text', 'unit', 'category', 'place']);
    expect(s.distanceMetres).toBeGreaterThan(50);
    expect(s.distanceMetres).toBeLessThan(100);
  });
  it('the same problem with no context: the text alone', () => {
    const s = duplicateScore(subject, kase('e', FLOOD_UNACCENTED, { unitId: null, category: null }));
    expect(s.score).toBe(s.text);
    expect(s.reasons).toEqual(['text']);
    expect(s.distanceMetres).toBeNull();
  });
  it('another problem of the same street, unit and category stays below the default threshold', () => {
    const s = duplicateScore(subject, kase('b', POTHOLE, { lat: 10.7727, lng: 106.6982 }));
    expect(s.reasons).toEqual(['unit', 'category', 'place']);
    expect(s.score).toBeLessThan(0.35);
  });
  it('an unrelated case scores its low text similarity whatever the context', () => {
    const s = duplicateScore(subject, kase('c', LAND, { lat: 10.7725, lng: 106.698 }));
    expect(s.score).toBe(s.text);
    expect(s.score).toBeLessThan(0.15);
    expect(s.reasons).toEqual(['unit', 'category', 'place']);
  });
  it('the place counts fully within 100 m, in proportion up to 1 km, not beyond', () => {
    const at = (lat: number) =>
      duplicateScore(
        subject,
        kase('x', FLOOD_UNACCENTED, { unitId: null, category: null, lat, lng: 106.698 }),
      );
    const near = at(10.7725 + 0.0008); // ~89 m
    const middle = at(10.7725 + 0.004); // ~445 m
    const far = at(10.7725 + 0.01); // ~1.1 km
    expect(near.reasons).toContain('place');
    expect(middle.reasons).toContain('place');
    expect(far.reasons).not.toContain('place');
    expect(near.score).toBeGreaterThan(middle.score);
    expect(middle.score).toBeGreaterThan(far.score);
    expect(far.score).toBe(far.text);
  });
  it('without coordinates on both sides, compares the addresses without "đường", "phường"…', () => {
    const a = kase('n', FLOOD, {
      unitId: null,
      category: null,
      address: '123 Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh',
    });
    const b = kase('o', FLOOD_UNACCENTED, {
      unitId: null,
      category: null,
      address: 'duong Le Loi, P. Ben Thanh',
      lat: 10.7,
      lng: 106.7,
    });
    const elsewhere = kase('p', FLOOD_UNACCENTED, {
      unitId: null,
      category: null,
      address: 'Đường Nguyễn Huệ, Quận 1',
    });
    expect(duplicateScore(a, b).reasons).toEqual(['text', 'place']);
    expect(duplicateScore(a, b).distanceMetres).toBeNull();
    expect(duplicateScore(a, elsewhere).reasons).toEqual(['text']);
    expect(duplicateScore(a, b).score).toBeGreaterThan(duplicateScore(a, elsewhere).score);
  });
  it('older cases weigh less: full for 30 days, half from 180 days', () => {
    const at = (receivedOn: string) =>
      duplicateScore(subject, kase('r', FLOOD_UNACCENTED, { unitId: null, category: null, receivedOn }))
        .score;
    const text = similarity(FLOOD, FLOOD_UNACCENTED);
    expect(at('2026-02-08')).toBeCloseTo(text, 10); // 30 days before
    expect(at('2026-04-09')).toBeCloseTo(text, 10); // 30 days after
    expect(at('2025-12-10')).toBeCloseTo(text * 0.8, 10); // 90 days
    expect(at('2025-09-11')).toBeCloseTo(text * 0.5, 10); // 180 days
    expect(at('2024-03-10')).toBeCloseTo(text * 0.5, 10);
  });
  it('the same unit or category alone is a reason but not a place; unknown units never match', () => {
    const a = kase('u1', FLOOD, { unitId: null, category: null });
    const b = kase('u2', FLOOD_UNACCENTED, { unitId: null, category: null });
    expect(duplicateScore(a, b).reasons).toEqual(['text']);
    expect(
      duplicateScore(kase('u3', FLOOD), kase('u4', FLOOD_UNACCENTED, { category: 'moi_truong' })).reasons,
    ).toEqual(['text', 'unit']);
  });
});

describe('suggestDuplicates', () => {
  const subject = kase('new', FLOOD, { lat: 10.7725, lng: 106.698 });
  const candidates = [
    kase('new', FLOOD, { lat: 10.7725, lng: 106.698 }),
    kase('pothole', POTHOLE, { lat: 10.7727, lng: 106.6982 }),
    kase('flood-nearby', FLOOD_UNACCENTED, { lat: 10.7729, lng: 106.6985, receivedOn: '2026-03-09' }),
    kase('land', LAND, { unitId: 'x', category: 'dat_dai' }),
    kase('flood-old', FLOOD_UNACCENTED, {
      unitId: 'other',
      category: 'moi_truong',
      receivedOn: '2025-06-01',
    }),
    kase('flood-elsewhere', FLOOD_UNACCENTED, { unitId: null, category: null }),
    kase('waste', WASTE),
  ];

  it('returns the likely duplicates best first with their reasons, never the case itself', () => {
    const found = suggestDuplicates(subject, candidates);
    expect(found.map((s) => s.id)).toEqual(['flood-nearby', 'flood-elsewhere']);
    expect(found[0]!.reasons).toEqual(['text', 'unit', 'category', 'place']);
    expect(found[1]!.reasons).toEqual(['text']);
  });
  it('takes the threshold and limit given', () => {
    expect(suggestDuplicates(subject, candidates, { threshold: 0, limit: 10 })).toHaveLength(6);
    expect(suggestDuplicates(subject, candidates, { threshold: 0 })).toHaveLength(5); // the default limit
    expect(suggestDuplicates(subject, candidates, { threshold: 0.2 }).map((s) => s.id)).toEqual([
      'flood-nearby',
      'flood-elsewhere',
      'pothole',
      'flood-old',
    ]);
    expect(suggestDuplicates(subject, candidates, { threshold: 0, limit: 1 }).map((s) => s.id)).toEqual([
      'flood-nearby',
    ]);
    expect(suggestDuplicates(subject, candidates, { limit: 0 })).toEqual([]);
    expect(suggestDuplicates(subject, [])).toEqual([]);
  });
  it('breaks ties by the most recent, then by id', () => {
    const same = (id: string, receivedOn: string) =>
      kase(id, FLOOD_UNACCENTED, { unitId: null, category: null, receivedOn });
    const found = suggestDuplicates(subject, [
      same('b', '2026-03-01'),
      same('c', '2026-03-05'),
      same('a', '2026-03-01'),
    ]);
    expect(found.map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });
});
