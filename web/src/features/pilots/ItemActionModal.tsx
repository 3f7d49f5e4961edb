import { Button, Group, Input, Modal, Select, Stack, Text, Textarea, type SelectProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { applyServerErrors, orNull } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import {
  actOnItem,
  pilotKeys,
  searchDocuments,
  uploadEvidence,
  type DocumentRef,
  type Item,
  type ItemAction,
} from './api';

type DocProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A document of the register, searched on the server (`/api/documents?q=`). */
function DocumentPicker({ value, onChange, ...rest }: DocProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<DocumentRef | null>(null);
  const docs = useQuery({
    queryKey: ['pilots', 'documents', q],
    queryFn: () => searchDocuments(q),
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
      placeholder={t('pilots.actions.documentPlaceholder')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

const NEEDS_OUTPUT: ItemAction[] = ['report_done'];
const NEEDS_REASON: ItemAction[] = ['return', 'reopen', 'cancel', 'extend'];
const NEEDS_DOCUMENT: ItemAction[] = ['cancel', 'extend'];
const FORM_FIELDS = ['output', 'fileIds', 'reason', 'documentId', 'newDueDate'];

type Values = {
  output: string;
  fileIds: string;
  reason: string;
  documentId: string | null;
  newDueDate: string | null;
};

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
    await queryClient.invalidateQueries({ queryKey: pilotKeys.unit(pilotUnitId) });
    await queryClient.invalidateQueries({ queryKey: ['pilots', 'list'] });
    if (target) await queryClient.invalidateQueries({ queryKey: pilotKeys.events(target.item.id) });
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
      const item = target!.item;
      const fileIds: string[] = [];
      if (action === 'report_done') {
        for (const f of files) {
          try {
            fileIds.push((await uploadEvidence(item.id, f)).id);
          } catch (e) {
            if (e instanceof ApiError) form.setFieldError('fileIds', e.fieldMessage('file') ?? e.message);
            throw e;
          }
        }
      }
      return actOnItem(item.id, {
        action: action!,
        version: item.version,
        ...(NEEDS_OUTPUT.includes(action!) ? { output: orNull(v.output), fileIds } : {}),
        ...(NEEDS_REASON.includes(action!) ? { reason: orNull(v.reason) } : {}),
        ...(NEEDS_DOCUMENT.includes(action!) ? { documentId: v.documentId } : {}),
        ...(action === 'extend' ? { newDueDate: v.newDueDate } : {}),
      });
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('pilots.actions.done') });
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
      title={action ? t(`pilots.actionNames.${action}`) : ''}
      size="lg"
      centered
    >
      {target && (
        <form onSubmit={form.onSubmit((v) => act.mutate(v))} noValidate data-testid="item-action-form">
          <Stack gap="sm">
            <Text fw={500}>{target.item.title}</Text>
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
                {t('pilots.actions.confirm', { action: t(`pilots.actionNames.${target.action}`) })}
              </Text>
            )}
            {NEEDS_OUTPUT.includes(target.action) && (
              <>
                <Textarea
                  label={t('pilots.actions.output')}
                  withAsterisk
                  autosize
                  minRows={3}
                  {...form.getInputProps('output')}
                  data-testid="item-action-output"
                />
                <Input.Wrapper
                  label={t('pilots.actions.evidence')}
                  description={t('pilots.actions.evidenceHint')}
                  error={form.errors.fileIds}
                  id={fileInputId}
                  withAsterisk
                >
                  <input
                    key={inputKey}
                    id={fileInputId}
                    type="file"
                    multiple
                    className="file-input"
                    data-testid="item-action-files"
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
                label={t('pilots.actions.reason')}
                withAsterisk
                autosize
                minRows={2}
                {...form.getInputProps('reason')}
                data-testid="item-action-reason"
              />
            )}
            {NEEDS_DOCUMENT.includes(target.action) && (
              <DocumentPicker
                label={t('pilots.actions.document')}
                withAsterisk
                value={form.values.documentId}
                onChange={(v) => form.setFieldValue('documentId', v)}
                error={form.errors.documentId}
                data-testid="item-action-document"
              />
            )}
            {target.action === 'extend' && (
              <DateField
                label={t('pilots.actions.newDueDate')}
                withAsterisk
                value={form.values.newDueDate}
                onChange={(v) => form.setFieldValue('newDueDate', v)}
                error={form.errors.newDueDate}
                data-testid="item-action-new-due"
              />
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={act.isPending} data-testid="item-action-submit">
                {t(`pilots.actionNames.${target.action}`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
