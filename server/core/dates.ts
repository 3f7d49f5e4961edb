/**
 * Today's date where the province is: Vietnam is UTC+7 all year (no daylight saving). Using the UTC date
 * instead would put everything done between 00:00 and 07:00 on the previous day.
 */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
