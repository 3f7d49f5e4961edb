/**
 * The keys of the province figure catalogue (./figures.service.ts), dependency-free so that the schemas (and through
 * them the web's types) do not pull in the services that compute the figures.
 */
export const FIGURE_KEYS = [
  'plan.completion',
  'plan.overdue',
  'pilots.completion',
  'pilots.overdue',
  'reports.onTime',
  'dossiers.onTime',
  'dossiers.online',
  'hotline.onTime',
  'hotline.satisfaction',
  'inspections.remediedOnTime',
  'inspections.recommendationsOverdue',
  'parindex.average',
  'surveys.satisfaction',
  'standings.parIndex',
  'units.plansIssued',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
