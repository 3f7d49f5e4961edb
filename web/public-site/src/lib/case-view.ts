/** What the tracking page shows of a case, without React. */
import type { PublicCaseOut, PublicStage } from './types';

export type StepState = 'done' | 'current' | 'upcoming';

const MAIN: PublicStage[] = ['received', 'in_progress', 'answered'];

/**
 * The stepper: received → being handled → answered; a case that left that path (not accepted, forwarded to
 * another agency, merged into another case) ends on that stage right after "received".
 */
export function stepperStages(stage: PublicStage): { stage: PublicStage; state: StepState }[] {
  const path = MAIN.includes(stage) ? MAIN : (['received', stage] as PublicStage[]);
  const at = path.indexOf(stage);
  return path.map((s, i) => ({ stage: s, state: i < at ? 'done' : i === at ? 'current' : 'upcoming' }));
}

/** Which deadline the reader is waiting on now (only dates the server gave; no working days counted here). */
export function currentDeadline(c: Pick<PublicCaseOut, 'stage' | 'triageDueDate' | 'dueDate'>): {
  kind: 'triage' | 'answer';
  date: string;
} | null {
  if (c.stage === 'received') return { kind: 'triage', date: c.triageDueDate };
  if (c.stage === 'in_progress' && c.dueDate) return { kind: 'answer', date: c.dueDate };
  return null;
}

/** Whether the reader may ask for notices by e-mail (not for a case merged into another). */
export const canFollow = (c: Pick<PublicCaseOut, 'stage'>) => c.stage !== 'merged';
