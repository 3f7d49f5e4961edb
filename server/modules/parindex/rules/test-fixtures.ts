/**
 * The toy framework of this folder's tests: small enough to score by hand, with every kind of item.
 *
 *   1  Công tác chỉ đạo, điều hành CCHC                       40
 *      1.1  Kế hoạch CCHC                                      20
 *           1.1.1  Ban hành kế hoạch CCHC năm      self        10
 *           1.1.2  Hoàn thành nhiệm vụ đúng hạn    computed    10   plans.tasks_on_time, linear
 *      1.2  Báo cáo CCHC                            self        20   (scored directly)
 *   2  Cải cách thủ tục hành chính                             30
 *      2.1  Giải quyết hồ sơ                                   30
 *           2.1.1  Công khai TTHC                  self        15   step 0.5
 *           2.1.2  Hồ sơ giải quyết đúng hạn       computed    15   dossiers.on_time, bands ≥95% all, ≥80% half
 *   3  Tác động của CCHC                                       30
 *      3.1  Mức độ hài lòng                         survey      30   (scored directly)
 *   B1 Sáng kiến cap 2, B2 Giải thưởng cap 2 — bonus total capped at 3
 *   P1 Chậm báo cáo cap 3, P2 Vi phạm kỷ luật cap 3 — penalty total capped at 4
 *
 * Maximum 100, of which 30 from the survey (non-survey maximum 70).
 */
import type { FrameworkTree, GradeBand, Text } from './framework-types.js';

export const t = (vi: string, en = ''): Text => ({ vi, en });

export function toyTree(): FrameworkTree {
  return {
    fields: [
      {
        code: '1',
        name: t('Công tác chỉ đạo, điều hành CCHC', 'Direction and management of PAR'),
        maxPoints: 40,
        criteria: [
          {
            code: '1.1',
            name: t('Kế hoạch CCHC', 'PAR plan'),
            maxPoints: 20,
            subs: [
              {
                code: '1.1.1',
                name: t('Ban hành kế hoạch CCHC năm', 'Yearly PAR plan issued'),
                maxPoints: 10,
                method: 'self',
                guidance: t('Ban hành trước 31/12 năm trước', 'Issued by 31/12 of the year before'),
                evidence: t('Kế hoạch CCHC năm', 'The yearly PAR plan'),
              },
              {
                code: '1.1.2',
                name: t('Hoàn thành nhiệm vụ đúng hạn', 'Tasks completed on time'),
                maxPoints: 10,
                method: 'computed',
                source: 'plans.tasks_on_time',
                formula: { type: 'linear' },
              },
            ],
          },
          {
            code: '1.2',
            name: t('Báo cáo CCHC', 'PAR reports'),
            maxPoints: 20,
            subs: [],
            method: 'self',
            confirmed: false,
          },
        ],
      },
      {
        code: '2',
        name: t('Cải cách thủ tục hành chính', 'Administrative procedures'),
        maxPoints: 30,
        criteria: [
          {
            code: '2.1',
            name: t('Giải quyết hồ sơ', 'Dossiers'),
            maxPoints: 30,
            subs: [
              {
                code: '2.1.1',
                name: t('Công khai TTHC', 'Procedures published'),
                maxPoints: 15,
                method: 'self',
                step: 0.5,
              },
              {
                code: '2.1.2',
                name: t('Hồ sơ giải quyết đúng hạn', 'Dossiers resolved on time'),
                maxPoints: 15,
                method: 'computed',
                source: 'dossiers.on_time',
                formula: {
                  type: 'bands',
                  bands: [
                    { min: 0.95, share: 1 },
                    { min: 0.8, share: 0.5 },
                  ],
                },
                whenNoData: 'full',
              },
            ],
          },
        ],
      },
      {
        code: '3',
        name: t('Tác động của CCHC', 'Impact of PAR'),
        maxPoints: 30,
        criteria: [
          {
            code: '3.1',
            name: t('Mức độ hài lòng', 'Satisfaction'),
            maxPoints: 30,
            subs: [],
            method: 'survey',
          },
        ],
      },
    ],
    bonus: [
      { code: 'B1', name: t('Sáng kiến', 'Initiatives'), cap: 2 },
      { code: 'B2', name: t('Giải thưởng', 'Awards'), cap: 2 },
    ],
    penalty: [
      { code: 'P1', name: t('Chậm báo cáo', 'Late reports'), cap: 3 },
      { code: 'P2', name: t('Vi phạm kỷ luật', 'Breaches of discipline'), cap: 3 },
    ],
    bonusCap: 3,
    penaltyCap: 4,
  };
}

export const TOY_BANDS: GradeBand[] = [
  { code: 'good', name: t('Tốt', 'Good'), minPercent: 90 },
  { code: 'fair', name: t('Khá', 'Fair'), minPercent: 80 },
  { code: 'average', name: t('Trung bình', 'Average'), minPercent: 70 },
  { code: 'weak', name: t('Yếu', 'Weak'), minPercent: 0 },
];

/**
 * A framework of about the size of the provinces' sets (8 fields × 4 criteria × ~3 sub-criteria ≈ 90 scored
 * items, a third computed, one survey field), for the bulk scoring test.
 */
export function largeTree(): FrameworkTree {
  const fields: FrameworkTree['fields'] = [];
  for (let f = 1; f <= 8; f++) {
    const criteria: FrameworkTree['fields'][number]['criteria'] = [];
    for (let c = 1; c <= 4; c++) {
      const subCount = f === 8 ? 0 : c % 2 === 0 ? 3 : 4; // field 8: survey criteria scored directly
      const subs = Array.from({ length: subCount }, (_, s) => ({
        code: `${f}.${c}.${s + 1}`,
        name: t(`Tiêu chí thành phần ${f}.${c}.${s + 1}`),
        maxPoints: 1,
        method: s % 3 === 2 ? ('computed' as const) : ('self' as const),
        ...(s % 3 === 2 ? { source: 'reports.on_time' as const, formula: { type: 'linear' as const } } : {}),
      }));
      criteria.push(
        subCount === 0
          ? { code: `${f}.${c}`, name: t(`Tiêu chí ${f}.${c}`), maxPoints: 2, subs: [], method: 'survey' }
          : { code: `${f}.${c}`, name: t(`Tiêu chí ${f}.${c}`), maxPoints: subCount, subs },
      );
    }
    fields.push({
      code: String(f),
      name: t(`Lĩnh vực ${f}`),
      maxPoints: criteria.reduce((a, c) => a + c.maxPoints, 0),
      criteria,
    });
  }
  return {
    fields,
    bonus: [{ code: 'B1', name: t('Thưởng'), cap: 2 }],
    penalty: [{ code: 'P1', name: t('Trừ'), cap: 2 }],
    bonusCap: 2,
    penaltyCap: 2,
  };
}
