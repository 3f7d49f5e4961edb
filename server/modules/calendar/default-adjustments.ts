/**
 * Announced holiday schedules for civil servants (cán bộ, công chức, viên chức), 2023–2026.
 *
 * Only what the announcements add to the law is written here: the Tết block (Điều 112 khoản 3 lets the
 * Prime Minister fix the Tết days), the National Day adjacent day and swapped working days. Plain
 * compensation (Điều 111 khoản 3, e.g. 2/1/2023 for Sunday 1/1/2023) is computed, not listed.
 *
 * Provenance of each fact, marked in the comments:
 * - [brief]   stated in the task description that commissioned this module;
 * - [press]   found in press reports of the announcement while writing this file;
 * - [memory]  the author's own knowledge, not re-checked — verify before relying on it.
 * Deliberately NOT encoded (not confirmed, and each contradicted by the arithmetic of the announced
 * blocks): a working Saturday 6/5/2023 (29/4–3/5/2023 is fully explained by compensation for Giỗ Tổ on
 * Saturday 29/4 and 30/4 on Sunday), a 1/9 ↔ 9/9/2023 swap, a working Saturday 17/2/2024 (the
 * announcement describes Tết 2024 as 5 Tết days + 2 compensatory days) and a 27/1 ↔ 8/2/2025 swap (the
 * 9-day Tết 2025 block holds exactly 5 weekdays + 4 weekend days).
 */
import { dateRange } from './dates.js';
import type { YearAdjustments } from './holidays.js';

const MOLISA = 'Bộ Lao động - Thương binh và Xã hội';

export const DEFAULT_ADJUSTMENTS: Readonly<Record<number, YearAdjustments>> = {
  2023: {
    year: 2023,
    // [memory] Tết Quý Mão: Fri 20/1 (29 Chạp) – Thu 26/1/2023 (mùng 5), 7 days.
    tetDays: dateRange('2023-01-20', '2023-01-26'),
    tetBasis: `Thông báo của ${MOLISA} về lịch nghỉ Tết Âm lịch và Quốc khánh năm 2023 (Thủ tướng Chính phủ đồng ý)`,
    // [memory] 2/9 on Saturday: 1/9 (Fri) + 2/9, compensation Mon 4/9 → off 1/9–4/9/2023.
    nationalDayAdjacent: 'before',
    daysOff: [],
    workingSaturdays: [],
  },
  2024: {
    year: 2024,
    // [press] Tết Giáp Thìn: Thu 8/2 (29 Chạp) – Wed 14/2/2024 (mùng 5): 5 Tết days + 2 compensatory.
    tetDays: dateRange('2024-02-08', '2024-02-14'),
    tetBasis: `Thông báo của ${MOLISA} về lịch nghỉ Tết Âm lịch và Quốc khánh năm 2024 (Thủ tướng Chính phủ đồng ý)`,
    // [press] Off Sat 31/8 – Tue 3/9/2024.
    nationalDayAdjacent: 'after',
    // [brief][press] 30/4–1/5/2024: off Sat 27/4 – Wed 1/5, Mon 29/4 swapped with Sat 4/5/2024.
    daysOff: [
      {
        date: '2024-04-29',
        name: {
          vi: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/5/2024)',
          en: 'Day off swapped with Saturday 4 May 2024 (30 April – 1 May break)',
        },
        basis:
          'Công văn 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ (Thủ tướng đồng ý hoán đổi ngày làm việc)',
      },
    ],
    workingSaturdays: [
      {
        date: '2024-05-04',
        name: { vi: 'Làm bù cho thứ Hai 29/4/2024', en: 'Make-up working day for Monday 29 April 2024' },
        basis:
          'Công văn 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ (Thủ tướng đồng ý hoán đổi ngày làm việc)',
      },
    ],
  },
  2025: {
    year: 2025,
    // [press] Tết Ất Tỵ: Sat 25/1 (26 Chạp) – Sun 2/2/2025 (mùng 5), 9 days.
    tetDays: dateRange('2025-01-25', '2025-02-02'),
    tetBasis: `Thông báo 6150/TB-LĐTBXH năm 2024 của ${MOLISA} về lịch nghỉ Tết Âm lịch và Quốc khánh năm 2025`,
    // [press] Off Sat 30/8 – Tue 2/9/2025 (1/9 + 2/9), same Thông báo 6150/TB-LĐTBXH.
    nationalDayAdjacent: 'before',
    // [brief][press] 30/4–1/5/2025: off Wed 30/4 – Sun 4/5, Fri 2/5 swapped with Sat 26/4/2025.
    daysOff: [
      {
        date: '2025-05-02',
        name: {
          vi: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4/2025)',
          en: 'Day off swapped with Saturday 26 April 2025 (30 April – 1 May break)',
        },
        basis:
          'Ý kiến của Thủ tướng Chính phủ đồng ý hoán đổi ngày làm việc dịp 30/4 – 1/5/2025 (Văn phòng Chính phủ thông báo)',
      },
    ],
    workingSaturdays: [
      {
        date: '2025-04-26',
        name: { vi: 'Làm bù cho thứ Sáu 02/5/2025', en: 'Make-up working day for Friday 2 May 2025' },
        basis:
          'Ý kiến của Thủ tướng Chính phủ đồng ý hoán đổi ngày làm việc dịp 30/4 – 1/5/2025 (Văn phòng Chính phủ thông báo)',
      },
    ],
  },
  2026: {
    year: 2026,
    // [brief][press] Tết Bính Ngọ: Sat 14/2 (27 Chạp) – Sun 22/2/2026 (mùng 6), 9 days.
    tetDays: dateRange('2026-02-14', '2026-02-22'),
    tetBasis:
      'Văn bản của Văn phòng Chính phủ (10/2025) truyền đạt ý kiến Thủ tướng đồng ý đề xuất của Bộ Nội vụ về nghỉ Tết Âm lịch và Quốc khánh năm 2026',
    // [press] Quốc khánh: off Sat 29/8 – Wed 2/9/2026 (1/9 + 2/9), Mon 31/8 swapped with Sat 22/8/2026.
    nationalDayAdjacent: 'before',
    daysOff: [
      {
        // [press] Tết Dương lịch: off Thu 1/1 – Sun 4/1/2026, Fri 2/1 swapped with Sat 10/1/2026.
        date: '2026-01-02',
        name: {
          vi: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
          en: "Day off swapped with Saturday 10 January 2026 (New Year's break)",
        },
        basis:
          'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (Phó Thủ tướng đồng ý đề xuất của Bộ Nội vụ)',
      },
      {
        date: '2026-08-31',
        name: {
          vi: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)',
          en: 'Day off swapped with Saturday 22 August 2026 (National Day break)',
        },
        basis:
          'Văn bản của Văn phòng Chính phủ (10/2025) truyền đạt ý kiến Thủ tướng đồng ý đề xuất của Bộ Nội vụ về nghỉ Tết Âm lịch và Quốc khánh năm 2026',
      },
    ],
    workingSaturdays: [
      {
        date: '2026-01-10',
        name: { vi: 'Làm bù cho thứ Sáu 02/01/2026', en: 'Make-up working day for Friday 2 January 2026' },
        basis:
          'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (Phó Thủ tướng đồng ý đề xuất của Bộ Nội vụ)',
      },
      {
        date: '2026-08-22',
        name: { vi: 'Làm bù cho thứ Hai 31/8/2026', en: 'Make-up working day for Monday 31 August 2026' },
        basis:
          'Văn bản của Văn phòng Chính phủ (10/2025) truyền đạt ý kiến Thủ tướng đồng ý đề xuất của Bộ Nội vụ về nghỉ Tết Âm lịch và Quốc khánh năm 2026',
      },
    ],
  },
};
