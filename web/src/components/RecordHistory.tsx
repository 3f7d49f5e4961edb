import { Badge, Card, Loader, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HistoryOut } from '../../../server/modules/audit/audit.schemas';
import { api } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { ChangeList } from './ChangeList';
import { ErrorAlert } from './ErrorAlert';
import { ScrollCue } from './table/ScrollCue';

const PATHS: Record<'user' | 'document', string> = { user: '/api/users', document: '/api/documents' };

export const historyQueryKey = (entity: string, id: string) => ['history', entity, id] as const;

export function actionColor(action: string): string {
  if (action === 'create') return 'green';
  if (action === 'delete' || action === 'detach_file') return 'red';
  if (action === 'update') return 'blue';
  return 'gray';
}

/** The journal of one record (who changed what, when), oldest first. */
export function RecordHistory({ entity, id }: { entity: 'user' | 'document'; id: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    // Labels come from the server in the page's language.
    queryKey: [...historyQueryKey(entity, id), i18n.language],
    queryFn: () => api.get<HistoryOut>(`${PATHS[entity]}/${id}/history`),
  });
  return (
    <Card withBorder padding="md" data-testid="record-history">
      <Title order={2} size="h4" mb="sm">
        {t('history.title')}
      </Title>
      {history.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {history.isError && <ErrorAlert error={history.error} />}
      {history.data && history.data.items.length === 0 && <Text c="dimmed">{t('history.empty')}</Text>}
      {history.data && history.data.items.length > 0 && (
        <ScrollCue minWidth={600} label={t('history.title')} testId="record-history-scroll">
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.at')}</Table.Th>
                <Table.Th>{t('history.actor')}</Table.Th>
                <Table.Th>{t('history.action')}</Table.Th>
                <Table.Th>{t('history.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actorName ?? t('history.system')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={actionColor(e.action)}>
                      {e.actionLabel}
                    </Badge>
                    {e.entity !== entity && (
                      <Text size="xs" c="dimmed">
                        {e.entityLabel}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ChangeList changes={e.changes} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollCue>
      )}
    </Card>
  );
}
