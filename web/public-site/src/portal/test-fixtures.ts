/**
 * Answers of the portal's API shaped by the server's schemas (Nghệ An's demo figures, rounded), for the pages'
 * static-rendering tests.
 */
import type {
  DossiersOut,
  OpenDataCatalogueOut,
  ParUnitOut,
  ParYearOut,
  PilotsPublicOut,
  PlanPublicOut,
  PortalHomeOut,
} from '../lib/portal-types';

export const PROVINCE = '0b6c8c1e-1111-4a4a-8a8a-000000000001';
export const TU_PHAP = '0b6c8c1e-2222-4a4a-8a8a-000000000002';
export const TAI_CHINH = '0b6c8c1e-3333-4a4a-8a8a-000000000003';
export const XA = '0b6c8c1e-4444-4a4a-8a8a-000000000004';
export const TASK = '0b6c8c1e-5555-4a4a-8a8a-000000000005';
export const ITEM = '0b6c8c1e-6666-4a4a-8a8a-000000000006';
export const IDS = [PROVINCE, TU_PHAP, TAI_CHINH, XA, TASK, ITEM];

export const all = { par: true, dossiers: true, plan: true, pilots: true, feedback: true, openData: true };
export const grade = { grade: 'A', gradeName: { vi: 'Tốt', en: 'Good' } };
export const groupName = { vi: 'Sở, ban, ngành', en: 'Departments' };

export const home: PortalHomeOut = {
  province: { id: PROVINCE, name: 'Tỉnh Nghệ An' },
  sections: all,
  years: { par: [2025, 2024], dossiers: [2026], plan: [2026, 2025], pilots: [2026] },
  figures: {
    plan: { year: 2026, total: 75, done: 31, overdue: 4, completionPercent: 41.33 },
    dossiers: {
      year: 2026,
      from: '2026-01-01',
      to: '2026-12-07',
      received: 123456,
      onTimePercent: 98.5,
      onlinePercent: 61.25,
    },
    feedback: { year: 2026, answered: 1200, answeredOnTime: 1150, onTimePercent: 95.83 },
    par: {
      year: 2025,
      groups: [
        {
          group: 'department',
          groupName,
          top: [{ rank: 1, unitId: TAI_CHINH, unitName: 'Sở Tài chính', percent: 88.81, ...grade }],
        },
      ],
    },
  },
  feedbackUrl: '/phan-anh/da-tra-loi',
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  publisher: { name: 'Sở Nội vụ tỉnh Nghệ An', address: 'Vinh', email: '', phone: '', website: '' },
  updatedAt: '2026-12-07T08:00:00.000Z',
};

export const parYear: ParYearOut = {
  year: 2025,
  publishedOn: '2026-03-20',
  asOf: '2026-03-20',
  groups: [
    {
      group: 'department',
      groupName,
      fields: [{ code: '1', name: { vi: 'Công tác chỉ đạo, điều hành', en: 'Direction' }, maxPoints: 12 }],
      rows: [
        {
          rank: 1,
          rankOf: 2,
          unitId: TAI_CHINH,
          unitName: 'Sở Tài chính',
          points: 88.81,
          maxPoints: 100,
          percent: 88.81,
          ...grade,
          previousPercent: 86.5,
          change: 2.31,
          byField: [{ code: '1', percent: 90 }],
        },
        {
          rank: 2,
          rankOf: 2,
          unitId: TU_PHAP,
          unitName: 'Sở Tư pháp',
          points: 85.2,
          maxPoints: 100,
          percent: 85.2,
          grade: 'B',
          gradeName: { vi: 'Khá', en: 'Fair' },
          previousPercent: 86,
          change: -0.8,
          byField: [{ code: '1', percent: null }],
        },
      ],
    },
    {
      group: 'commune',
      groupName: { vi: 'Xã, phường', en: 'Communes and wards' },
      fields: [],
      rows: [
        {
          rank: 1,
          rankOf: 1,
          unitId: XA,
          unitName: 'UBND xã Anh Sơn',
          points: 80,
          maxPoints: 100,
          percent: 80,
          ...grade,
          previousPercent: null,
          change: null,
          byField: [],
        },
      ],
    },
  ],
};

export const parUnit: ParUnitOut = {
  year: 2025,
  unitId: TU_PHAP,
  unitName: 'Sở Tư pháp',
  group: 'department',
  groupName,
  rank: 2,
  rankOf: 2,
  points: 85.2,
  maxPoints: 100,
  percent: 85.2,
  grade: 'B',
  gradeName: { vi: 'Khá', en: 'Fair' },
  previousPercent: 86,
  change: -0.8,
  fields: [
    {
      code: '1',
      name: { vi: 'Công tác chỉ đạo, điều hành', en: 'Direction' },
      points: 10.5,
      maxPoints: 12,
      percent: 87.5,
      criteria: [{ code: '1.1', name: { vi: 'Kế hoạch CCHC', en: 'PAR plan' }, points: 2, maxPoints: 2 }],
    },
  ],
};

export const figures = {
  received: 1000,
  resolved: 900,
  processing: 100,
  onTimePercent: 99.5,
  resolvedEarlyOrOnTimePercent: 99.1,
  onlinePercent: 80,
  onlinePaymentPercent: null,
  digitisationPercent: 75.5,
  eResultPercent: 60,
  satisfactionPercent: 98,
  averageProcessingDays: 3.4,
};
export const dossiers: DossiersOut = {
  year: 2026,
  period: 'q3',
  years: [2026, 2025],
  periods: [
    { key: 'year', label: { vi: 'Cả năm', en: 'Whole year' }, from: '2026-01-01', to: '2026-12-31' },
    { key: 'q3', label: { vi: 'Quý III', en: 'Quarter 3' }, from: '2026-07-01', to: '2026-09-30' },
  ],
  from: '2026-07-01',
  to: '2026-09-30',
  stockDay: '2026-09-30',
  total: figures,
  units: [
    { ...figures, unitId: TU_PHAP, unitName: 'Sở Tư pháp', received: 1234 },
    { ...figures, unitId: XA, unitName: 'UBND xã Anh Sơn', received: 56, onTimePercent: null },
  ],
};

export const completion = { total: 2, done: 1, inProgress: 0, overdue: 1, completionPercent: 50 };
export const plan: PlanPublicOut = {
  year: 2026,
  years: [2026, 2025],
  title: 'Kế hoạch cải cách hành chính năm 2026 của UBND tỉnh',
  asOf: '2026-12-07',
  figures: completion,
  byArea: [
    {
      area: 'direction',
      areaName: { vi: 'Công tác chỉ đạo, điều hành', en: 'Direction' },
      figures: completion,
    },
  ],
  tasks: [
    {
      id: TASK,
      title: 'Kiểm tra công tác CCHC tại 10 cơ quan',
      area: 'direction',
      areaName: { vi: 'Công tác chỉ đạo, điều hành', en: 'Direction' },
      leadUnitId: TU_PHAP,
      leadUnitName: 'Sở Nội vụ',
      dueDate: '2026-11-30',
      status: 'overdue',
      doneOn: null,
    },
  ],
};

export const pilots: PilotsPublicOut = {
  year: 2026,
  years: [2026],
  asOf: '2026-12-07',
  figures: completion,
  units: [
    {
      unitId: TU_PHAP,
      unitName: 'Sở Tư pháp',
      figures: completion,
      items: [
        {
          id: ITEM,
          title: '100% hồ sơ lý lịch tư pháp nộp trực tuyến',
          area: 'procedures',
          areaName: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedures' },
          dueDate: '2026-12-15',
          status: 'done',
          doneOn: '2026-10-01',
          result: 'Đạt 100% từ tháng 9/2026.',
        },
      ],
    },
  ],
};

export const catalogue: OpenDataCatalogueOut = {
  province: { id: PROVINCE, name: 'Tỉnh Nghệ An' },
  licence: home.licence,
  publisher: home.publisher,
  csv: { encoding: 'UTF-8', bom: true, delimiter: ';', decimalChar: '.', lineTerminator: '\r\n' },
  datasets: [
    {
      name: 'par-results',
      title: { vi: 'Kết quả Chỉ số CCHC', en: 'PAR Index results' },
      description: { vi: 'Điểm, xếp hạng của từng đơn vị.', en: 'Points and ranks of each unit.' },
      section: 'par',
      formats: [
        { format: 'csv', url: '/api/open-data/par-results.csv', mediaType: 'text/csv' },
        { format: 'json', url: '/api/open-data/par-results.json', mediaType: 'application/json' },
      ],
      columns: [
        {
          name: 'unit_name',
          type: 'string',
          title: { vi: 'Tên đơn vị', en: 'Unit' },
          description: { vi: 'Tên tại năm đánh giá', en: 'As named that year' },
        },
      ],
      rows: 1234,
    },
  ],
  datapackageUrl: '/api/open-data/datapackage.json',
  updatedAt: '2026-12-07T08:00:00.000Z',
};
