import { Button, Group, Input, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import { importDefinition, surveyKeys, type Survey } from '../api';
import { WorkbookProblemsTable, XLSX_ACCEPT } from './workbook';

/**
 * A questionnaire from an XLSForm-like workbook (the layout "Tải Excel" gives): all or nothing — any problem refuses
 * the file and each is listed with its sheet, row and column. Replaces the draft version, or makes the next version
 * when the current one is published or answered.
 */
export function DefinitionImport({
  s,
  opened,
  onClose,
}: {
  s: Survey;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const frozen = !!s.current.publishedAt || s.current.responses > 0;
  const run = useMutation({
    mutationFn: () => importDefinition(s.id, file!),
    onSuccess: async (saved) => {
      const next = saved && typeof saved === 'object' && 'current' in saved ? saved.current.number : null;
      notifications.show({
        color: 'green',
        message:
          next && next !== s.current.number
            ? t('surveys.builder.newVersion', { n: next })
            : t('surveys.builder.imported'),
      });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      close();
    },
  });
  function close() {
    setFile(null);
    setTried(false);
    setInputKey((k) => k + 1);
    run.reset();
    onClose();
  }
  const error = run.error;
  const rows = error instanceof ApiError && error.status === 400 && error.details.length > 0;
  const stale = error instanceof ApiError && error.isStale;
  return (
    <Modal opened={opened} onClose={close} title={t('surveys.builder.importTitle')} size="xl" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (file) run.mutate();
        }}
      >
        <Stack gap="md" data-testid="definition-import-modal">
          <Text size="sm">{t('surveys.builder.importLead')}</Text>
          <List size="sm" spacing={2}>
            <List.Item>{t('surveys.builder.importLayout')}</List.Item>
            <List.Item>{t('surveys.builder.importAllOrNothing')}</List.Item>
            <List.Item>
              {frozen
                ? t('surveys.builder.importNewVersion', { n: s.current.number + 1 })
                : t('surveys.builder.importReplaces')}
            </List.Item>
          </List>
          <Input.Wrapper
            label={t('surveys.workbook.file')}
            id={inputId}
            withAsterisk
            error={tried && !file ? t('surveys.workbook.fileRequired') : undefined}
          >
            <input
              key={inputKey}
              id={inputId}
              type="file"
              accept={XLSX_ACCEPT}
              className="file-input"
              data-testid="definition-import-file"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                run.reset();
              }}
            />
          </Input.Wrapper>
          {rows ? (
            <WorkbookProblemsTable error={error} testId="definition-import-problems" />
          ) : (
            <ErrorAlert
              error={error}
              onReload={
                stale
                  ? () => {
                      close();
                      void queryClient.invalidateQueries({ queryKey: surveyKeys.one(s.id) });
                    }
                  : undefined
              }
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={run.isPending} data-testid="definition-import-submit">
              {t('surveys.builder.importSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
