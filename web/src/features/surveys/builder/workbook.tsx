/** The pieces of a workbook upload the survey pages share: the file types accepted, the refused rows' table. */
import { Alert, ScrollArea, Stack, Table } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../lib/api';
import { workbookPlace } from '../model/problems';

/** Workbooks only (the server reads .xlsx). */
export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The rows of an uploaded workbook the server refused, each with where it is (sheet, row, column) and why. */
export function WorkbookProblemsTable({ error, testId }: { error: ApiError; testId: string }) {
  const { t } = useTranslation();
  const place = (field: string) => {
    const w = workbookPlace(field);
    return [
      w.sheet ? t('surveys.workbook.sheet', { name: w.sheet }) : null,
      w.row !== null ? t('surveys.workbook.row', { row: w.row }) : null,
      w.column ? t('surveys.workbook.column', { column: w.column }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  };
  return (
    <Stack gap="xs">
      <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
        {error.message}
      </Alert>
      <ScrollArea.Autosize mah={320}>
        <Table striped withTableBorder verticalSpacing={6} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('surveys.workbook.where')}</Table.Th>
              <Table.Th>{t('surveys.workbook.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {error.details.map((d, i) => (
              <Table.Tr key={`${d.field}-${i}`} data-testid={`${testId}-row`}>
                <Table.Td fw={500}>{place(d.field) || '—'}</Table.Td>
                <Table.Td>{d.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
