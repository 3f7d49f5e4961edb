/**
 * Public surface of the tasks rules: the status workflow of plan tasks, derived timing (overdue, due
 * soon, done on time), plan KPIs with traceable task ids, and deadline reminders as data. Pure functions
 * only — no I/O, no clock: callers pass `today` and the working-day calendar. See README.md.
 */
export { TASK_MESSAGES, type TaskRuleKey } from './messages.js';
export {
  actionEvent,
  actionPatch,
  allowedActions,
  FINAL_STATUSES,
  isExtended,
  isTaskAction,
  isTaskStatus,
  OPEN_STATUSES,
  TASK_ACTIONS,
  TASK_STATUSES,
  transition,
  type ActionPatch,
  type PlanOptions,
  type TaskAction,
  type TaskActor,
  type TaskStatus,
  type TransitionContext,
  type TransitionInput,
  type TransitionResult,
} from './task-status.js';
export {
  byUrgency,
  DEFAULT_TIMING_RULE,
  TIMING_ORDER,
  taskTiming,
  type Timing,
  type TimingInput,
  type TimingRule,
  type TimingState,
} from './overdue.js';
export {
  completion,
  computeKpis,
  formatPct,
  kpisBy,
  kpisByDirectingMember,
  kpisByLeadUnit,
  kpisByReformArea,
  roundPct,
  verifiedTrend,
  type CompletionMethod,
  type KpiGroup,
  type KpiOptions,
  type Kpis,
  type Metric,
  type PctMetric,
  type TaskFact,
  type TrendPoint,
} from './kpi.js';
export {
  compareReminders,
  DEFAULT_DELIVERY,
  DEFAULT_REMINDER_RULE,
  dueReminders,
  groupForDigest,
  obsoleteKeys,
  reminderKey,
  remindersFor,
  type AddressedReminder,
  type Delivery,
  type DigestPrefs,
  type DueReminders,
  type Reminder,
  type ReminderKind,
  type ReminderRule,
  type ReminderTask,
  type UserDigest,
} from './reminders.js';
export { effectiveDue, isIsoDate, workingDaysBefore } from './days.js';
export {
  checkDependency,
  FINISHED_FOR_DEPENDENCIES,
  reportBlockers,
  subtaskRollup,
  wouldCreateCycle,
  wouldNestInItself,
  type Edge,
  type Related,
} from './dependencies.js';
export {
  canSee,
  checkReview,
  needsApproval,
  progressStates,
  type ProgressState,
  type ReviewEvent,
} from './progress-review.js';
export { taskNextActor, type NextActor } from './next-actor.js';
export { REFORM_AREAS, REFORM_AREA_LABELS, type ReformArea } from './reform-areas.js';
