import {
  Anchor,
  Card,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, formatNumber } from '../../../lib/format';
import { getFigures, inspectionKeys, type Figures } from '../api';
import { StatusBadge, dateRange } from '../labels';

type Opened = { title: string; kind: 'inspections' | 'recommendations' | 'findings'; ids: string[] } | null;

/** The year's inspection figures (`/inspections/figures`); each figure opens the records behind it. */
export function FiguresPage() {
  const { t } = useTranslation();
  const now = new Date().getFullYear();
  const [year, setYear] = useState(now);
  const q = useQuery({ queryKey: inspectionKeys.figures(year), queryFn: () => getFigures(year) });
  const [opened, setOpened] = useState<Opened>(null);
  const f = q.data;
  const Fig = ({
    label,
    ids,
    kind,
    bad,
  }: {
    label: string;
    ids: string[];
    kind: NonNullable<Opened>['kind'];
    bad?: boolean;
  }) => (
    <Paper withBorder radius="md" p="sm">
      <UnstyledButton onClick={() => setOpened({ title: label, kind, ids })} w="100%" data-testid="figure">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text fz={26} fw={700} c={bad && ids.length ? 'red.7' : undefined}>
          {formatNumber(ids.length)}
        </Text>
      </UnstyledButton>
    </Paper>
  );
  return (
    <Stack gap="md">
      <PageHeader
        title={t('inspections.figures.title')}
        description={f ? t('inspections.figures.description', { date: formatDate(f.asOf) }) : undefined}
        actions={
          <Select
            aria-label={t('inspections.year')}
            data={[now, now - 1, now - 2].map(String)}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            w={110}
            allowDeselect={false}
          />
        }
      />
      {q.isLoading && <Loader aria-label={t('common.loading')} />}
      {q.isError && <ErrorAlert error={q.error} />}
      {f && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Paper withBorder radius="md" p="sm">
              <UnstyledButton
                onClick={() =>
                  setOpened({
                    title: t('inspections.figures.plannedDone'),
                    kind: 'inspections',
                    ids: f.inspections.planned.ids,
                  })
                }
                w="100%"
                data-testid="figure"
              >
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('inspections.figures.plannedDone')}
                </Text>
                <Text fz={26} fw={700}>
                  {formatNumber(f.inspections.plannedDone.value)}/{formatNumber(f.inspections.planned.value)}
                </Text>
              </UnstyledButton>
            </Paper>
            <Fig label={t('inspections.figures.done')} ids={f.inspections.done.ids} kind="inspections" />
            <Fig
              label={t('inspections.figures.surprise')}
              ids={f.inspections.surprise.ids}
              kind="inspections"
            />
            <Fig
              label={t('inspections.figures.concluded')}
              ids={f.inspections.concluded.ids}
              kind="inspections"
            />
          </SimpleGrid>
          <Card withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Title order={2} size="h5">
                {t('inspections.figures.recommendations')}
              </Title>
              <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
                <Fig
                  label={t('inspections.figures.recTotal')}
                  ids={f.recommendations.total.ids}
                  kind="recommendations"
                />
                <Fig
                  label={t('inspections.figures.recVerified')}
                  ids={f.recommendations.verified.ids}
                  kind="recommendations"
                />
                <Fig
                  label={t('inspections.figures.recOnTime')}
                  ids={f.recommendations.verifiedOnTime.ids}
                  kind="recommendations"
                />
                <Fig
                  label={t('inspections.figures.recOpen')}
                  ids={f.recommendations.open.ids}
                  kind="recommendations"
                />
                <Fig
                  label={t('inspections.figures.recOverdue')}
                  ids={f.recommendations.overdue.ids}
                  kind="recommendations"
                  bad
                />
              </SimpleGrid>
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Title order={2} size="h5">
                {t('inspections.figures.findings')}
              </Title>
              <Table.ScrollContainer minWidth={600}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('inspections.plan.areas')}</Table.Th>
                      {(['compliant', 'shortcoming', 'violation', 'not_applicable'] as const).map((r) => (
                        <Table.Th key={r} ta="right">
                          {t(`inspections.results.${r}`)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {f.findings.map((row) => (
                      <Table.Tr key={row.area}>
                        <Table.Td>{t(`inspections.areas.${row.area}`)}</Table.Td>
                        {(
                          [
                            ['compliant', row.compliant],
                            ['shortcoming', row.shortcoming],
                            ['violation', row.violation],
                            ['not_applicable', row.notApplicable],
                          ] as const
                        ).map(([r, fig]) => (
                          <Table.Td key={r} ta="right">
                            <Anchor
                              component="button"
                              onClick={() =>
                                setOpened({
                                  title: `${t(`inspections.areas.${row.area}`)} · ${t(`inspections.results.${r}`)}`,
                                  kind: 'findings',
                                  ids: fig.ids,
                                })
                              }
                            >
                              {formatNumber(fig.value)}
                            </Anchor>
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="md">
            <Stack gap="xs">
              <Title order={2} size="h5">
                {t('inspections.figures.repeated')} ({formatNumber(f.repeatedShortcomings.units.value)})
              </Title>
              {f.repeatedShortcomings.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('inspections.figures.repeatedNone')}
                </Text>
              )}
              {f.repeatedShortcomings.items.map((r) => (
                <Group key={`${r.unitId}:${r.area}`} gap="xs">
                  <Anchor
                    component="button"
                    size="sm"
                    onClick={() =>
                      setOpened({
                        title: `${r.unitName} · ${t(`inspections.areas.${r.area}`)}`,
                        kind: 'inspections',
                        ids: r.inspectionIds,
                      })
                    }
                  >
                    {r.unitName}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t(`inspections.areas.${r.area}`)}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
        </>
      )}
      {f && <RecordsModal figures={f} opened={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}

function RecordsModal({
  figures,
  opened,
  onClose,
}: {
  figures: Figures;
  opened: Opened;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ids = new Set(opened?.ids ?? []);
  const inspections = new Map(figures.records.inspections.map((i) => [i.id, i]));
  const rows =
    opened?.kind === 'inspections'
      ? figures.records.inspections
          .filter((i) => ids.has(i.id))
          .map((i) => ({
            id: i.id,
            link: i.id,
            unit: i.unit.name,
            what: dateRange(i.plannedFrom, i.plannedTo),
            status: <StatusBadge status={i.status} />,
          }))
      : opened?.kind === 'recommendations'
        ? figures.records.recommendations
            .filter((r) => ids.has(r.id))
            .map((r) => ({
              id: r.id,
              link: r.inspectionId,
              unit: r.unit.name,
              what: `${t('inspections.recs.number', { number: r.number })}: ${r.text} (${t('inspections.recs.due', { date: formatDate(r.dueDate) })})`,
              status: <StatusBadge status={r.status} ns="recStatus" />,
            }))
        : figures.records.findings
            .filter((f) => ids.has(f.id))
            .map((f) => ({
              id: f.id,
              link: f.inspectionId,
              unit: inspections.get(f.inspectionId)?.unit.name ?? '',
              what: t(`inspections.areas.${f.area}`),
              status: f.result ? <Text size="sm">{t(`inspections.results.${f.result}`)}</Text> : null,
            }));
  return (
    <Modal opened={!!opened} onClose={onClose} title={opened?.title} size="xl">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('inspections.figures.empty')}
        </Text>
      ) : (
        <Table data-testid="figure-records">
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/inspections/${r.link}`} onClick={onClose}>
                    {r.unit}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.what}</Table.Td>
                <Table.Td>{r.status}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
