/**
 * Anonymity of responses: when a response was sent is kept only coarsely. Pure.
 *
 * A survey is anonymous (issue 17: "anonymous distribution"): no account, no IP address and no exact time is
 * stored with a response, because an exact time can be matched with the one-stop centre's queue or a dossier's
 * receipt and so name the respondent. What is kept is the **bucket** the time falls in — the day by default, or
 * the hour where a unit receives many people an hour and the officer needs finer duplicate checks
 * (./duplicates.ts) — in Vietnam's time, Asia/Ho_Chi_Minh.
 *
 * Vietnam's time is UTC+7 all year (Indochina Time; no daylight saving since 1975), so the conversion is a fixed
 * offset and needs no time-zone database.
 */

export const GRANULARITIES = ['hour', 'day', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Asia/Ho_Chi_Minh: UTC+7, no daylight saving. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The bucket a moment falls in, in Vietnam's time: "2025-04-01" (day, the default), "2025-04-01T08" (hour),
 * "2025-04" (month). 2025-03-31T17:30Z is already 1 April in Vietnam: "2025-04-01". Buckets sort as text in time
 * order. Throws on an invalid date.
 */
export function coarsenTimestamp(date: Date, granularity: Granularity = 'day'): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('coarsenTimestamp: invalid date');
  const local = new Date(ms + VIETNAM_OFFSET_MINUTES * 60_000);
  const y = local.getUTCFullYear();
  if (y < 1000 || y > 9999) throw new RangeError(`coarsenTimestamp: year ${y} out of range`);
  const month = `${y}-${pad(local.getUTCMonth() + 1)}`;
  if (granularity === 'month') return month;
  const day = `${month}-${pad(local.getUTCDate())}`;
  if (granularity === 'day') return day;
  return `${day}T${pad(local.getUTCHours())}`;
}

const BUCKET = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}))?)?$/;

/**
 * The moments a bucket covers, [start, end) in UTC, with its granularity; null for a malformed bucket. For
 * reading responses of a period back: "2025-04-01" → 2025-03-31T17:00Z … 2025-04-01T17:00Z.
 */
export function bucketRange(bucket: string): { granularity: Granularity; start: Date; end: Date } | null {
  const m = BUCKET.exec(bucket);
  if (!m) return null;
  const [, ys, ms, ds, hs] = m;
  const y = Number(ys);
  const mo = Number(ms) - 1;
  const d = ds === undefined ? 1 : Number(ds);
  const h = hs === undefined ? 0 : Number(hs);
  if (mo > 11 || d < 1 || h > 23) return null;
  const offset = VIETNAM_OFFSET_MINUTES * 60_000;
  const startLocal = Date.UTC(y, mo, d, h);
  const check = new Date(startLocal);
  if (check.getUTCMonth() !== mo || check.getUTCDate() !== d) return null; // 2025-02-30
  const granularity: Granularity = hs !== undefined ? 'hour' : ds !== undefined ? 'day' : 'month';
  const endLocal =
    granularity === 'hour'
      ? startLocal + 3_600_000
      : granularity === 'day'
        ? Date.UTC(y, mo, d + 1)
        : Date.UTC(y, mo + 1, 1);
  return { granularity, start: new Date(startLocal - offset), end: new Date(endLocal - offset) };
}

/**
 * What the form tells a respondent is and is not recorded (issue 17: "say plainly on the form what is and is not
 * recorded"), from the survey's settings. Both the office's page and the public form show this one text.
 */
export function recordedNotice(s: { anonymous: boolean; channel?: 'qr' | 'invitation' | 'link' }): {
  vi: string;
  en: string;
} {
  if (!s.anonymous) {
    return {
      vi:
        'Phiếu này không ẩn danh: câu trả lời được lưu cùng tài khoản của người trả lời, như cơ quan khảo sát đã thông báo. ' +
        'Không lưu địa chỉ IP. Kết quả chỉ công bố dạng tổng hợp.',
      en:
        'This survey is not anonymous: answers are stored with the respondent’s account, as the surveying agency announced. ' +
        'No IP address is stored. Results are published only in aggregate.',
    };
  }
  const invitation =
    s.channel === 'invitation'
      ? {
          vi: ' Đường dẫn mời chỉ được ghi là “đã dùng”, không ghi lúc nào, không gắn với câu trả lời.',
          en: ' Your invitation link is only marked “used” — not when, and not tied to your answers.',
        }
      : { vi: '', en: '' };
  return {
    vi:
      'Phiếu ẩn danh. Được lưu: các câu trả lời, đơn vị và nhóm được khảo sát, ngày gửi (không lưu giờ), thời gian làm phiếu tính theo phút. ' +
      'Không lưu: họ tên, số điện thoại, e-mail, địa chỉ IP, tài khoản, giờ gửi.' +
      invitation.vi +
      ' Kết quả của nhóm dưới 5 người trả lời không được hiển thị.',
    en:
      'This survey is anonymous. Stored: your answers, the unit and group surveyed, the day you sent it (not the time), and how many minutes the form took. ' +
      'Not stored: your name, phone, e-mail, IP address, account, or the time you sent it.' +
      invitation.en +
      ' Results of groups with fewer than 5 respondents are not shown.',
  };
}
