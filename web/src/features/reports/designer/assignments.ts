/** Pure rules of the assignments page. */
import type { Assignment } from './api';

export type AssignmentState = 'active' | 'ended' | 'upcoming';

/** Whether an assignment holds on `today` (YYYY-MM-DD), has ended, or is still to start. */
export function assignmentState(
  a: Pick<Assignment, 'validFrom' | 'validTo'>,
  today: string,
): AssignmentState {
  if (a.validTo && a.validTo < today) return 'ended';
  if (a.validFrom > today) return 'upcoming';
  return 'active';
}
