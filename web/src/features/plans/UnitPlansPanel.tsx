import { ScrollCue } from '../../components/table';
import {
  Anchor,
  Badge,
  Center,
  Group,
  Loader,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { formatPct, planKeys, unitPlanCoverage } from './api';
import { PlanPurposeBadge } from './badges';

/**
 * Which departments and localities have issued their own yearly PAR plan, as they stood that year; the
 * percentage and the list behind it come from the same answer. A unit's remediation or improvement plans are
 * shown under it with their badge: they are not its yearly PAR plan and do not count.
 */
export function UnitPlansPanel({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const [show, setShow] = useState<'all' | 'missing' | 'issued'>('all');
  const coverage = useQuery({ queryKey: planKeys.coverage(year), queryFn: () => unitPlanCoverage(year) });
  if (coverage.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (coverage.isError) return <ErrorAlert error={coverage.error} />;
  const c = coverage.data!;
  if (!c.expected)
    return (
      <Text c="dimmed" data-testid="unit-plans-empty">
        {t('plans.unitPlans.none')}
      </Text>
    );
  const rows = c.units.filter((u) => (show === 'all' ? true : show === 'issued' ? !!u.plan : !u.plan));
  return (
    <Stack gap="md" data-testid="unit-plans">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text fw={600} size="lg" data-testid="unit-plans-summary">
            {t('plans.unitPlans.summary', {
              issued: c.issued.length,
              expected: c.expected,
              pct: formatPct(c.percent, i18n.language),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('plans.unitPlans.asOf', { date: formatDate(c.asOf) })}
          </Text>
        </div>
        <SegmentedControl
          value={show}
          onChange={(v) => setShow(v as typeof show)}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'missing', label: t('plans.unitPlans.missing') },
            { value: 'issued', label: t('plans.unitPlans.issued') },
          ]}
          data-testid="unit-plans-filter"
        />
      </Group>
      <Progress value={c.percent ?? 0} size="lg" aria-label={t('plans.unitPlans.title')} />
      <ScrollCue minWidth={600}>
        <Table striped data-testid="unit-plans-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plans.unitPlans.unit')}</Table.Th>
              <Table.Th>{t('plans.unitPlans.kind')}</Table.Th>
              <Table.Th>{t('plans.unitPlans.plan')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((u) => (
              <Table.Tr key={u.unitId} data-testid="unit-plan-row" data-issued={u.plan ? 'yes' : 'no'}>
                <Table.Td>{u.unitName}</Table.Td>
                <Table.Td>{t(`units.kinds.${u.kind}`, { defaultValue: u.kind })}</Table.Td>
                <Table.Td>
                  {u.plan ? (
                    <Anchor
                      size="sm"
                      renderRoot={(props) => (
                        <Link to="/plans/$planId" params={{ planId: u.plan!.id }} {...props} />
                      )}
                    >
                      {u.plan.title}
                    </Anchor>
                  ) : (
                    <Badge color="orange" variant="light">
                      {t('plans.unitPlans.notYet')}
                    </Badge>
                  )}
                  {u.otherPlans.length > 0 && (
                    <Stack
                      gap={4}
                      mt={6}
                      role="group"
                      aria-label={t('plans.unitPlans.otherPlans')}
                      data-testid="unit-other-plans"
                    >
                      {u.otherPlans.map((o) => (
                        <Group key={o.id} gap={6} wrap="nowrap" align="center">
                          <PlanPurposeBadge purpose={o.purpose} />
                          <Anchor
                            size="xs"
                            renderRoot={(props) => (
                              <Link to="/plans/$planId" params={{ planId: o.id }} {...props} />
                            )}
                          >
                            {o.title}
                          </Anchor>
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollCue>
    </Stack>
  );
}
