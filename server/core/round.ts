/**
 * The one rounding of figures people read (PAR Index points and percentages, survey indices): two decimals, half
 * away from zero, decided on the decimal digits people see — "88,81%" for 88.805 although the double nearest to
 * 88.805 is a hair below it; a sum with floating-point noise (89.99499999999999 for 89.995) rounds like the number
 * it stands for. The value is read to 15 significant digits (what a double holds exactly), then rounded. Pure.
 */
/** Rounds to two decimals, half away from zero, on the decimal digits (1.005 → 1.01; 89.995 → 90; −1.005 → −1.01). */
export function round2(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  // Beyond 15 integer digits a double has no decimals left to round.
  if (abs >= 1e13) return value;
  // Fast path (the bulk scoring rounds hundreds of thousands of figures): away from a tie, the nearest
  // hundredth is plain Math.round; k / 100 is the same double as the literal "k/100".
  const hundredths = abs * 100;
  const whole = Math.floor(hundredths);
  if (Math.abs(hundredths - whole - 0.5) > 1e-6) {
    const fast = Math.round(hundredths) / 100;
    return fast === 0 ? 0 : value < 0 ? -fast : fast;
  }
  const digits = abs.toPrecision(15);
  const shifted = Math.round(Number(`${digits}e2`));
  const result = Number(`${shifted}e-2`);
  return result === 0 ? 0 : value < 0 ? -result : result;
}
