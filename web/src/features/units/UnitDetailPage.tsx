import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowsJoin,
  IconCalendarEvent,
  IconFileText,
  IconHistory,
  IconPlus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../lib/format';
import {
  BEFORE_RECORDS,
  restate,
  unitKeys,
  unitsAsOf,
  unitTimeline,
  type Link as LineageLink,
  type Timeline as UnitTimeline,
  type UnitAsOf,
} from './api';
import { emptyEvent, EventForm, newSuccessor, type EventValues } from './EventForm';
import { dayBefore, mapLimit, mergeHeirs } from './lineage';
import { formatShare, KindBadge, UnitLink, useEventDate, useFromDate, usePeriod } from './parts';
import { SettleUnresolved } from './SettleUnresolved';

const EVENT_COLORS: Record<string, string> = {
  establish: 'green',
  rename: 'blue',
  merge: 'violet',
  split: 'orange',
  transfer: 'cyan',
  absorb: 'grape',
  abolish: 'red',
};

function EventBadge({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={EVENT_COLORS[kind] ?? 'gray'} variant="light" size="sm" data-testid="event-kind-badge">
      {t(`units.eventKinds.${kind}`, { defaultValue: kind })}
    </Badge>
  );
}

function LegalBasis({ id, text }: { id: string | null; text: string | null }) {
  const { t } = useTranslation();
  if (!id && !text) return null;
  const label = text || t('units.basisDocument');
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <IconFileText size={14} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
      {id ? (
        <Anchor
          size="sm"
          renderRoot={(props) => <Link to="/documents/$documentId" params={{ documentId: id }} {...props} />}
          data-testid="legal-basis"
        >
          {label}
        </Anchor>
      ) : (
        <Text size="sm" data-testid="legal-basis">
          {label}
        </Text>
      )}
    </Group>
  );
}

export function UnitDetailPage() {
  const { t } = useTranslation();
  const { unitId = '' } = useParams({ strict: false });
  const period = usePeriod();
  const fromDate = useFromDate();
  const eventDate = useEventDate();
  const [dialog, setDialog] = useState<null | { title: string; initial: EventValues }>(null);
  const timeline = useQuery({ queryKey: unitKeys.timeline(unitId), queryFn: () => unitTimeline(unitId) });

  if (timeline.isLoading) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (timeline.isError || !timeline.data) return <ErrorAlert error={timeline.error} />;
  const tl = timeline.data;
  const u = tl.unit;
  const can = tl.abilities.recordEvent;
  const ended = !!u.validTo;
  const sources = new Map(tl.events.map((e) => [e.id, e.source]));
  // Ended on a day known only within a window (the GSO lists 2017–2025): the window, not a made-up day.
  const endedWithin = ended
    ? tl.events.find((e) => e.earliestDate && dayBefore(e.effectiveDate) === u.validTo)
    : undefined;

  const recordEvent = () =>
    setDialog({
      title: t('units.event.record'),
      initial: emptyEvent({ kind: ended ? 'merge' : 'rename', from: [u.id] }),
    });
  const addPredecessor = () =>
    setDialog({
      title: t('units.addPredecessor'),
      initial: emptyEvent({
        kind: 'merge',
        effectiveDate: u.validFrom !== BEFORE_RECORDS ? u.validFrom : null,
        successors: [newSuccessor('existing', u.id)],
      }),
    });

  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/units" {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('units.backToList')}
      </Anchor>
      <PageHeader
        title={<span data-testid="unit-title">{u.fullName}</span>}
        documentTitle={u.fullName}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <KindBadge kind={u.kind} />
            <Text span size="sm" ff="monospace" data-testid="unit-code">
              {t('units.codeN', { code: u.code })}
            </Text>
            <Text span size="sm" data-testid="unit-validity">
              {u.validFrom === BEFORE_RECORDS
                ? period(u.validFrom, u.validTo, u.knownSince)
                : u.validTo
                  ? t('units.validFromTo', { from: fromDate(u.validFrom), to: formatDate(u.validTo) })
                  : t('units.validFrom', { from: fromDate(u.validFrom) })}
            </Text>
            {ended ? (
              <Badge color="red" variant="filled" size="sm" data-testid="unit-ended">
                {endedWithin
                  ? t('units.endedBetween', {
                      from: formatDate(endedWithin.earliestDate),
                      to: formatDate(endedWithin.effectiveDate),
                    })
                  : t('units.ended', { date: formatDate(u.validTo) })}
              </Badge>
            ) : (
              <Badge color="green" variant="light" size="sm" data-testid="unit-current">
                {t('units.current')}
              </Badge>
            )}
          </Group>
        }
        actions={
          can && (
            <Button
              leftSection={<IconCalendarEvent size={16} aria-hidden />}
              onClick={recordEvent}
              data-testid="unit-record-event"
            >
              {t('units.event.record')}
            </Button>
          )
        }
      />

      <Stack gap="lg">
        {ended && <EndedBox timeline={tl} />}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <LinkCard
              title={t('units.predecessors')}
              links={tl.predecessors}
              sources={sources}
              ownKind={u.kind}
              empty={t('units.noPredecessors')}
              testId="unit-predecessors"
              action={
                can && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={addPredecessor}
                    data-testid="unit-add-predecessor"
                  >
                    {t('units.addPredecessor')}
                  </Button>
                )
              }
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <LinkCard
              title={t('units.successors')}
              links={tl.successors}
              sources={sources}
              ownKind={u.kind}
              empty={t('units.noSuccessors')}
              testId="unit-successors"
            />
          </Grid.Col>
        </Grid>
        {tl.unresolved.length > 0 && (
          <Card withBorder padding="md" data-testid="unit-unresolved">
            <Title order={2} size="h4" mb={4}>
              {tl.unresolved.some((r) => r.predecessorId === u.id)
                ? t('units.unresolved.endedTitle')
                : t('units.unresolved.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {tl.unresolved.some((r) => r.predecessorId === u.id)
                ? t('units.unresolved.endedLead')
                : t('units.unresolved.lead')}
            </Text>
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {tl.unresolved.map((r) => (
                  <Table.Tr key={r.id} data-testid="unit-unresolved-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.sourceText}
                      </Text>
                      {r.sourceLine && r.sourceLine !== r.sourceText && (
                        <Text size="xs" c="dimmed">
                          {r.sourceLine}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={r.status === 'open' ? 'yellow' : r.status === 'resolved' ? 'green' : 'gray'}
                      >
                        {t(`units.unresolved.status.${r.status}`, { defaultValue: r.status })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {can && r.status === 'open' && r.predecessorId === u.id && (
                        <SettleUnresolved
                          item={r}
                          ended={{ id: u.id, fullName: u.fullName, validTo: u.validTo }}
                        />
                      )}
                      {can && r.status === 'open' && r.successorId === u.id && !ended && (
                        <SettleUnresolved item={r} successor={u} successorFrom={u.validFrom} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder padding="md" h="100%" data-testid="unit-versions">
              <Title order={2} size="h4" mb="md">
                {t('units.versions')}
              </Title>
              <Timeline active={tl.versions.length - 1} bulletSize={18} lineWidth={2}>
                {tl.versions.map((v) => (
                  <Timeline.Item key={v.id} title={v.fullName} bullet={<IconHistory size={11} aria-hidden />}>
                    <Text size="sm" c="dimmed">
                      {period(v.validFrom, v.validTo, u.knownSince)}
                    </Text>
                    <Text size="sm">
                      {t('units.codeN', { code: v.code })}
                      {v.name !== v.fullName ? ` · ${t('units.shortName')}: ${v.name}` : ''}
                    </Text>
                    {v.parentId && (
                      <Text size="sm">
                        {t('units.parent')}:{' '}
                        <UnitLink id={v.parentId} size="sm">
                          {v.parentName ?? '…'}
                        </UnitLink>
                      </Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder padding="md" h="100%" data-testid="unit-events">
              <Title order={2} size="h4" mb="md">
                {t('units.events')}
              </Title>
              {tl.events.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('units.noEvents')}
                </Text>
              ) : (
                <Stack gap="sm">
                  {tl.events.map((e) => (
                    <div key={e.id}>
                      <Group gap="xs">
                        <EventBadge kind={e.kind} />
                        <Text size="sm" fw={500} data-testid="event-date">
                          {eventDate(e)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`units.sources.${e.source}`, { defaultValue: e.source })}
                        </Text>
                      </Group>
                      <LegalBasis id={e.legalBasisId} text={e.legalBasisText} />
                    </div>
                  ))}
                </Stack>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      </Stack>

      <Modal opened={!!dialog} onClose={() => setDialog(null)} title={dialog?.title} size="xl">
        {dialog && (
          <EventForm
            initial={dialog.initial}
            known={[u]}
            onCancel={() => setDialog(null)}
            onDone={() => setDialog(null)}
          />
        )}
      </Modal>
    </>
  );
}

function LinkCard({
  title,
  links,
  sources,
  ownKind,
  empty,
  testId,
  action,
}: {
  title: string;
  links: LineageLink[];
  /** Each event's source: the registry import keeps its plan key in the note, not for people. */
  sources: Map<string, string>;
  /** The page's unit kind: other units of the same kind need no badge. */
  ownKind: string;
  empty: string;
  testId: string;
  action?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const period = usePeriod();
  const eventDate = useEventDate();
  const byEvent = new Map<string, LineageLink[]>();
  for (const l of links) byEvent.set(l.eventId, [...(byEvent.get(l.eventId) ?? []), l]);
  return (
    <Card withBorder padding="md" h="100%" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {links.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm">
          {[...byEvent.values()].map((group) => {
            const e = group[0]!;
            // The registry imports keep their plan key in the note: not for people.
            const showNote = e.note && !(sources.get(e.eventId) ?? '').startsWith('gso-');
            return (
              <Card key={e.eventId} withBorder padding="sm" data-testid="lineage-event">
                <Group gap="xs" mb={4} wrap="wrap">
                  <EventBadge kind={e.kind} />
                  <Text size="sm" fw={500}>
                    {eventDate(e)}
                  </Text>
                </Group>
                <LegalBasis id={e.legalBasisId} text={e.legalBasisText} />
                {showNote && (
                  <Text size="xs" c="dimmed">
                    {e.note}
                  </Text>
                )}
                <Stack gap={2} mt={6}>
                  {group.map((l) => (
                    <Text key={l.unit.id} size="sm" data-testid="lineage-link">
                      <UnitLink id={l.unit.id} size="sm" fw={500}>
                        {l.unit.fullName}
                      </UnitLink>{' '}
                      {l.unit.kind !== ownKind && <KindBadge kind={l.unit.kind} />}{' '}
                      <Text span size="xs" c="dimmed">
                        ({period(l.unit.validFrom, l.unit.validTo, l.unit.knownSince)})
                      </Text>
                      {l.weight != null && (
                        <Badge variant="outline" color="gray" size="sm" ml={6}>
                          {t('units.weightN', { weight: formatShare(l.weight) })}
                        </Badge>
                      )}
                    </Text>
                  ))}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

/** For an ended unit: when it ended, and the current units that continue it. */
function EndedBox({ timeline }: { timeline: UnitTimeline }) {
  const { t } = useTranslation();
  const u = timeline.unit;
  const validTo = u.validTo!;
  const from = dayBefore(validTo);
  const direct = useQuery({
    queryKey: unitKeys.restate(u.id, from),
    queryFn: () => restate(u.id, from),
  });
  const carriers = (direct.data?.items ?? []).filter((s) => s.unitId !== u.id && s.unit);
  const noDirect = direct.isSuccess && carriers.length === 0;
  // No successor of its own (a district abolished with the two-level government): its communes' heirs.
  const heirs = useQuery({
    queryKey: unitKeys.heirs(u.id, validTo),
    enabled: noDirect,
    queryFn: async () => {
      const below = (await unitsAsOf(validTo, { within: u.id, kind: 'commune' })).items.filter(
        (c) => c.id !== u.id,
      );
      const parts = await mapLimit(below, 6, async (source: UnitAsOf) => ({
        source,
        shares: (await restate(source.id, from)).items,
      }));
      return { count: below.length, heirs: mergeHeirs(parts) };
    },
  });
  const endings = timeline.events.filter((e) => dayBefore(e.effectiveDate) === validTo);
  const eventDate = useEventDate();
  const within = endings.find((e) => e.earliestDate);
  return (
    <Alert
      color="orange"
      variant="light"
      title={
        within
          ? t('units.endedTitleBetween', {
              from: formatDate(within.earliestDate),
              to: formatDate(within.effectiveDate),
            })
          : t('units.endedTitle', { date: formatDate(validTo) })
      }
      data-testid="unit-ended-box"
    >
      <Stack gap="sm">
        {endings.map((e) => (
          <Group key={e.id} gap="xs" wrap="nowrap" align="flex-start">
            <EventBadge kind={e.kind} />
            <Text size="sm" data-testid="unit-ended-by">
              {e.earliestDate ? eventDate(e) : t('units.endedBy', { date: formatDate(e.effectiveDate) })}
              {e.legalBasisText ? ` — ${e.legalBasisText}` : ''}
            </Text>
          </Group>
        ))}
        {direct.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {direct.isError && <ErrorAlert error={direct.error} />}
        {carriers.length > 0 && (
          <div data-testid="unit-restated">
            <Text size="sm" fw={600} mb={4}>
              {t('units.restatedTitle')}
            </Text>
            <List size="sm" spacing={4}>
              {carriers.map((s) => (
                <List.Item key={s.unitId}>
                  <UnitLink id={s.unitId} size="sm" fw={500}>
                    {s.unit!.fullName}
                  </UnitLink>{' '}
                  — {t('units.shareOf', { weight: formatShare(s.weight) })}
                  {s.unit!.validTo && ` (${t('units.ended', { date: formatDate(s.unit!.validTo) })})`}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {noDirect && (
          <div data-testid="unit-heirs">
            {heirs.isLoading && (
              <Group gap="xs">
                <Loader size="xs" aria-label={t('common.loading')} />
                <Text size="sm">{t('units.heirsLoading')}</Text>
              </Group>
            )}
            {heirs.isError && <ErrorAlert error={heirs.error} />}
            {heirs.data && heirs.data.count === 0 && <Text size="sm">{t('units.noHeirs')}</Text>}
            {heirs.data && heirs.data.count > 0 && (
              <>
                <Text size="sm" fw={600} mb={2}>
                  {t('units.heirsTitle')}
                </Text>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('units.heirsLead', {
                    communes: formatNumber(heirs.data.count),
                    heirs: formatNumber(heirs.data.heirs.length),
                    date: formatDate(validTo),
                  })}
                </Text>
                <Table verticalSpacing={4} withRowBorders={false} data-testid="unit-heirs-table">
                  <Table.Tbody>
                    {heirs.data.heirs.map((h) => (
                      <Table.Tr key={h.unit.id} data-testid="unit-heir">
                        <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                          <Group gap={6} wrap="nowrap">
                            <IconArrowsJoin size={14} aria-hidden />
                            <UnitLink id={h.unit.id} size="sm" fw={600}>
                              {h.unit.fullName}
                            </UnitLink>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {t('units.continues')}{' '}
                            {h.from.map((f, i) => (
                              <span key={f.unit.id}>
                                {i > 0 && ', '}
                                <UnitLink id={f.unit.id} size="xs" c="dimmed" td="underline">
                                  {f.unit.fullName}
                                </UnitLink>
                                {f.weight < 0.9995 && ` (${formatShare(f.weight)})`}
                              </span>
                            ))}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
          </div>
        )}
      </Stack>
    </Alert>
  );
}
