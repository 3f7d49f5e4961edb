import {
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  type SelectProps,
} from '@mantine/core';
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
import { useEffect, useMemo, useState } from 'react';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { applyServerErrors, orNull } from '../../lib/forms';
import { formatDate, formatFileSize, isoDate } from '../../lib/format';
import { api } from '../../lib/api';
import { DateField } from '../DateField';
import { ErrorAlert } from '../ErrorAlert';
import type { DocumentOut } from '../../../../server/modules/documents/documents.schemas';
import type { TaskAction } from '../../../../server/modules/plans/plans.schemas';
import type {
  ActionInput,
  Bilingual,
  ReportedOut,
  UploadRulesOut,
  WorkFileOut,
} from '../../../../server/modules/work/work.schemas';

/** The actions of the task workflow (server/modules/tasks), shared by plan tasks and pilot items. */
export type WorkflowAction = TaskAction;

/** The actions of a report's review (pilot reports: submit → accept or return), on top of the task workflow's. */
export type ReviewAction = 'submit' | 'accept';

export type AnyWorkflowAction = WorkflowAction | ReviewAction;

/** The body of an action (the work engine's), with the record's own actions. */
export type WorkflowActionInput<A extends string = WorkflowAction> = Omit<ActionInput, 'action'> & {
  action: A;
};

/** A register document as the picker offers it. */
export type DocumentRef = Pick<DocumentOut, 'id' | 'numberSymbol' | 'issuedOn' | 'title'>;
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

const NEEDS_OUTPUT: readonly string[] = ['report_done', 'submit'];
const NEEDS_REASON: readonly string[] = ['return', 'reopen', 'cancel', 'extend'];
const NEEDS_DOCUMENT: readonly string[] = ['cancel', 'extend'];
/** Actions that judge what a unit reported: the dialog shows it. */
const JUDGES_REPORT: readonly string[] = ['verify', 'return', 'accept'];
const FORM_FIELDS = ['output', 'fileIds', 'reason', 'documentId', 'newDueDate', 'effectiveDate'];

/** How each outcome is confirmed: its own words (`workflow.done.<action>`) and colour. */
const DONE_COLOR: Record<string, string> = {
  verify: 'green',
  accept: 'green',
  report_done: 'teal',
  submit: 'teal',
  return: 'orange',
  cancel: 'gray',
  reopen: 'blue',
  extend: 'blue',
  start: 'blue',
  withdraw_report: 'gray',
};

/** What an evidence file may be (types by content, size): asked once, shown beside the picker. */
const useUploadRules = () =>
  useQuery({
    queryKey: ['work', 'upload-rules'],
    queryFn: () => api.get<UploadRulesOut>('/api/work/upload-rules'),
    staleTime: Infinity,
  });

/** An evidence file already stored (what was reported, or what a returned report carried). */
export type WorkflowFile = WorkFileOut;

/** What the unit reported: the output text, the evidence files, who and when. */
export type ReportedWork = ReportedOut;

/** Who acts next, in both languages (the server's words). */
export type NextStep = Bilingual | null;

type Values = {
  output: string;
  fileIds: string;
  reason: string;
  documentId: string | null;
  newDueDate: string | null;
  effectiveDate: string | null;
};

export type WorkflowRecord = { id: string; title: string; version: number };

export type WorkflowActionModalProps<R extends WorkflowRecord, A extends string = WorkflowAction> = {
  target: { record: R; action: A } | null;
  onClose: () => void;
  /** The feature's translation block: `<ns>.actions.*` and `<ns>.actionNames.*`. */
  ns: string;
  /** Prefix of the data-testids (`<prefix>-form`, `-output`, `-files`, `-reason`, `-document`, `-new-due`, `-submit`). */
  testId: string;
  act: (id: string, input: WorkflowActionInput<A>) => Promise<unknown>;
  upload: (id: string, file: File) => Promise<{ id: string }>;
  searchDocuments: SearchDocuments;
  /** The queries to refresh once the action is done (or the record turned out stale). */
  invalidate: (record: R) => QueryKey[];
  /** Mark the evidence as required (when the server always requires it). */
  evidenceRequired?: boolean;
  /**
   * What is being judged (verify, return, accept): the unit's reported output and evidence, shown above
   * the inputs with download links (`fileHref`).
   */
  reported?: ReportedWork | null;
  /**
   * A report after a return (report_done, submit): the output starts from the previous text and the
   * previous files are offered as already attached (they are cited again unless unticked).
   */
  previous?: { output: string | null; files: WorkflowFile[]; reason?: string | null } | null;
  /** The download address of a stored file (for `reported` and `previous`). */
  fileHref?: (fileId: string) => string;
  /** Who acts next, read from the action's answer: said in the confirmation. */
  nextStep?: (result: unknown) => NextStep;
  /**
   * Ask for the day the step took effect (default today; the server's rules bound it). Only where the
   * action's route takes `effectiveDate` (the work engine's and the plans' routes).
   */
  effectiveDate?: boolean;
};

function FileList({
  files,
  href,
  testId,
}: {
  files: WorkflowFile[];
  href?: (id: string) => string;
  testId: string;
}) {
  return (
    <Stack gap={2} data-testid={testId}>
      {files.map((f) => (
        <Text size="sm" key={f.id} data-testid={`${testId}-file`}>
          {href ? (
            <Anchor href={href(f.id)} target="_blank" rel="noopener">
              {f.originalName}
            </Anchor>
          ) : (
            f.originalName
          )}{' '}
          <Text span size="xs" c="dimmed">
            ({formatFileSize(f.size)})
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

/** One workflow action on a task-like record, with the inputs the action needs; the server decides the rest. */
export function WorkflowActionModal<R extends WorkflowRecord, A extends string = WorkflowAction>({
  target,
  onClose,
  ns,
  testId,
  act: actOn,
  upload,
  searchDocuments,
  invalidate,
  evidenceRequired = false,
  reported,
  previous,
  fileHref,
  nextStep,
  effectiveDate: askEffectiveDate = false,
}: WorkflowActionModalProps<R, A>) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const action = target?.action;
  const today = isoDate();
  const form = useForm<Values>({
    initialValues: {
      output: '',
      fileIds: '',
      reason: '',
      documentId: null,
      newDueDate: null,
      effectiveDate: today,
    },
  });
  const rules = useUploadRules();
  const tooBig = (f: File) => !!rules.data && f.size > rules.data.maxBytes;
  const reReport = !!action && NEEDS_OUTPUT.includes(action) && !!previous;
  // The previous files cited again (all, until the user unticks one); reset with each new target.
  const [kept, setKept] = useState<string[] | null>(null);
  const previousOutput = reReport ? (previous?.output ?? '') : '';
  useEffect(() => {
    setKept(null);
    if (target && previousOutput) form.setFieldValue('output', previousOutput);
    // Only when another record or action is opened: the user's edits are theirs afterwards.
  }, [target?.record.id, target?.action]);
  const keptIds = kept ?? (reReport ? (previous?.files ?? []).map((f) => f.id) : []);
  const refresh = async () => {
    if (!target) return;
    for (const queryKey of invalidate(target.record)) await queryClient.invalidateQueries({ queryKey });
  };
  const close = () => {
    form.reset();
    setFiles([]);
    act.reset();
    onClose();
  };
  const act = useMutation({
    mutationFn: async (v: Values) => {
      const record = target!.record;
      const fileIds: string[] = [...keptIds];
      if (NEEDS_OUTPUT.includes(action!)) {
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
        // Sent only when it is not today (the server's default), so routes without it are unaffected.
        ...(askEffectiveDate && v.effectiveDate && v.effectiveDate !== today
          ? { effectiveDate: v.effectiveDate }
          : {}),
      });
    },
    onSuccess: async (result) => {
      const next = nextStep?.(result) ?? null;
      // The server's sentence may end with its own full stop; the message adds one.
      const who = next ? (i18n.language.startsWith('en') ? next.en : next.vi).replace(/[.\s]+$/, '') : null;
      // Each outcome in its own words (verified, returned, cancelled, reopened…), then who acts next.
      const done = t([`workflow.done.${action!}`, `${ns}.actions.done`]);
      notifications.show({
        color: DONE_COLOR[action!] ?? 'green',
        title: who ? done : undefined,
        message: who ? t('workflow.next', { who }) : done,
        'data-testid': 'workflow-done',
        'data-action': action,
      });
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
        <form
          onSubmit={form.onSubmit((v) => {
            // A file over the size limit is named at once, before anything is uploaded.
            const big = files.find(tooBig);
            if (big)
              form.setFieldError(
                'fileIds',
                t('workflow.fileTooBig', { name: big.name, max: formatFileSize(rules.data!.maxBytes) }),
              );
            else act.mutate(v);
          })}
          noValidate
          data-testid={`${testId}-form`}
        >
          <Stack gap="sm">
            <Text fw={500}>{target.record.title}</Text>
            {reported && JUDGES_REPORT.includes(target.action) && (
              <Paper withBorder p="sm" radius="sm" data-testid={`${testId}-reported`}>
                <Text size="sm" fw={600}>
                  {t('workflow.reportedTitle')}
                </Text>
                {(reported.byName || reported.on) && (
                  <Text size="xs" c="dimmed">
                    {[reported.byName, reported.on ? formatDate(reported.on) : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                )}
                <Text
                  size="sm"
                  mt={4}
                  style={{ whiteSpace: 'pre-wrap' }}
                  data-testid={`${testId}-reported-output`}
                >
                  {reported.output || t('workflow.noOutput')}
                </Text>
                <Text size="sm" fw={600} mt="xs">
                  {t('workflow.evidenceFiles', { count: reported.files.length })}
                </Text>
                {reported.files.length > 0 ? (
                  <FileList files={reported.files} href={fileHref} testId={`${testId}-reported-files`} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('workflow.noFiles')}
                  </Text>
                )}
              </Paper>
            )}
            {reReport && previous?.reason && (
              <Text size="sm" c="orange.8" data-testid={`${testId}-last-reason`}>
                {t('workflow.lastReason', { reason: previous.reason })}
              </Text>
            )}
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
                <Stack gap={4}>
                  {reReport && !!previous?.files.length && (
                    <Stack gap={4} data-testid={`${testId}-previous-files`}>
                      <Text size="sm" fw={500}>
                        {t(`${ns}.actions.evidence`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('workflow.previousFiles')}
                      </Text>
                      {previous.files.map((f) => (
                        <Checkbox
                          key={f.id}
                          size="sm"
                          checked={keptIds.includes(f.id)}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setKept(on ? [...keptIds, f.id] : keptIds.filter((id) => id !== f.id));
                            form.clearFieldError('fileIds');
                          }}
                          label={
                            fileHref ? (
                              <Anchor href={fileHref(f.id)} target="_blank" rel="noopener" size="sm">
                                {f.originalName}
                              </Anchor>
                            ) : (
                              f.originalName
                            )
                          }
                          data-testid={`${testId}-previous-file`}
                        />
                      ))}
                    </Stack>
                  )}
                  <FileInput
                    label={reReport && !!previous?.files.length ? undefined : t(`${ns}.actions.evidence`)}
                    description={
                      rules.data
                        ? t('workflow.evidenceRules', {
                            types: rules.data.extensions.map((e) => e.toUpperCase()).join(', '),
                            max: formatFileSize(rules.data.maxBytes),
                          })
                        : t(`${ns}.actions.evidenceHint`)
                    }
                    placeholder={t('workflow.chooseFiles')}
                    withAsterisk={evidenceRequired && !(reReport && keptIds.length)}
                    multiple
                    clearable
                    accept={rules.data?.extensions.map((e) => `.${e}`).join(',')}
                    leftSection={<IconPaperclip size={16} aria-hidden />}
                    value={files}
                    onChange={(picked) => {
                      setFiles(picked);
                      const big = picked.find(tooBig);
                      if (big)
                        form.setFieldError(
                          'fileIds',
                          t('workflow.fileTooBig', {
                            name: big.name,
                            max: formatFileSize(rules.data!.maxBytes),
                          }),
                        );
                      else form.clearFieldError('fileIds');
                    }}
                    valueComponent={({ value }) => (
                      <Text size="sm" truncate>
                        {Array.isArray(value) && value.length > 1
                          ? t('workflow.filesChosen', { count: value.length })
                          : Array.isArray(value)
                            ? (value[0]?.name ?? '')
                            : (value?.name ?? '')}
                      </Text>
                    )}
                    error={form.errors.fileIds}
                    fileInputProps={{ 'data-testid': `${testId}-files` } as React.ComponentProps<'input'>}
                    data-testid={`${testId}-choose-files`}
                  />
                  {files.length > 0 && (
                    <Stack gap={2} data-testid={`${testId}-chosen-files`}>
                      {files.map((f) => (
                        <Text size="sm" key={`${f.name}-${f.size}`} c={tooBig(f) ? 'red' : undefined}>
                          {f.name}{' '}
                          <Text span size="xs" c="dimmed">
                            ({formatFileSize(f.size)})
                          </Text>
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Stack>
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
            {askEffectiveDate && (
              <DateField
                label={t('workflow.effectiveDate')}
                description={t('workflow.effectiveDateHint')}
                withAsterisk
                clearable={false}
                maxDate={today}
                value={form.values.effectiveDate}
                onChange={(v) => form.setFieldValue('effectiveDate', v ?? today)}
                error={form.errors.effectiveDate}
                data-testid={`${testId}-effective-date`}
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
