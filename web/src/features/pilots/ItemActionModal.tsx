import { WorkflowActionModal } from '../../components/workflow/WorkflowActionModal';
import { actOnItem, pilotKeys, searchDocuments, uploadEvidence, type Item, type ItemAction } from './api';

/** One workflow action on a pilot item, with the inputs the action needs; the server decides the rest. */
export function ItemActionModal({
  target,
  pilotUnitId,
  onClose,
}: {
  target: { item: Item; action: ItemAction } | null;
  pilotUnitId: string;
  onClose: () => void;
}) {
  return (
    <WorkflowActionModal
      target={target && { record: target.item, action: target.action }}
      onClose={onClose}
      ns="pilots"
      testId="item-action"
      act={actOnItem}
      upload={uploadEvidence}
      searchDocuments={searchDocuments}
      invalidate={(item) => [pilotKeys.unit(pilotUnitId), ['pilots', 'list'], pilotKeys.events(item.id)]}
      evidenceRequired
    />
  );
}
