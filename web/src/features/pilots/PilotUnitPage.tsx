import {
  Anchor,
  Button,
  Card,
  Center,
  Drawer,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ActionButtons } from '../../components/workflow/ActionButtons';
import { EventTimeline } from '../../components/workflow/EventTimeline';
import { formatDate, formatDateTime } from '../../lib/format';
import { evidenceUrl, getPilotUnit, itemEvents, pilotKeys, type Item, type ItemAction } from './api';
import { EndedUnit, ItemStatusBadge, TimingBadge } from './badges';
import { AddItemModal } from './forms';
import { ItemActionModal } from './ItemActionModal';
import { ReportCard } from './reports';
import { ScrollCue } from '../../components/table';

function ItemsTable({
  items,
  onAction,
  onOpen,
}: {
  items: Item[];
  onAction: (item: Item, action: ItemAction) => void;
  onOpen: (item: Item) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <Text c="dimmed" data-testid="items-empty">
        {t('pilots.noItems')}
      </Text>
    );
  return (
    <ScrollCue minWidth={860} testId="items-table-scroll">
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="items-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('pilots.item')}</Table.Th>
            <Table.Th>{t('pilots.reformArea')}</Table.Th>
            <Table.Th>{t('pilots.dueDate')}</Table.Th>
            <Table.Th>{t('pilots.statusLabel')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="item-row" data-item-id={item.id}>
              <Table.Td maw={380}>
                <Anchor
                  component="button"
                  type="button"
                  fw={500}
                  ta="left"
                  onClick={() => onOpen(item)}
                  data-testid="item-open"
                >
                  {item.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`pilots.areas.${item.reformArea}`, { defaultValue: item.reformArea })}</Table.Td>
              <Table.Td>
                {formatDate(item.dueDate)}
                {item.dueDate !== item.originalDueDate && (
                  <Text size="xs" c="dimmed">
                    {t('pilots.extendedFrom', { date: formatDate(item.originalDueDate) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ItemStatusBadge status={item.status} />
                  <TimingBadge timing={item.timing} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <ActionButtons
                  actions={item.allowedActions}
                  onAction={(a) => onAction(item, a)}
                  ns="pilots"
                  testId="item-action"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

/** An item's details and its history (status changes with who acted and the evidence). */
function ItemDrawer({
  item,
  onClose,
  onAction,
}: {
  item: Item | null;
  onClose: () => void;
  onAction: (item: Item, action: ItemAction) => void;
}) {
  const { t } = useTranslation();
  const events = useQuery({
    queryKey: pilotKeys.events(item?.id ?? ''),
    queryFn: () => itemEvents(item!.id),
    enabled: !!item,
  });
  return (
    <Drawer
      opened={!!item}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('pilots.drawer.title')}
      data-testid="item-drawer"
    >
      {item && (
        <Stack gap="md">
          <div>
            <Text fw={600}>{item.title}</Text>
            <Group gap="xs" mt={4}>
              <ItemStatusBadge status={item.status} />
              <TimingBadge timing={item.timing} />
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {t(`pilots.areas.${item.reformArea}`)} · {t('pilots.dueDate')}: {formatDate(item.dueDate)}
            </Text>
            {item.description && (
              <Text size="sm" mt={4}>
                {item.description}
              </Text>
            )}
            {item.output && (
              <Text size="sm" mt={4}>
                <strong>{t('pilots.actions.output')}:</strong> {item.output}
              </Text>
            )}
            {item.lastReason && ['returned', 'cancelled', 'in_progress'].includes(item.status) && (
              <Text size="sm" mt={4}>
                <strong>{t('pilots.drawer.lastReason')}:</strong> {item.lastReason}
              </Text>
            )}
            {item.allowedActions.length > 0 && (
              <Group mt="sm" data-testid="item-drawer-actions">
                <ActionButtons
                  actions={item.allowedActions}
                  onAction={(a) => onAction(item, a)}
                  ns="pilots"
                  testId="item-drawer-action"
                  size="sm"
                />
              </Group>
            )}
          </div>
          <Title order={3} size="h5">
            {t('pilots.drawer.history')}
          </Title>
          <EventTimeline
            query={events}
            ns="pilots"
            testId="item"
            fileHref={(fileId) => evidenceUrl(item.id, fileId)}
            when={(e) => (e.actorName ? `${formatDateTime(e.at)} · ${e.actorName}` : formatDate(e.on))}
          />
        </Stack>
      )}
    </Drawer>
  );
}

/** A pilot unit as it was that year: its items and their workflow, its two reports. */
export function PilotUnitPage() {
  const { t, i18n } = useTranslation();
  const { pilotUnitId = '' } = useParams({ strict: false });
  // The server words the report periods in the reader's language: refetch when it changes.
  const unit = useQuery({
    queryKey: [...pilotKeys.unit(pilotUnitId), i18n.language],
    queryFn: () => getPilotUnit(pilotUnitId),
  });
  const [action, setAction] = useState<{ item: Item; action: ItemAction } | null>(null);
  // `?item=<id>` (links in notifications and on the landing page) opens that item's drawer;
  // `?report=half_year|year_end` brings that report into view.
  const search = useSearch({ strict: false }) as { item?: unknown; report?: unknown };
  const linkedItem = typeof search.item === 'string' ? search.item : null;
  const linkedReport = typeof search.report === 'string' ? search.report : null;
  const [openId, setOpenId] = useState<string | null>(linkedItem);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    if (linkedItem) setOpenId(linkedItem);
  }, [linkedItem]);
  const loaded = !!unit.data;
  useEffect(() => {
    if (loaded && linkedReport)
      document.getElementById(`report-${linkedReport}`)?.scrollIntoView({ block: 'start' });
  }, [loaded, linkedReport]);

  if (unit.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (unit.isError || !unit.data) return <ErrorAlert error={unit.error} />;
  const d = unit.data;
  const openItem = d.items.find((i) => i.id === openId) ?? null;

  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/pilots" {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('pilots.backToList')}
      </Anchor>
      <PageHeader
        title={<span data-testid="pilot-unit-heading">{d.unit.name}</span>}
        documentTitle={d.unit.name}
        description={
          <>
            {t('pilots.unitOfYear', { year: d.programme.year, committee: d.programme.committeeName })}
            {d.programme.decision ? ` · ${d.programme.decision.numberSymbol}` : ''}
          </>
        }
        actions={
          d.abilities.manage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
              data-testid="item-new"
            >
              {t('pilots.addItem')}
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <Card withBorder padding="md">
          <Stack gap={6}>
            <Text size="sm">
              <strong>{t('pilots.responsible')}:</strong>{' '}
              <span data-testid="pilot-unit-member">
                {d.responsible
                  ? `${d.responsible.name} — ${t(`pilots.positions.${d.responsible.position}`, { defaultValue: d.responsible.position })}${d.responsible.office ? `, ${d.responsible.office}` : ''}`
                  : t('pilots.noResponsible')}
              </span>
            </Text>
            {d.note && <Text size="sm">{d.note}</Text>}
            <EndedUnit unit={d.unit} />
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <Group grow>
            {(['total', 'verified', 'overdue'] as const).map((k) => (
              <div key={k}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t(`pilots.kpi.${k}`)}
                </Text>
                <Text
                  fz={26}
                  fw={700}
                  c={k === 'overdue' && d.kpis.overdue.value > 0 ? 'red.7' : undefined}
                  data-testid={`pilot-kpi-${k}`}
                >
                  {d.kpis[k].value}
                </Text>
              </div>
            ))}
          </Group>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="lg" mb="lg">
        <Title order={2} size="h4" mb="sm">
          {t('pilots.items')}
        </Title>
        <ItemsTable
          items={d.items}
          onAction={(item, a) => setAction({ item, action: a })}
          onOpen={(item) => setOpenId(item.id)}
        />
      </Card>
      <Title order={2} size="h4" mb="sm">
        {t('pilots.reports.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="reports">
        {d.reports.map((r) => (
          <div key={r.kind} id={`report-${r.kind}`}>
            <ReportCard report={r} items={d.items} />
          </div>
        ))}
      </SimpleGrid>
      <ItemActionModal target={action} pilotUnitId={d.id} onClose={() => setAction(null)} />
      <ItemDrawer
        item={openItem}
        onClose={() => setOpenId(null)}
        onAction={(item, a) => setAction({ item, action: a })}
      />
      {d.abilities.manage && (
        <AddItemModal
          pilotUnitId={d.id}
          year={d.programme.year}
          opened={adding}
          onClose={() => setAdding(false)}
        />
      )}
    </>
  );
}
