import { Anchor, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScrollCue } from '../../components/table';
import { formatNumber, sortVi } from '../../lib/format';
import { inLanguage, reportKeys, traceFigure, type Trace } from './api';
import { useChoiceLabels } from './form/fields/ChoiceField';
import type { Field } from './form/model';

/** A unit's value as read: a figure as 1.234,5 (a share with %), a choice by its labels (never keys). */
function useLineValue(field: Field | null) {
  const { t } = useTranslation();
  const labels = useChoiceLabels();
  return (value: Trace['lines'][number]['value']): string => {
    if (typeof value === 'number') {
      const decimals =
        field && (field.type === 'number' || field.type === 'percent' || field.type === 'computed')
          ? Math.max(field.decimals, 0)
          : 2;
      const percent = field?.type === 'percent' || (field?.type === 'computed' && field.result === 'percent');
      return `${formatNumber(value, decimals)}${percent ? '%' : ''}`;
    }
    if (field?.type === 'choice') {
      const shown = labels(field, value);
      if (shown.length) return shown.join('; ');
    }
    return t('reports.trace.otherValue');
  };
}

/**
 * The unit reports behind one consolidated figure: each unit's value (a link to its report), how they were
 * put together, and the units that sent nothing (not counted).
 */
export function TraceModal({
  roundId,
  field,
  onClose,
}: {
  roundId: string;
  field: Field | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const trace = useQuery({
    queryKey: [...reportKeys.trace(roundId, field?.key ?? ''), i18n.language],
    queryFn: () => traceFigure(roundId, field!.key),
    enabled: !!field,
  });
  const show = useLineValue(field);
  const d = trace.data;
  const weighted = !!d?.lines.some((l) => l.weight != null);
  return (
    <Modal
      opened={!!field}
      onClose={onClose}
      title={t('reports.trace.title')}
      size="lg"
      centered
      data-testid="trace-modal"
    >
      {trace.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {trace.isError && <ErrorAlert error={trace.error} />}
      {d && (
        <Stack gap="sm">
          <div>
            <Text fw={600}>{inLanguage(d.label, i18n.language)}</Text>
            <Text size="sm" c="dimmed">
              {t(`reports.aggregate.${d.aggregate}`, { defaultValue: t('reports.aggregate.none') })}
              {d.value !== null && (
                <>
                  {' · '}
                  {t('reports.trace.result')}: <strong>{show(d.value)}</strong>
                </>
              )}
            </Text>
          </div>
          {d.lines.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('reports.trace.noLines')}
            </Text>
          ) : (
            <ScrollCue minWidth={weighted ? 460 : 360} label={t('reports.trace.title')}>
              <Table striped verticalSpacing="xs" data-testid="trace-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.trace.unit')}</Table.Th>
                    <Table.Th ta="right">{t('reports.trace.value')}</Table.Th>
                    {weighted && <Table.Th ta="right">{t('reports.trace.weight')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sortVi(d.lines, (l) => l.unitName).map((l) => (
                    <Table.Tr key={l.unitId} data-testid="trace-line">
                      <Table.Td>
                        {l.reportId ? (
                          <Anchor
                            size="sm"
                            renderRoot={(props) => (
                              <Link to="/reports/$reportId" params={{ reportId: l.reportId }} {...props} />
                            )}
                            onClick={onClose}
                          >
                            {l.unitName}
                          </Anchor>
                        ) : (
                          l.unitName
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {show(l.value)}
                      </Table.Td>
                      {weighted && (
                        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {l.weight != null ? formatNumber(l.weight) : ''}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollCue>
          )}
          {d.notSubmitted.length > 0 && (
            <Group gap={4} data-testid="trace-not-submitted">
              <Text size="sm" c="orange.8">
                {t('reports.trace.notSubmitted', { count: d.notSubmitted.length })}{' '}
                {sortVi(d.notSubmitted, (u) => u.unitName)
                  .map((u) => u.unitName)
                  .join(', ')}
              </Text>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}
