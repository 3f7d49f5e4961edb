import { Button, Group, Input, Modal, Select, Stack, Text, Textarea, type SelectProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { applyServerErrors, orNull } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import { DateField } from '../DateField';
import { ErrorAlert } from '../ErrorAlert';

/** The actions of the task workflow (server/modules/tasks), shared by plan tasks and pilot items. */
export type WorkflowAction =
  'start' | 'report_done' | 'withdraw_report' | 'verify' | 'return' | 'reopen' | 'cancel' | 'extend';

export type WorkflowActionInput = {
  action: WorkflowAction;
  version: number;
  reason?: string | null;
  documentId?: string | null;
  output?: string | null;
  fileIds?: string[];
  newDueDate?: string | null;
};

export type DocumentRef = { id: string; numberSymbol: string; issuedOn: string; title: string };
export type SearchDocuments = (q: string) => Promise<{ items: DocumentRef[] }>;

type DocProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
  search: SearchDocuments;
  /** Prefix of the search's query key (the feature's own cache). */
  queryKeyPrefix: QueryKey;
};

/** A document of the register, searched on the server (`/api/documents?q=`). */
export function DocumentPicker({ value, onChange, search: searchDocs, queryKeyPrefix, ...rest }: DocProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<DocumentRef | null>(null);
  const docs = useQuery({
    queryKey: [...queryKeyPrefix, 'documents', q],
    queryFn: () => searchDocs(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const data = useMemo(() => {
    const items = docs.data?.items ?? [];
    const list = picked && !items.some((d) => d.id === picked.id) ? [picked, ...items] : items;
    return list.map((d) => ({
      value: d.id,
      label: `${d.numberSymbol} (${formatDate(d.issuedOn)}) — ${d.title}`,
    }));
  }, [docs.data, picked]);
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => {
        setPicked(docs.data?.items.find((d) => d.id === v) ?? null);
        onChange(v);
      }}
      filter={({ options }) => options}
      nothingFoundMessage={docs.isFetching ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

const NEEDS_OUTPUT: WorkflowAction[] = ['report_done'];
const NEEDS_REASON: WorkflowAction[] = ['return', 'reopen', 'cancel', 'extend'];
const NEEDS_DOCUMENT: WorkflowAction[] = ['cancel', 'extend'];
const FORM_FIELDS = ['output', 'fileIds', 'reason', 'documentId', 'newDueDate'];

type Values = {
  output: string;
  fileIds: string;
  reason: string;
  documentId: string | null;
  newDueDate: string | null;
};

export type WorkflowRecord = { id: string; title: string; version: number };

export type WorkflowActionModalProps<R extends WorkflowRecord> = {
  target: { record: R; action: WorkflowAction } | null;
  onClose: () => void;
  /** The feature's translation block: `<ns>.actions.*` and `<ns>.actionNames.*`. */
  ns: string;
  /** Prefix of the data-testids (`<prefix>-form`, `-output`, `-files`, `-reason`, `-document`, `-new-due`, `-submit`). */
  testId: string;
  act: (id: string, input: WorkflowActionInput) => Promise<unknown>;
  upload: (id: string, file: File) => Promise<{ id: string }>;
  searchDocuments: SearchDocuments;
  /** The queries to refresh once the action is done (or the record turned out stale). */
  invalidate: (record: R) => QueryKey[];
  /** Mark the evidence as required (when the server always requires it). */
  evidenceRequired?: boolean;
};

/** One workflow action on a task-like record, with the inputs the action needs; the server decides the rest. */
export function WorkflowActionModal<R extends WorkflowRecord>({
  target,
  onClose,
  ns,
  testId,
  act: actOn,
  upload,
  searchDocuments,
  invalidate,
  evidenceRequired = false,
}: WorkflowActionModalProps<R>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const action = target?.action;
  const form = useForm<Values>({
    initialValues: { output: '', fileIds: '', reason: '', documentId: null, newDueDate: null },
  });
  const refresh = async () => {
    if (!target) return;
    for (const queryKey of invalidate(target.record)) await queryClient.invalidateQueries({ queryKey });
  };
  const close = () => {
    form.reset();
    setFiles([]);
    setInputKey((k) => k + 1);
    act.reset();
    onClose();
  };
  const act = useMutation({
    mutationFn: async (v: Values) => {
      const record = target!.record;
      const fileIds: string[] = [];
      if (action === 'report_done') {
        for (const f of files) {
          try {
            fileIds.push((await upload(record.id, f)).id);
          } catch (e) {
            if (e instanceof ApiError) form.setFieldError('fileIds', e.fieldMessage('file') ?? e.message);
            throw e;
          }
        }
      }
      return actOn(record.id, {
        action: action!,
        version: record.version,
        ...(NEEDS_OUTPUT.includes(action!) ? { output: orNull(v.output), fileIds } : {}),
        ...(NEEDS_REASON.includes(action!) ? { reason: orNull(v.reason) } : {}),
        ...(NEEDS_DOCUMENT.includes(action!) ? { documentId: v.documentId } : {}),
        ...(action === 'extend' ? { newDueDate: v.newDueDate } : {}),
      });
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t(`${ns}.actions.done`) });
      close();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const error = act.error;
  const placedUnderFields =
    error instanceof ApiError &&
    error.details.length > 0 &&
    error.details.every((d) => FORM_FIELDS.includes(d.field));
  return (
    <Modal
      opened={!!target}
      onClose={close}
      title={action ? t(`${ns}.actionNames.${action}`) : ''}
      size="lg"
      centered
    >
      {target && (
        <form onSubmit={form.onSubmit((v) => act.mutate(v))} noValidate data-testid={`${testId}-form`}>
          <Stack gap="sm">
            <Text fw={500}>{target.record.title}</Text>
            {error && !placedUnderFields && (
              <ErrorAlert
                error={error}
                onReload={() => {
                  void refresh();
                  close();
                }}
              />
            )}
            {!NEEDS_OUTPUT.includes(target.action) && !NEEDS_REASON.includes(target.action) && (
              <Text size="sm">
                {t(`${ns}.actions.confirm`, { action: t(`${ns}.actionNames.${target.action}`) })}
              </Text>
            )}
            {NEEDS_OUTPUT.includes(target.action) && (
              <>
                <Textarea
                  label={t(`${ns}.actions.output`)}
                  withAsterisk
                  autosize
                  minRows={3}
                  {...form.getInputProps('output')}
                  data-testid={`${testId}-output`}
                />
                <Input.Wrapper
                  label={t(`${ns}.actions.evidence`)}
                  description={t(`${ns}.actions.evidenceHint`)}
                  error={form.errors.fileIds}
                  id={fileInputId}
                  withAsterisk={evidenceRequired}
                >
                  <input
                    key={inputKey}
                    id={fileInputId}
                    type="file"
                    multiple
                    className="file-input"
                    data-testid={`${testId}-files`}
                    onChange={(e) => {
                      setFiles(Array.from(e.currentTarget.files ?? []));
                      form.clearFieldError('fileIds');
                    }}
                  />
                </Input.Wrapper>
              </>
            )}
            {NEEDS_REASON.includes(target.action) && (
              <Textarea
                label={t(`${ns}.actions.reason`)}
                withAsterisk
                autosize
                minRows={2}
                {...form.getInputProps('reason')}
                data-testid={`${testId}-reason`}
              />
            )}
            {NEEDS_DOCUMENT.includes(target.action) && (
              <DocumentPicker
                label={t(`${ns}.actions.document`)}
                placeholder={t(`${ns}.actions.documentPlaceholder`)}
                withAsterisk
                value={form.values.documentId}
                onChange={(v) => form.setFieldValue('documentId', v)}
                search={searchDocuments}
                queryKeyPrefix={[ns]}
                error={form.errors.documentId}
                data-testid={`${testId}-document`}
              />
            )}
            {target.action === 'extend' && (
              <DateField
                label={t(`${ns}.actions.newDueDate`)}
                withAsterisk
                value={form.values.newDueDate}
                onChange={(v) => form.setFieldValue('newDueDate', v)}
                error={form.errors.newDueDate}
                data-testid={`${testId}-new-due`}
              />
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={act.isPending} data-testid={`${testId}-submit`}>
                {t(`${ns}.actionNames.${target.action}`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
