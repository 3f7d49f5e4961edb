import {
  Alert,
  Button,
  Group,
  Input,
  List,
  Modal,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import { frameworkKeys, importFramework, UNIT_GROUPS, type UnitGroup } from './api';
import { groupLabel } from './labels';
import { whereOf } from './pageModel';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function ProblemTable({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const place = (field: string) => {
    const w = whereOf(field);
    if (w.row === null) return w.raw;
    return [
      w.sheet
        ? t(`parFrameworks.import.sheets.${w.sheet}`)
        : w.sheetName
          ? t('parFrameworks.import.sheetNamed', { name: w.sheetName })
          : null,
      t('parFrameworks.import.row', { row: w.row }),
      w.column ? t('parFrameworks.import.column', { column: w.column }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  };
  return (
    <Stack gap="xs">
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        role="alert"
        data-testid="framework-import-invalid"
      >
        {error.message}
      </Alert>
      <ScrollArea.Autosize mah={320}>
        <Table striped withTableBorder verticalSpacing={6} data-testid="framework-import-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>{t('parFrameworks.import.where')}</Table.Th>
              <Table.Th>{t('parFrameworks.import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {error.details.map((d, i) => (
              <Table.Tr key={`${d.field}-${i}`} data-testid="framework-import-problem">
                <Table.Td fw={500}>{place(d.field)}</Table.Td>
                <Table.Td>{d.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/**
 * A framework from a workbook (the layout of "Tải Excel": sheet "Bộ tiêu chí" and sheet "Xếp loại và thiết lập")
 * for a year and a group. All or nothing: any problem refuses the whole file and each is listed with its sheet,
 * row and column; a file whose content is already a version opens that version.
 */
export function ImportModal({
  opened,
  onClose,
  year: initialYear,
}: {
  opened: boolean;
  onClose: () => void;
  year: number;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [year, setYear] = useState<number | string>(initialYear);
  const [group, setGroup] = useState<UnitGroup>('department');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [tried, setTried] = useState(false);
  const validYear = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;

  const run = useMutation({
    mutationFn: () => importFramework(file!, year as number, group),
    onSuccess: async ({ framework, created }) => {
      notifications.show({
        color: created ? 'green' : 'blue',
        message: created
          ? t('parFrameworks.import.created', { year: framework.year, number: framework.number })
          : t('parFrameworks.import.same', { year: framework.year, number: framework.number }),
      });
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
      close();
      await navigate({ to: '/par/frameworks/$id', params: { id: framework.id } });
    },
  });

  function close() {
    setFile(null);
    setInputKey((k) => k + 1);
    setTried(false);
    run.reset();
    onClose();
  }

  const error = run.error;
  const rowsInvalid = error instanceof ApiError && error.status === 400 && error.details.length > 0;

  return (
    <Modal opened={opened} onClose={close} title={t('parFrameworks.import.title')} size="xl" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (file && validYear) run.mutate();
        }}
      >
        <Stack gap="md" data-testid="framework-import-modal">
          <Text size="sm">{t('parFrameworks.import.lead')}</Text>
          <List size="sm" spacing={2}>
            <List.Item>{t('parFrameworks.import.hintLayout')}</List.Item>
            <List.Item>{t('parFrameworks.import.hintAllOrNothing')}</List.Item>
            <List.Item>{t('parFrameworks.import.hintDraft')}</List.Item>
          </List>
          <Group align="flex-end" gap="md" wrap="wrap">
            <NumberInput
              label={t('parFrameworks.import.year')}
              value={year}
              onChange={setYear}
              min={2000}
              max={2100}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=""
              w={140}
              withAsterisk
              error={
                tried && !validYear
                  ? t('parFrameworks.create.yearInvalid', { min: 2000, max: 2100 })
                  : undefined
              }
              data-testid="framework-import-year"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`${inputId}-group`}>
                {t('parFrameworks.import.group')}
              </Text>
              <SegmentedControl
                aria-labelledby={`${inputId}-group`}
                value={group}
                onChange={(v) => setGroup(v as UnitGroup)}
                data={UNIT_GROUPS.map((g) => ({ value: g, label: groupLabel(t, g) }))}
                data-testid="framework-import-group"
              />
            </Stack>
          </Group>
          <Input.Wrapper
            label={t('parFrameworks.import.file')}
            id={inputId}
            withAsterisk
            error={tried && !file ? t('parFrameworks.import.fileRequired') : undefined}
          >
            <input
              key={inputKey}
              id={inputId}
              type="file"
              accept={XLSX}
              className="file-input"
              data-testid="framework-import-file"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                run.reset();
              }}
            />
          </Input.Wrapper>
          {rowsInvalid ? <ProblemTable error={error} /> : <ErrorAlert error={error} />}
          {!error && (
            <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
              {t('parFrameworks.import.templateHint')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={run.isPending} data-testid="framework-import-submit">
              {t('parFrameworks.import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
