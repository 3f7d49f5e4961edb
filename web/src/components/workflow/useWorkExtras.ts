import { useQuery } from '@tanstack/react-query';
import {
  actOnWorkItem,
  getWorkItem,
  uploadWorkFile,
  workFileHref,
  type WorkActionResult,
  type WorkKind,
} from './work';
import type { WorkflowActionModalProps, WorkflowRecord } from './WorkflowActionModal';

/**
 * What a kind's own action dialog (plan task, pilot item) takes from the work engine: the action and the
 * upload go through `/api/work/:kind/:id`, a reviewer sees what the unit reported, a re-report after a
 * return starts from the previous text and files, and the confirmation says who acts next.
 */
export function useWorkExtras<R extends WorkflowRecord>(
  kind: WorkKind,
  target: { record: R; action: string } | null,
): Pick<
  WorkflowActionModalProps<R, string>,
  'act' | 'upload' | 'reported' | 'previous' | 'fileHref' | 'nextStep'
> {
  const id = target?.record.id ?? '';
  const item = useQuery({
    queryKey: ['work', 'item', kind, id, target?.record.version ?? 0],
    queryFn: () => getWorkItem(kind, id),
    enabled: !!target,
  });
  const w = item.data;
  return {
    act: (recordId, input) => actOnWorkItem(kind, recordId, input),
    upload: (recordId, file) => uploadWorkFile(kind, recordId, file),
    reported: w?.reported ?? null,
    previous:
      w && w.status === 'returned'
        ? { output: w.reported?.output ?? null, files: w.reported?.files ?? [], reason: w.lastReason }
        : null,
    fileHref: (fileId) => workFileHref(kind, id, fileId),
    nextStep: (result) => (result as WorkActionResult | undefined)?.next ?? null,
  };
}
