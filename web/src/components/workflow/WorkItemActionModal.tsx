import type { QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  actOnWorkItem,
  searchRegister,
  titleOf,
  uploadWorkFile,
  workFileHref,
  workKeys,
  type WorkActionResult,
  type WorkItem,
} from './work';
import { WorkflowActionModal } from './WorkflowActionModal';

/** Statuses after which a new report starts from the returned one. */
const RETURNED = ['returned'];

/**
 * One action on a work item of any kind (plan task, pilot item, pilot report) through the work engine:
 * evidence is uploaded to `/api/work/:kind/:id/files`, the action posted to `/api/work/:kind/:id/actions`;
 * a reviewer sees what was reported, a unit re-reporting after a return starts from its previous report,
 * and the confirmation says who acts next. The queues (and `invalidate`'s extra keys) are refreshed.
 */
export function WorkItemActionModal({
  target,
  onClose,
  invalidate = [],
}: {
  target: { item: WorkItem; action: string } | null;
  onClose: () => void;
  invalidate?: QueryKey[];
}) {
  const { i18n } = useTranslation();
  const item = target?.item;
  const returned = !!item && RETURNED.includes(item.status);
  return (
    <WorkflowActionModal<WorkItem, string>
      target={
        target && {
          record: { ...target.item, title: titleOf(target.item, i18n.language) },
          action: target.action,
        }
      }
      onClose={onClose}
      ns="work"
      testId="work-action"
      act={(id, input) => actOnWorkItem(item!.kind, id, input)}
      upload={(id, file) => uploadWorkFile(item!.kind, id, file)}
      searchDocuments={searchRegister}
      invalidate={() => [workKeys.all, ...invalidate]}
      evidenceRequired={!!item?.evidenceRequired}
      reported={item?.reported ?? null}
      previous={
        returned && item
          ? {
              output: item.reported?.output ?? null,
              files: item.reported?.files ?? [],
              reason: item.lastReason,
            }
          : null
      }
      fileHref={(fileId) => workFileHref(item!.kind, item!.id, fileId)}
      nextStep={(result) => (result as WorkActionResult | undefined)?.next ?? null}
      effectiveDate
    />
  );
}
