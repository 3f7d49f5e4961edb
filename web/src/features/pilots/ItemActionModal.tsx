import { useWorkExtras } from '../../components/workflow/useWorkExtras';
import { WorkflowActionModal } from '../../components/workflow/WorkflowActionModal';
import { pilotKeys, searchDocuments, type Item, type ItemAction } from './api';

/**
 * One workflow action on a pilot item, with the inputs the action needs; the work engine decides the rest
 * (what was reported shown to the reviewer, a re-report starting from the returned one, who acts next).
 */
export function ItemActionModal({
  target,
  pilotUnitId,
  onClose,
}: {
  target: { item: Item; action: ItemAction } | null;
  pilotUnitId: string;
  onClose: () => void;
}) {
  const record = target && { record: target.item, action: target.action };
  const work = useWorkExtras('pilot_item', record);
  return (
    <WorkflowActionModal<Item, ItemAction>
      target={record}
      onClose={onClose}
      ns="pilots"
      testId="item-action"
      {...work}
      effectiveDate
      searchDocuments={searchDocuments}
      invalidate={(item) => [
        pilotKeys.unit(pilotUnitId),
        ['pilots', 'list'],
        pilotKeys.events(item.id),
        ['work'],
      ]}
      evidenceRequired
    />
  );
}
