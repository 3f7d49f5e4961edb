/**
 * `/units/stale-links`: records that still point at a unit no longer in force — committee members who
 * follow it, open tasks it leads, meeting conclusions assigned to it that were never turned into a task,
 * pilot units whose responsible member has left — with the successors the unit registry proposes and, for
 * those allowed to change the record, a one-click "apply" (the server re-points it, version-checked and
 * journalled) or, for a conclusion, the way to the meeting page where it is changed. Also the rule
 * "successors act on predecessors' open work".
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconPresentation, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineageRuleOut } from '../../../../server/modules/access/access.schemas';
import type { StaleLinkOut, StaleLinksOut } from '../../../../server/modules/units/stale-links.schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { api, errorMessage } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';

const keys = { links: ['units', 'stale-links'] as const, rule: ['access', 'lineage-rule'] as const };

const pct = (w: number | null) => (w === null || w >= 1 ? '' : ` (${formatNumber(w * 100, 1)}%)`);
const proposalLabel = (p: StaleLinkOut['proposals'][number]) => `${p.name}${pct(p.weight)}`;

type ApplyKind = Exclude<StaleLinkOut['kind'], 'untracked_conclusion'>;

/**
 * An untracked conclusion is not re-pointed here: the successors are shown and, for those who keep the
 * meeting (the server's `canApply`), the way to the meeting page, where the conclusion's lead unit is
 * changed or the conclusion turned into a task.
 */
function OpenCell({ item }: { item: StaleLinkOut }) {
  const { t } = useTranslation();
  const meeting = item.meeting;
  return (
    <Stack gap={6}>
      <Text size="sm" c={item.proposals.length ? undefined : 'dimmed'}>
        {item.proposals.length ? item.proposals.map(proposalLabel).join(', ') : t('staleLinks.noSuccessor')}
      </Text>
      {item.canApply && meeting && (
        <>
          <Text size="xs" c="dimmed">
            {t(meeting.held ? 'staleLinks.openHint.held' : 'staleLinks.openHint.planned')}
          </Text>
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPresentation size={14} aria-hidden />}
              renderRoot={(props) => (
                <Link to="/meetings/$meetingId" params={{ meetingId: meeting.id }} {...props} />
              )}
              data-testid="stale-open"
            >
              {t('staleLinks.open.untracked_conclusion', { n: meeting.ordinal })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** The proposals and what the caller may do with them: apply here, or open the record's page. */
function ActionCell({ item }: { item: StaleLinkOut }) {
  return item.kind === 'untracked_conclusion' ? (
    <OpenCell item={item} />
  ) : (
    <ApplyCell item={item} kind={item.kind} />
  );
}

function ApplyCell({ item, kind }: { item: StaleLinkOut; kind: ApplyKind }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const many = item.kind === 'monitoring';
  const [chosen, setChosen] = useState<string[]>(
    many ? item.proposals.map((p) => p.id) : item.proposals.slice(0, 1).map((p) => p.id),
  );
  const apply = useMutation({
    mutationFn: () =>
      api.post<StaleLinksOut>('/api/units/stale-links/apply', {
        kind,
        recordId: item.recordId,
        version: item.version,
        targetIds: chosen,
      }),
    onSuccess: (data) => {
      client.setQueryData(keys.links, data);
      notifications.show({ color: 'green', message: t(`staleLinks.applied.${kind}`) });
    },
    onError: (e) => {
      notifications.show({ color: 'red', message: errorMessage(e, t('common.unexpectedError')) });
      void client.invalidateQueries({ queryKey: keys.links });
    },
  });
  if (!item.proposals.length)
    return (
      <Text size="sm" c="dimmed">
        {t(item.kind === 'pilot_responsible' ? 'staleLinks.noFollower' : 'staleLinks.noSuccessor')}
      </Text>
    );
  const label = proposalLabel;
  return (
    <Stack gap={6}>
      {!item.canApply ? (
        <Text size="sm">{item.proposals.map(label).join(', ')}</Text>
      ) : many ? (
        <Checkbox.Group value={chosen} onChange={setChosen} aria-label={t('staleLinks.proposed')}>
          <Stack gap={4}>
            {item.proposals.map((p) => (
              <Checkbox key={p.id} value={p.id} label={label(p)} size="xs" />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Radio.Group
          value={chosen[0] ?? null}
          onChange={(v) => setChosen([v])}
          aria-label={t('staleLinks.proposed')}
        >
          <Stack gap={4}>
            {item.proposals.map((p) => (
              <Radio key={p.id} value={p.id} label={label(p)} size="xs" />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {item.canApply && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconArrowRight size={14} aria-hidden />}
            loading={apply.isPending}
            disabled={!chosen.length}
            onClick={() => apply.mutate()}
            data-testid="stale-apply"
          >
            {t(`staleLinks.apply.${kind}`)}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RuleCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rule = useQuery({
    queryKey: keys.rule,
    queryFn: () => api.get<LineageRuleOut>('/api/access/lineage-rule'),
  });
  const [basis, setBasis] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (mode: LineageRuleOut['mode']) =>
      api.put<LineageRuleOut>('/api/access/lineage-rule', {
        mode,
        legalBasis: basis ?? rule.data!.legalBasis,
        version: rule.data!.version,
      }),
    onSuccess: (data) => {
      client.setQueryData(keys.rule, data);
      notifications.show({ color: 'green', message: t('staleLinks.rule.saved') });
    },
    onError: (e) => {
      notifications.show({ color: 'red', message: errorMessage(e, t('common.unexpectedError')) });
      void client.invalidateQueries({ queryKey: keys.rule });
    },
  });
  if (!rule.data) return null;
  const r = rule.data;
  return (
    <Card withBorder padding="md" mb="md" component="section" aria-label={t('staleLinks.rule.title')}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px' }}>
          <Text fw={600}>{t('staleLinks.rule.title')}</Text>
          <Text size="sm">{t(`staleLinks.rule.mode.${r.mode}`)}</Text>
          {!r.abilities.update && (
            <Text size="xs" c="dimmed">
              {t('staleLinks.rule.basis')}: {r.legalBasis}
            </Text>
          )}
        </Stack>
        {r.abilities.update && (
          <SegmentedControl
            value={r.mode}
            onChange={(v) => save.mutate(v as LineageRuleOut['mode'])}
            disabled={save.isPending}
            data={(['act', 'read', 'off'] as const).map((m) => ({
              value: m,
              label: t(`staleLinks.rule.short.${m}`),
            }))}
            data-testid="lineage-rule-mode"
          />
        )}
      </Group>
      {r.abilities.update && (
        <Textarea
          mt="sm"
          label={t('staleLinks.rule.basis')}
          autosize
          minRows={2}
          value={basis ?? r.legalBasis}
          onChange={(e) => setBasis(e.currentTarget.value)}
        />
      )}
    </Card>
  );
}

function What({ i }: { i: StaleLinkOut }) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap={6} mb={4}>
        <Badge size="sm" variant="light">
          {t(`staleLinks.kind.${i.kind}`)}
        </Badge>
        {i.overdue && (
          <Badge size="sm" color="red" variant="light">
            {t('staleLinks.overdue')}
          </Badge>
        )}
      </Group>
      {i.link ? (
        <Anchor size="sm" fw={500} renderRoot={(props) => <a href={i.link!} {...props} />}>
          {i.subject}
        </Anchor>
      ) : (
        <Text size="sm" fw={500}>
          {i.subject}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {i.kind === 'pilot_responsible' ? t('staleLinks.pilotYear', { year: i.context }) : i.context}
        {i.meeting &&
          ` · ${t('staleLinks.meetingOn', { date: formatDate(i.meeting.date) })} · ${t('staleLinks.conclusionNo', { n: i.meeting.ordinal })}`}
        {i.since &&
          ` · ${t(i.kind === 'monitoring' ? 'staleLinks.since' : 'staleLinks.due', { date: formatDate(i.since) })}`}
      </Text>
      {i.responsible && (
        <Text size="xs" c={i.responsible.left ? 'red' : 'dimmed'}>
          {t(i.responsible.left ? 'staleLinks.memberLeft' : 'staleLinks.memberNotFollowing', {
            name: i.responsible.name ?? t('staleLinks.formerMember'),
          })}
        </Text>
      )}
    </>
  );
}

function EndedUnit({ i }: { i: StaleLinkOut }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm">{i.unit.name}</Text>
      {i.unit.validTo && (
        <Text size="xs" c="dimmed">
          {t('staleLinks.ended', { date: formatDate(i.unit.validTo) })}
        </Text>
      )}
      {i.via === 'children' && (
        <Text size="xs" c="dimmed">
          {t('staleLinks.viaChildren')}
        </Text>
      )}
    </>
  );
}

export function StaleLinksPage() {
  const { t } = useTranslation();
  const links = useQuery({
    queryKey: keys.links,
    queryFn: () => api.get<StaleLinksOut>('/api/units/stale-links'),
  });
  const d = links.data;
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
      <PageHeader title={t('staleLinks.title')} description={t('staleLinks.lead')} />
      <RuleCard />
      {links.isError && <ErrorAlert error={links.error} />}
      {links.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {d && (
        <>
          <Group gap="xs" mb="sm" wrap="wrap" data-testid="stale-counts">
            <Badge variant="light" color={d.total ? 'orange' : 'green'} size="lg">
              {t('staleLinks.total', { count: d.total })}
            </Badge>
            {(
              ['conclusion_task', 'untracked_conclusion', 'task', 'monitoring', 'pilot_responsible'] as const
            ).map(
              (k) =>
                d.counts[k] > 0 && (
                  <Badge key={k} variant="outline" color="gray">
                    {t(`staleLinks.kind.${k}`)}: {d.counts[k]}
                  </Badge>
                ),
            )}
            <Text size="xs" c="dimmed">
              {t('staleLinks.asOf', { date: formatDate(d.asOf) })}
            </Text>
          </Group>
          {d.total === 0 ? (
            <Alert color="green" icon={<IconInfoCircle size={16} />}>
              {t('staleLinks.none')}
            </Alert>
          ) : (
            <>
              <Stack gap="sm" hiddenFrom="sm" data-testid="stale-list-phone">
                {d.items.map((i) => (
                  <Card key={i.id} withBorder padding="sm" data-testid="stale-card">
                    <Stack gap="xs">
                      <div>
                        <What i={i} />
                      </div>
                      <div>
                        <Text size="xs" c="dimmed" fw={600}>
                          {t('staleLinks.col.unit')}
                        </Text>
                        <EndedUnit i={i} />
                      </div>
                      <div>
                        <Text size="xs" c="dimmed" fw={600}>
                          {t('staleLinks.col.proposed')}
                        </Text>
                        <ActionCell key={`${i.id}:${i.version}`} item={i} />
                      </div>
                    </Stack>
                  </Card>
                ))}
              </Stack>
              <Card withBorder padding={0} visibleFrom="sm">
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="sm" striped data-testid="stale-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('staleLinks.col.what')}</Table.Th>
                        <Table.Th>{t('staleLinks.col.unit')}</Table.Th>
                        <Table.Th>{t('staleLinks.col.proposed')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.items.map((i) => (
                        <Table.Tr key={i.id} data-testid="stale-row">
                          <Table.Td maw={380}>
                            <What i={i} />
                          </Table.Td>
                          <Table.Td>
                            <EndedUnit i={i} />
                          </Table.Td>
                          <Table.Td>
                            <ActionCell key={`${i.id}:${i.version}`} item={i} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Card>
            </>
          )}
        </>
      )}
    </>
  );
}
