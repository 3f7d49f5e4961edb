/**
 * The two astronomical quantities the lunisolar calendar needs: the instant of each new moon and the
 * Sun's apparent ecliptic longitude. Formulas from Jean Meeus, *Astronomical Algorithms* (2nd ed.,
 * Willmann-Bell 1998): chapter 49 (phases of the Moon) and chapter 25 (solar coordinates, low
 * accuracy, ≈0.01°), with ΔT = TT − UT from the Espenak–Meeus polynomials (NASA, *Five Millennium
 * Canon of Solar Eclipses*, 2006). Times are Julian Dates; `…Ut` means Universal Time.
 */

const RAD = Math.PI / 180;
const sin = (degrees: number) => Math.sin(degrees * RAD);

/** Mean length of a synodic month in days (Meeus ch. 49). */
export const SYNODIC_MONTH = 29.530588861;
/** Julian Ephemeris Day of the mean new moon of lunation 0 (2000-01-06), Meeus eq. 49.1. */
const LUNATION_ZERO_JDE = 2_451_550.09766;

/** ΔT = TT − UT in seconds for a (fractional) year, Espenak–Meeus polynomials. */
export function deltaTSeconds(year: number): number {
  const u = (year - 1820) / 100;
  const longTerm = -20 + 32 * u * u;
  if (year < 1800 || year >= 2150) return longTerm;
  if (year < 1860) {
    const t = year - 1800;
    return (
      13.72 -
      0.332447 * t +
      0.0068612 * t ** 2 +
      0.0041116 * t ** 3 -
      0.00037436 * t ** 4 +
      0.0000121272 * t ** 5 -
      0.0000001699 * t ** 6 +
      0.000000000875 * t ** 7
    );
  }
  if (year < 1900) {
    const t = year - 1860;
    return (
      7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174
    );
  }
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return longTerm - 0.5628 * (2150 - year);
}

const yearOfJd = (jd: number) => 2000 + (jd - 2_451_545) / 365.25;
const deltaTDays = (jd: number) => deltaTSeconds(yearOfJd(jd)) / 86_400;

/** Periodic terms of the true new moon (Meeus table 49.A, "New Moon" column): [coefficient, powerOfE, argument]. */
type Term = readonly [number, 0 | 1 | 2, (a: { M: number; Mp: number; F: number; O: number }) => number];
const NEW_MOON_TERMS: readonly Term[] = [
  [-0.4072, 0, ({ Mp }) => Mp],
  [0.17241, 1, ({ M }) => M],
  [0.01608, 0, ({ Mp }) => 2 * Mp],
  [0.01039, 0, ({ F }) => 2 * F],
  [0.00739, 1, ({ Mp, M }) => Mp - M],
  [-0.00514, 1, ({ Mp, M }) => Mp + M],
  [0.00208, 2, ({ M }) => 2 * M],
  [-0.00111, 0, ({ Mp, F }) => Mp - 2 * F],
  [-0.00057, 0, ({ Mp, F }) => Mp + 2 * F],
  [0.00056, 1, ({ Mp, M }) => 2 * Mp + M],
  [-0.00042, 0, ({ Mp }) => 3 * Mp],
  [0.00042, 1, ({ M, F }) => M + 2 * F],
  [0.00038, 1, ({ M, F }) => M - 2 * F],
  [-0.00024, 1, ({ Mp, M }) => 2 * Mp - M],
  [-0.00017, 0, ({ O }) => O],
  [-0.00007, 0, ({ Mp, M }) => Mp + 2 * M],
  [0.00004, 0, ({ Mp, F }) => 2 * Mp - 2 * F],
  [0.00004, 0, ({ M }) => 3 * M],
  [0.00003, 0, ({ Mp, M, F }) => Mp + M - 2 * F],
  [0.00003, 0, ({ Mp, F }) => 2 * Mp + 2 * F],
  [-0.00003, 0, ({ Mp, M, F }) => Mp + M + 2 * F],
  [0.00003, 0, ({ Mp, M, F }) => Mp - M + 2 * F],
  [-0.00002, 0, ({ Mp, M, F }) => Mp - M - 2 * F],
  [-0.00002, 0, ({ Mp, M }) => 3 * Mp + M],
  [0.00002, 0, ({ Mp }) => 4 * Mp],
];

/** Planetary arguments A1…A14 (Meeus ch. 49): [coefficient, constant, rate per lunation]. */
const PLANETARY_TERMS: readonly (readonly [number, number, number])[] = [
  [0.000325, 299.77, 0.107408], // A1 also has −0.009173 T², added below
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/**
 * Julian Date (UT) of the true new moon of lunation `k`, counted from the new moon of 2000-01-06
 * (k = 0; negative before). Accurate to well under a minute for 1800–2200 (Meeus ch. 49).
 */
export function newMoonJdUt(k: number): number {
  const T = k / 1236.85;
  const jde =
    LUNATION_ZERO_JDE +
    SYNODIC_MONTH * k +
    0.00015437 * T ** 2 -
    0.00000015 * T ** 3 +
    0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const args = {
    M: 2.5534 + 29.1053567 * k - 0.0000014 * T ** 2 - 0.00000011 * T ** 3,
    Mp: 201.5643 + 385.81693528 * k + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4,
    F: 160.7108 + 390.67050284 * k - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4,
    O: 124.7746 - 1.56375588 * k + 0.0020672 * T ** 2 + 0.00000215 * T ** 3,
  };
  let correction = 0;
  for (const [coefficient, powerOfE, argument] of NEW_MOON_TERMS)
    correction += coefficient * E ** powerOfE * sin(argument(args));
  PLANETARY_TERMS.forEach(([coefficient, constant, rate], i) => {
    const quadratic = i === 0 ? -0.009173 * T ** 2 : 0;
    correction += coefficient * sin(constant + rate * k + quadratic);
  });
  const jdeTrue = jde + correction;
  return jdeTrue - deltaTDays(jdeTrue);
}

/** The lunation whose mean new moon is nearest to a Julian Date; the true one is within a day of it. */
export function nearestLunation(jd: number): number {
  return Math.round((jd - LUNATION_ZERO_JDE) / SYNODIC_MONTH);
}

/** Apparent geocentric ecliptic longitude of the Sun, in degrees [0, 360), at a Julian Date (UT). Meeus ch. 25. */
export function sunLongitude(jdUt: number): number {
  const T = (jdUt + deltaTDays(jdUt) - 2_451_545) / 36_525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T ** 2;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T ** 2;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T ** 2) * sin(M) +
    (0.019993 - 0.000101 * T) * sin(2 * M) +
    0.000289 * sin(3 * M);
  const omega = 125.04 - 1934.136 * T;
  const apparent = L0 + C - 0.00569 - 0.00478 * sin(omega);
  return ((apparent % 360) + 360) % 360;
}
