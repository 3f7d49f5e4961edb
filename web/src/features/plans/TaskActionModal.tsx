import { WorkflowActionModal } from '../../components/workflow/WorkflowActionModal';
import { actOnTask, planKeys, searchDocuments, uploadEvidence, type Task, type TaskAction } from './api';

/** One workflow action on a task, with the inputs the action needs; the server decides the rest. */
export function TaskActionModal({
  target,
  planId,
  onClose,
}: {
  target: { task: Task; action: TaskAction } | null;
  planId: string;
  onClose: () => void;
}) {
  return (
    <WorkflowActionModal
      target={target && { record: target.task, action: target.action }}
      onClose={onClose}
      ns="plans"
      testId="action"
      act={actOnTask}
      upload={uploadEvidence}
      searchDocuments={searchDocuments}
      invalidate={(task) => [planKeys.tasks(planId), planKeys.kpis(planId), planKeys.events(task.id)]}
    />
  );
}
