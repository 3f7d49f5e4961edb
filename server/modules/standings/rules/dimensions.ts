/**
 * The national indices and their dimensions, as data (domain notes §4). Each index's methodology changes from time
 * to time, so its dimensions are **versions by year range**: the set in force for an index year is the version whose
 * range holds the year (the year the index measures, not the year it is published). A dimension's code is stable
 * across versions when the dimension is the same, so a trend crosses a change of methodology where it can.
 *
 * - PAR Index (Chỉ số CCHC) of a province: 8 fields, each published as a percentage of its points. QĐ 876/QĐ-BNV of
 *   10/11/2022 (index years 2022–2023); QĐ 892/QĐ-BNV of 5/12/2024 superseded it — its provincial structure is not
 *   confirmed in our sources ([?] in the domain notes), so the version from 2024 keeps the same 8 fields and is
 *   marked unconfirmed. A province changes the list (a new version) when the Ministry's published results differ.
 * - SIPAS (Chỉ số hài lòng về sự phục vụ hành chính): 5 elements per QĐ 2640/QĐ-BNV of 10/10/2017, in percent.
 * - PAPI (UNDP, CECODES; not governmental): 6 dimensions until 2017, 8 since 2018 (environmental governance and
 *   e-governance added), each scored 1–10; the overall is their sum.
 *
 * Pure: no I/O. Codes are what the database stores (`standing_results.dimension_code`, '' for the index as a whole).
 */

export const INDEX_CODES = ['par_index', 'sipas', 'papi'] as const;
export type IndexCode = (typeof INDEX_CODES)[number];

export type Bilingual = { vi: string; en: string };

/** The steering loop's reform area a dimension's improvement tasks fall in by default (`tasks` REFORM_AREAS). */
export type DefaultArea =
  | 'direction'
  | 'institutions'
  | 'procedures'
  | 'apparatus'
  | 'civil_service'
  | 'public_finance'
  | 'digital_government';

export type Dimension = {
  /** Stable code: lower-case letters and underscores. */
  code: string;
  name: Bilingual;
  /** The top of its scale (100 for a percentage, 10 for a PAPI dimension). */
  scaleMax: number;
  area: DefaultArea;
};

export type Methodology = {
  /** Stable key of the version (shown nowhere; the basis is). */
  key: string;
  index: IndexCode;
  /** Index years it applies to (inclusive; `toYear` null: until a later version). */
  fromYear: number;
  toYear: number | null;
  /** The legal or methodological basis as people cite it. */
  basis: Bilingual;
  /** False when the sources could not confirm the structure (shown as such). */
  confirmed: boolean;
  /** The overall value's scale. */
  overallMax: number;
  dimensions: readonly Dimension[];
};

export type IndexSpec = { code: IndexCode; name: Bilingual; shortName: Bilingual; publisher: Bilingual };

export const INDEX_SPECS: Readonly<Record<IndexCode, IndexSpec>> = {
  par_index: {
    code: 'par_index',
    name: {
      vi: 'Chỉ số cải cách hành chính (PAR Index)',
      en: 'Public Administration Reform Index (PAR Index)',
    },
    shortName: { vi: 'Chỉ số CCHC', en: 'PAR Index' },
    publisher: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' },
  },
  sipas: {
    code: 'sipas',
    name: {
      vi: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
      en: 'Satisfaction Index of Public Administrative Services (SIPAS)',
    },
    shortName: { vi: 'SIPAS', en: 'SIPAS' },
    publisher: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' },
  },
  papi: {
    code: 'papi',
    name: {
      vi: 'Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
      en: 'Provincial Governance and Public Administration Performance Index (PAPI)',
    },
    shortName: { vi: 'PAPI', en: 'PAPI' },
    publisher: { vi: 'UNDP, CECODES', en: 'UNDP, CECODES' },
  },
};

const PAR_FIELDS: readonly Dimension[] = [
  {
    code: 'direction',
    name: { vi: 'Công tác chỉ đạo, điều hành CCHC', en: 'Direction and management of PAR' },
    scaleMax: 100,
    area: 'direction',
  },
  {
    code: 'institutions',
    name: { vi: 'Cải cách thể chế', en: 'Institutional reform' },
    scaleMax: 100,
    area: 'institutions',
  },
  {
    code: 'procedures',
    name: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedure reform' },
    scaleMax: 100,
    area: 'procedures',
  },
  {
    code: 'apparatus',
    name: {
      vi: 'Cải cách tổ chức bộ máy hành chính nhà nước',
      en: 'Reform of the state administrative apparatus',
    },
    scaleMax: 100,
    area: 'apparatus',
  },
  {
    code: 'civil_service',
    name: { vi: 'Cải cách chế độ công vụ', en: 'Civil service reform' },
    scaleMax: 100,
    area: 'civil_service',
  },
  {
    code: 'public_finance',
    name: { vi: 'Cải cách tài chính công', en: 'Public finance reform' },
    scaleMax: 100,
    area: 'public_finance',
  },
  {
    code: 'digital_government',
    name: {
      vi: 'Xây dựng, phát triển Chính phủ điện tử, Chính phủ số',
      en: 'E-government and digital government',
    },
    scaleMax: 100,
    area: 'digital_government',
  },
  {
    code: 'impact',
    name: {
      vi: 'Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH',
      en: 'Impact of PAR on people, organisations and socio-economic development',
    },
    scaleMax: 100,
    area: 'direction',
  },
];

const SIPAS_ELEMENTS: readonly Dimension[] = [
  {
    code: 'access',
    name: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' },
    scaleMax: 100,
    area: 'procedures',
  },
  {
    code: 'procedure',
    name: { vi: 'Thủ tục hành chính', en: 'The administrative procedure' },
    scaleMax: 100,
    area: 'procedures',
  },
  {
    code: 'civil_servants',
    name: { vi: 'Công chức giải quyết công việc', en: 'The civil servants handling the matter' },
    scaleMax: 100,
    area: 'civil_service',
  },
  {
    code: 'result',
    name: { vi: 'Kết quả giải quyết công việc', en: 'The result of the service' },
    scaleMax: 100,
    area: 'procedures',
  },
  {
    code: 'feedback',
    name: {
      vi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
      en: 'Receiving and handling comments, feedback and petitions',
    },
    scaleMax: 100,
    area: 'procedures',
  },
];

const PAPI_SIX: readonly Dimension[] = [
  {
    code: 'participation',
    name: { vi: 'Tham gia của người dân ở cấp cơ sở', en: 'Participation at local levels' },
    scaleMax: 10,
    area: 'direction',
  },
  {
    code: 'transparency',
    name: {
      vi: 'Công khai, minh bạch trong việc ra quyết định ở địa phương',
      en: 'Transparency in local decision-making',
    },
    scaleMax: 10,
    area: 'direction',
  },
  {
    code: 'accountability',
    name: { vi: 'Trách nhiệm giải trình với người dân', en: 'Vertical accountability' },
    scaleMax: 10,
    area: 'civil_service',
  },
  {
    code: 'corruption_control',
    name: { vi: 'Kiểm soát tham nhũng trong khu vực công', en: 'Control of corruption in the public sector' },
    scaleMax: 10,
    area: 'civil_service',
  },
  {
    code: 'procedures',
    name: { vi: 'Thủ tục hành chính công', en: 'Public administrative procedures' },
    scaleMax: 10,
    area: 'procedures',
  },
  {
    code: 'public_services',
    name: { vi: 'Cung ứng dịch vụ công', en: 'Public service delivery' },
    scaleMax: 10,
    area: 'public_finance',
  },
];

const PAPI_EIGHT: readonly Dimension[] = [
  ...PAPI_SIX,
  {
    code: 'environment',
    name: { vi: 'Quản trị môi trường', en: 'Environmental governance' },
    scaleMax: 10,
    area: 'direction',
  },
  {
    code: 'e_governance',
    name: { vi: 'Quản trị điện tử', en: 'E-governance' },
    scaleMax: 10,
    area: 'digital_government',
  },
];

/** Every methodology version shipped, oldest first within an index. */
export const METHODOLOGIES: readonly Methodology[] = [
  {
    key: 'par_index-876',
    index: 'par_index',
    fromYear: 2022,
    toYear: 2023,
    basis: {
      vi: 'Quyết định 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ (8 lĩnh vực, 37 tiêu chí, 100 điểm)',
      en: 'Decision 876/QĐ-BNV of 10/11/2022, Ministry of Home Affairs (8 fields, 37 criteria, 100 points)',
    },
    confirmed: true,
    overallMax: 100,
    dimensions: PAR_FIELDS,
  },
  {
    key: 'par_index-892',
    index: 'par_index',
    fromYear: 2024,
    toYear: null,
    basis: {
      vi: 'Quyết định 892/QĐ-BNV ngày 05/12/2024 của Bộ Nội vụ (cơ cấu lĩnh vực chưa được xác nhận: tạm giữ 8 lĩnh vực như QĐ 876)',
      en: 'Decision 892/QĐ-BNV of 05/12/2024, Ministry of Home Affairs (structure not confirmed: the 8 fields of 876 kept for now)',
    },
    confirmed: false,
    overallMax: 100,
    dimensions: PAR_FIELDS,
  },
  {
    key: 'sipas-2640',
    index: 'sipas',
    fromYear: 2017,
    toYear: null,
    basis: {
      vi: 'Quyết định 2640/QĐ-BNV ngày 10/10/2017 của Bộ Nội vụ (5 yếu tố, 22 tiêu chí)',
      en: 'Decision 2640/QĐ-BNV of 10/10/2017, Ministry of Home Affairs (5 elements, 22 criteria)',
    },
    confirmed: true,
    overallMax: 100,
    dimensions: SIPAS_ELEMENTS,
  },
  {
    key: 'papi-6',
    index: 'papi',
    fromYear: 2011,
    toYear: 2017,
    basis: {
      vi: 'Báo cáo PAPI (UNDP, CECODES): 6 nội dung',
      en: 'PAPI report (UNDP, CECODES): 6 dimensions',
    },
    confirmed: true,
    overallMax: 60,
    dimensions: PAPI_SIX,
  },
  {
    key: 'papi-8',
    index: 'papi',
    fromYear: 2018,
    toYear: null,
    basis: {
      vi: 'Báo cáo PAPI (UNDP, CECODES): 8 nội dung từ năm 2018',
      en: 'PAPI report (UNDP, CECODES): 8 dimensions since 2018',
    },
    confirmed: true,
    overallMax: 80,
    dimensions: PAPI_EIGHT,
  },
];

/** The code of the index as a whole (its overall value). */
export const OVERALL = '';

/** The overall's name, as a dimension row shows it. */
export const OVERALL_NAME: Bilingual = { vi: 'Chỉ số chung', en: 'Overall' };

export const isIndexCode = (s: string): s is IndexCode => (INDEX_CODES as readonly string[]).includes(s);

/** The methodology version in force for an index year (null: none covers it). */
export function methodologyFor(
  index: IndexCode,
  year: number,
  versions: readonly Methodology[] = METHODOLOGIES,
): Methodology | null {
  return (
    versions.find(
      (m) => m.index === index && m.fromYear <= year && (m.toYear === null || year <= m.toYear),
    ) ?? null
  );
}

/** The dimensions of an index in a year (none when no version covers the year). */
export function dimensionsFor(
  index: IndexCode,
  year: number,
  versions: readonly Methodology[] = METHODOLOGIES,
): readonly Dimension[] {
  return methodologyFor(index, year, versions)?.dimensions ?? [];
}

/**
 * One dimension of an index in a year, or the overall (code ''), with its scale. The overall of a year no version
 * covers is still a result (a trend may start before the methodologies we know): its scale is that of the nearest
 * version. Null: the code is not a dimension of that year.
 */
export function dimensionFor(
  index: IndexCode,
  year: number,
  code: string,
  versions: readonly Methodology[] = METHODOLOGIES,
): (Omit<Dimension, 'area'> & { area: DefaultArea }) | null {
  const m = methodologyFor(index, year, versions);
  if (code === OVERALL) {
    const scale = m?.overallMax ?? nearest(index, year, versions)?.overallMax;
    return scale === undefined
      ? null
      : { code: OVERALL, name: OVERALL_NAME, scaleMax: scale, area: 'direction' };
  }
  return m?.dimensions.find((d) => d.code === code) ?? null;
}

function nearest(index: IndexCode, year: number, versions: readonly Methodology[]): Methodology | undefined {
  const own = versions.filter((m) => m.index === index);
  const distance = (m: Methodology) =>
    year < m.fromYear ? m.fromYear - year : m.toYear !== null && year > m.toYear ? year - m.toYear : 0;
  return own.toSorted((a, b) => distance(a) - distance(b))[0];
}

/**
 * The rows of an index over a span of years: the overall first, then every dimension of the versions in force in
 * those years, in their versions' order (a dimension present in several versions once, where it first appears).
 */
export function dimensionRows(
  index: IndexCode,
  fromYear: number,
  toYear: number,
  versions: readonly Methodology[] = METHODOLOGIES,
): Dimension[] {
  const overallMax = dimensionFor(index, toYear, OVERALL, versions)?.scaleMax ?? 100;
  const rows: Dimension[] = [{ code: OVERALL, name: OVERALL_NAME, scaleMax: overallMax, area: 'direction' }];
  const seen = new Set<string>([OVERALL]);
  for (let y = fromYear; y <= toYear; y++)
    for (const d of dimensionsFor(index, y, versions))
      if (!seen.has(d.code)) {
        seen.add(d.code);
        rows.push(d);
      }
  return rows;
}

/** Problems of a list of versions (none expected of the shipped list: a test holds it to that). */
export function methodologyProblems(versions: readonly Methodology[]): string[] {
  const problems: string[] = [];
  for (const index of INDEX_CODES) {
    const own = versions.filter((m) => m.index === index).toSorted((a, b) => a.fromYear - b.fromYear);
    if (!own.length) problems.push(`${index}: no version`);
    own.forEach((m, i) => {
      if (m.toYear !== null && m.toYear < m.fromYear) problems.push(`${m.key}: ends before it starts`);
      const next = own[i + 1];
      if (next && (m.toYear === null || m.toYear >= next.fromYear))
        problems.push(`${m.key}: overlaps ${next.key}`);
      const codes = m.dimensions.map((d) => d.code);
      if (new Set(codes).size !== codes.length) problems.push(`${m.key}: a code twice`);
      for (const d of m.dimensions) {
        if (!/^[a-z][a-z_]*$/.test(d.code)) problems.push(`${m.key}: bad code ${d.code}`);
        if (!(d.scaleMax > 0)) problems.push(`${m.key}: ${d.code} has no scale`);
        if (!d.name.vi.trim() || !d.name.en.trim()) problems.push(`${m.key}: ${d.code} unnamed`);
      }
      if (!(m.overallMax > 0)) problems.push(`${m.key}: no overall scale`);
    });
  }
  return problems;
}
