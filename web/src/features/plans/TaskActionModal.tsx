import { useWorkExtras } from '../../components/workflow/useWorkExtras';
import { WorkflowActionModal } from '../../components/workflow/WorkflowActionModal';
import { planKeys, searchDocuments, type Task, type TaskAction } from './api';

/**
 * One workflow action on a task, with the inputs the action needs; the work engine decides the rest (a
 * reviewer sees what was reported, a re-report starts from the returned one, the confirmation says who
 * acts next).
 */
export function TaskActionModal({
  target,
  planId,
  onClose,
}: {
  target: { task: Task; action: TaskAction } | null;
  planId: string;
  onClose: () => void;
}) {
  const record = target && { record: target.task, action: target.action };
  const work = useWorkExtras('plan_task', record);
  return (
    <WorkflowActionModal<Task, TaskAction>
      target={record}
      onClose={onClose}
      ns="plans"
      testId="action"
      {...work}
      effectiveDate
      searchDocuments={searchDocuments}
      invalidate={(task) => [
        planKeys.tasks(planId),
        planKeys.kpis(planId),
        planKeys.events(task.id),
        ['work'],
      ]}
    />
  );
}
