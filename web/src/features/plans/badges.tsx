/** A task's status and timing badges (plans' keys and test ids are the shared component's defaults). */
export { StatusBadge, TimingBadge } from '../../components/workflow/badges';
