import { ScrollCue } from '../../components/table';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  UnstyledButton,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCrown,
  IconEye,
  IconLink,
  IconPencil,
  IconPlus,
  IconUserMinus,
  IconX,
} from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, isoDate } from '../../lib/format';
import {
  committeeKeys,
  getComposition,
  getCoverage,
  listCommittees,
  updateBody,
  type Body,
  type Committee,
  type CommitteeLevel,
  type CoverageKind,
  type DocumentRef,
  type Membership,
} from './api';
import {
  AddMemberModal,
  AssignModal,
  BodyModal,
  CommitteeModal,
  EndModal,
  LinkModal,
  type CommitteeTarget,
} from './forms';
import { unitLabel } from './naming';
import { homeUnitOf, useSession } from '../../lib/session';
import { useUnitNames } from '../../components/UnitSelect';

function DocLink({ doc }: { doc: DocumentRef | null }) {
  if (!doc) return null;
  return (
    <Anchor
      size="sm"
      title={doc.title}
      renderRoot={(props) => <Link to="/documents/$documentId" params={{ documentId: doc.id }} {...props} />}
    >
      {doc.numberSymbol}
    </Anchor>
  );
}

const period = (from: string, to: string | null) => `${formatDate(from)} – ${to ? formatDate(to) : '…'}`;

type EndTarget = { kind: 'membership' | 'assignment'; id: string; version: number; label: string };

function Composition({ committee }: { committee: Committee }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState<string | null>(isoDate());
  const date = asOf ?? isoDate();
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [ending, setEnding] = useState<EndTarget | null>(null);
  const [assigning, setAssigning] = useState<Membership | null>(null);
  const [linking, setLinking] = useState<Membership | null>(null);
  const [foundingBody, { open: openBody, close: closeBody }] = useDisclosure(false);
  const composition = useQuery({
    queryKey: committeeKeys.composition(committee.id, date),
    queryFn: () => getComposition(committee.id, date),
    placeholderData: keepPreviousData,
  });
  const canEdit = committee.abilities.update;
  const [editing, setEditing] = useState<CommitteeTarget | null>(null);
  const members = composition.data?.members.filter((m) => !m.bodyId) ?? [];
  const bodies = composition.data?.bodies ?? [];

  return (
    <Stack gap="md">
      <Card withBorder padding="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
          <Title order={2} size="h4" data-testid="committee-name">
            {committee.name}
          </Title>
          {canEdit && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setEditing({ mode: 'edit', committee })}
              data-testid="committee-edit"
            >
              {t('committees.form.edit')}
            </Button>
          )}
        </Group>
        <CommitteeModal target={editing} onClose={() => setEditing(null)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <div>
            <Text size="xs" c="dimmed">
              {t('committees.foundedOn')}
            </Text>
            <Group gap={6}>
              <Text size="sm">{formatDate(committee.foundedOn)}</Text>
              <DocLink doc={committee.foundingDocument} />
            </Group>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('committees.standingAgency')}
            </Text>
            <Text size="sm">{committee.standingUnitName ?? t('common.none')}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('committees.host')}
            </Text>
            <Text size="sm">{committee.hostUnitName}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('committees.founder')}
            </Text>
            <Group gap={6}>
              {committee.founderName && <Text size="sm">{committee.founderName}</Text>}
              <Badge
                variant="light"
                color={committee.founderKind === 'party' ? 'red' : 'blue'}
                data-testid="committee-founder"
              >
                {t(`committees.founderKinds.${committee.founderKind}`)}
              </Badge>
            </Group>
          </div>
        </SimpleGrid>
      </Card>

      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <DateField
            label={t('committees.asOf')}
            value={asOf}
            onChange={setAsOf}
            clearable={false}
            w={200}
            data-testid="composition-date"
          />
          <Group gap="xs">
            {composition.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="composition-count">
              {composition.data ? t('committees.memberCount', { count: members.length }) : ''}
            </Text>
            {canEdit && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={openAdd}
                data-testid="member-add"
              >
                {t('committees.form.addMember')}
              </Button>
            )}
          </Group>
        </Group>
      </Card>

      {composition.isError && <ErrorAlert error={composition.error} />}

      <Card withBorder padding={0}>
        <ScrollCue minWidth={980}>
          <Table striped verticalSpacing="sm" data-testid="composition-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('committees.position')}</Table.Th>
                <Table.Th>{t('committees.member')}</Table.Th>
                <Table.Th>{t('committees.period')}</Table.Th>
                <Table.Th>{t('committees.decision')}</Table.Th>
                <Table.Th>{t('committees.follows')}</Table.Th>
                {canEdit && (
                  <Table.Th>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.id} data-testid="member-row" data-position={m.position}>
                  <Table.Td className="nowrap">
                    <Badge variant={m.position === 'truong_ban' ? 'filled' : 'light'} color="red">
                      {t(`committees.positions.${m.position}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td miw={220}>
                    <Text size="sm" fw={600}>
                      {m.name}
                    </Text>
                    {m.office && (
                      <Text size="xs" c="dimmed">
                        {m.office}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="nowrap">
                    <Text size="sm">{period(m.fromDate, m.toDate)}</Text>
                  </Table.Td>
                  <Table.Td className="nowrap">
                    <DocLink doc={m.decision} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.assignments.map((a) => (
                        <Badge
                          key={a.id}
                          variant="outline"
                          color="gray"
                          title={period(a.fromDate, a.toDate)}
                          rightSection={
                            canEdit ? (
                              <IconX
                                size={12}
                                role="button"
                                aria-label={t('committees.form.endAssignmentNamed', { unit: a.unitName })}
                                style={{ cursor: 'pointer' }}
                                onClick={() =>
                                  setEnding({
                                    kind: 'assignment',
                                    id: a.id,
                                    version: a.version,
                                    label: `${m.name} — ${a.unitName}`,
                                  })
                                }
                              />
                            ) : undefined
                          }
                          data-testid="member-follows"
                        >
                          {a.unitName}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  {canEdit && (
                    <Table.Td ta="right" className="nowrap">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {!m.userId && (
                          <ActionIcon
                            variant="subtle"
                            onClick={() => setLinking(m)}
                            aria-label={t('committees.link.title', { name: m.name })}
                            title={t('committees.link.action')}
                            data-testid="member-link"
                          >
                            <IconLink size={16} aria-hidden />
                          </ActionIcon>
                        )}
                        <ActionIcon
                          variant="subtle"
                          onClick={() => setAssigning(m)}
                          aria-label={t('committees.form.assignTitle', { name: m.name })}
                          title={t('committees.form.assign')}
                          data-testid="member-assign"
                        >
                          <IconEye size={16} aria-hidden />
                        </ActionIcon>
                        {!m.toDate && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() =>
                              setEnding({
                                kind: 'membership',
                                id: m.id,
                                version: m.version,
                                label: `${t(`committees.positions.${m.position}`)}: ${m.name}`,
                              })
                            }
                            aria-label={t('committees.form.endMembershipNamed', { name: m.name })}
                            title={t('committees.form.endMembership')}
                            data-testid="member-end"
                          >
                            <IconUserMinus size={16} aria-hidden />
                          </ActionIcon>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
              {composition.data && members.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={canEdit ? 6 : 5}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('committees.noMembers')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </ScrollCue>
      </Card>
      <WorkingGroups
        committee={committee}
        bodies={bodies}
        members={composition.data?.members ?? []}
        onFound={openBody}
        onLink={setLinking}
        onEnd={(m) =>
          setEnding({
            kind: 'membership',
            id: m.id,
            version: m.version,
            label: `${t('committees.positions.to_giup_viec')}: ${m.name}`,
          })
        }
      />
      {canEdit && (
        <>
          <AddMemberModal committeeId={committee.id} bodies={bodies} opened={adding} onClose={closeAdd} />
          <EndModal target={ending} onClose={() => setEnding(null)} />
          <AssignModal membership={assigning} onClose={() => setAssigning(null)} />
          <LinkModal membership={linking} onClose={() => setLinking(null)} />
          <BodyModal committeeId={committee.id} opened={foundingBody} onClose={closeBody} />
        </>
      )}
    </Stack>
  );
}

/** The committee's working groups (Tổ giúp việc): each founded by its own decision, its head and members. */
function WorkingGroups({
  committee,
  bodies,
  members,
  onFound,
  onLink,
  onEnd,
}: {
  committee: Committee;
  bodies: readonly Body[];
  members: readonly Membership[];
  onFound: () => void;
  onLink: (m: Membership) => void;
  onEnd: (m: Membership) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canEdit = committee.abilities.update;
  const setHead = useMutation({
    mutationFn: ({ body, membershipId }: { body: Body; membershipId: string }) =>
      updateBody(committee.id, body.id, { version: body.version, headMembershipId: membershipId }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('committees.body.headSet') });
      await queryClient.invalidateQueries({ queryKey: committeeKeys.all });
    },
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  return (
    <Card withBorder padding="md" data-testid="working-groups">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={3} size="h5">
          {t('committees.body.title')}
        </Title>
        {canEdit && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={onFound}
            data-testid="body-add"
          >
            {t('committees.body.create')}
          </Button>
        )}
      </Group>
      {bodies.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('committees.body.none')}
        </Text>
      )}
      <Stack gap="md">
        {bodies.map((b) => {
          // The head first, then the members in the order of the composition.
          const group = members
            .filter((m) => m.bodyId === b.id)
            .sort((x, y) => Number(y.id === b.headMembershipId) - Number(x.id === b.headMembershipId));
          const head = group.find((m) => m.id === b.headMembershipId);
          return (
            <div key={b.id} data-testid="working-group">
              <Text fw={600} data-testid="working-group-name">
                {b.name}
              </Text>
              <Group gap="lg" mb="xs" wrap="wrap">
                <Text size="sm">
                  {t('committees.body.foundingDecision')}:{' '}
                  {b.foundingDocument ? (
                    <DocLink doc={b.foundingDocument} />
                  ) : (
                    t('committees.body.noDecision')
                  )}{' '}
                  ({formatDate(b.foundedOn)})
                </Text>
                <Text size="sm" data-testid="working-group-head">
                  {t('committees.body.head')}: {head ? head.name : t('committees.body.noHead')}
                </Text>
              </Group>
              <ScrollCue minWidth={720}>
                <Table striped verticalSpacing="xs" data-testid="working-group-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('committees.member')}</Table.Th>
                      <Table.Th>{t('committees.body.role')}</Table.Th>
                      <Table.Th>{t('committees.period')}</Table.Th>
                      <Table.Th>{t('committees.body.account')}</Table.Th>
                      {canEdit && (
                        <Table.Th>
                          <span className="visually-hidden">{t('common.actions')}</span>
                        </Table.Th>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.map((m) => (
                      <Table.Tr key={m.id} data-testid="working-group-member">
                        <Table.Td miw={220}>
                          <Text size="sm" fw={600}>
                            {m.name}
                          </Text>
                          {m.office && (
                            <Text size="xs" c="dimmed">
                              {m.office}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td className="nowrap">
                          <Badge variant={m.id === b.headMembershipId ? 'filled' : 'light'} color="red">
                            {m.id === b.headMembershipId
                              ? t('committees.body.headRole')
                              : t('committees.body.memberRole')}
                          </Badge>
                        </Table.Td>
                        <Table.Td className="nowrap">
                          <Text size="sm">{period(m.fromDate, m.toDate)}</Text>
                        </Table.Td>
                        <Table.Td className="nowrap">
                          {m.userId ? (
                            <Badge color="green" variant="light">
                              {t('committees.body.linked')}
                            </Badge>
                          ) : (
                            <Badge color="gray" variant="light" data-testid="member-unlinked">
                              {t('committees.body.notLinked')}
                            </Badge>
                          )}
                        </Table.Td>
                        {canEdit && (
                          <Table.Td ta="right" className="nowrap">
                            <Group gap={4} justify="flex-end" wrap="nowrap">
                              {!m.userId && (
                                <ActionIcon
                                  variant="subtle"
                                  onClick={() => onLink(m)}
                                  aria-label={t('committees.link.title', { name: m.name })}
                                  title={t('committees.link.action')}
                                  data-testid="member-link"
                                >
                                  <IconLink size={16} aria-hidden />
                                </ActionIcon>
                              )}
                              {m.id !== b.headMembershipId && !m.toDate && (
                                <ActionIcon
                                  variant="subtle"
                                  onClick={() => setHead.mutate({ body: b, membershipId: m.id })}
                                  aria-label={t('committees.body.makeHeadNamed', { name: m.name })}
                                  title={t('committees.body.makeHead')}
                                >
                                  <IconCrown size={16} aria-hidden />
                                </ActionIcon>
                              )}
                              {!m.toDate && (
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  onClick={() => onEnd(m)}
                                  aria-label={t('committees.form.endMembershipNamed', { name: m.name })}
                                  title={t('committees.form.endMembership')}
                                >
                                  <IconUserMinus size={16} aria-hidden />
                                </ActionIcon>
                              )}
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollCue>
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}

/** The level a unit's own committee is recorded at, by the kind of unit. */
const levelOfKind = (kind: CoverageKind): CommitteeLevel =>
  kind === 'department' || kind === 'district' || kind === 'commune' ? kind : 'other';

function CoverageView({ committee, canCreate }: { committee: Committee; canCreate: boolean }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<CommitteeTarget | null>(null);
  const [kind, setKind] = useState<CoverageKind | null>(null);
  const [asOf, setAsOf] = useState<string | null>(isoDate());
  const date = asOf ?? isoDate();
  const coverage = useQuery({
    queryKey: committeeKeys.coverage(committee.id, kind, date),
    queryFn: () => getCoverage(committee.id, kind, date),
    placeholderData: keepPreviousData,
  });
  const c = coverage.data;
  return (
    <Stack gap="md">
      <CommitteeModal target={recording} onClose={() => setRecording(null)} />
      <Card withBorder padding="md">
        <Group align="flex-end" wrap="wrap" gap="md">
          <DateField
            label={t('committees.asOf')}
            value={asOf}
            onChange={setAsOf}
            clearable={false}
            w={200}
            data-testid="coverage-date"
          />
          {coverage.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
        </Group>
        {c?.scope && (
          <Text size="sm" c="dimmed" mt="xs" data-testid="coverage-scope">
            {t('committees.coverage.scope', { name: c.scope.name, date: formatDate(c.asOf) })}
          </Text>
        )}
      </Card>
      {coverage.isError && <ErrorAlert error={coverage.error} />}
      {c && c.categories.length === 0 && (
        <Text c="dimmed" data-testid="coverage-summary">
          {t('committees.coverage.noUnits', { date: formatDate(c.asOf) })}
        </Text>
      )}
      {c && c.categories.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="coverage-categories">
          {c.categories.map((cat) => (
            <UnstyledButton
              key={cat.kind}
              onClick={() => setKind(cat.kind)}
              aria-pressed={cat.kind === c.kind}
              data-testid="coverage-category"
              data-kind={cat.kind}
            >
              <Card
                withBorder
                padding="sm"
                style={
                  cat.kind === c.kind
                    ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 }
                    : undefined
                }
              >
                <Text size="sm" fw={600}>
                  {t(`unitKinds.${cat.kind}`)}
                </Text>
                <Text size="xl" fw={700}>
                  {cat.founded}/{cat.total}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('committees.coverage.foundedShort')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('committees.coverage.followedShort', { count: cat.followed })}
                </Text>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
      {c && c.kind && c.total > 0 && (
        <Card withBorder padding="lg">
          <Text size="xl" fw={700} data-testid="coverage-summary" aria-live="polite">
            {t('committees.coverage.summary', {
              founded: c.founded,
              total: c.total,
              kind: t(`unitKinds.${c.kind}`),
              date: formatDate(c.asOf),
            })}
          </Text>
          <Progress
            value={(100 * c.founded) / c.total}
            mt="sm"
            size="lg"
            color={c.founded === c.total ? 'green' : 'orange'}
            aria-label={t('committees.coverage.progress')}
          />
          <Text size="sm" c="dimmed" mt="xs">
            {t('committees.coverage.followedSummary', { followed: c.followed, total: c.total })}
          </Text>
        </Card>
      )}
      {c && c.total > 0 && (
        <Card withBorder padding={0}>
          <ScrollCue minWidth={720}>
            <Table striped verticalSpacing="xs" data-testid="coverage-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('committees.coverage.unit')}</Table.Th>
                  <Table.Th>{t('committees.coverage.status')}</Table.Th>
                  <Table.Th>{t('committees.foundedOn')}</Table.Th>
                  <Table.Th>{t('committees.coverage.foundingDocument')}</Table.Th>
                  <Table.Th>{t('committees.coverage.followedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.items.map((i) => (
                  <Table.Tr
                    key={i.unitId}
                    data-testid="coverage-row"
                    data-founded={i.committee ? 'yes' : 'no'}
                  >
                    <Table.Td>{i.unitName}</Table.Td>
                    <Table.Td>
                      {i.committee ? (
                        <Badge color="green" variant="light">
                          {t('committees.coverage.founded')}
                        </Badge>
                      ) : (
                        <Group gap="xs" wrap="nowrap">
                          <Badge color="orange" variant="light">
                            {t('committees.coverage.notFounded')}
                          </Badge>
                          {canCreate && c.kind && (
                            <Button
                              size="compact-xs"
                              variant="light"
                              aria-label={t('committees.form.recordFor', { name: i.unitName })}
                              onClick={() =>
                                setRecording({
                                  mode: 'create',
                                  level: levelOfKind(c.kind!),
                                  hostUnitId: i.unitId,
                                  hostUnitName: i.unitName,
                                })
                              }
                              data-testid="coverage-record"
                            >
                              {t('committees.form.record')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td className="nowrap">
                      {i.committee ? formatDate(i.committee.foundedOn) : ''}
                    </Table.Td>
                    <Table.Td>
                      {i.committee?.foundingDocument ? (
                        <DocLink doc={i.committee.foundingDocument} />
                      ) : i.committee ? (
                        <Text size="sm" c="dimmed" title={t('committees.coverage.notRegistered')}>
                          —
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {i.followedBy.length ? (
                        i.followedBy.map((f) => f.name).join(', ')
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('committees.coverage.notFollowed')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollCue>
        </Card>
      )}
    </Stack>
  );
}

/** No provincial committee yet: who may, records it from its founding decision; the others are told. */
function NoCommittee({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const [target, setTarget] = useState<CommitteeTarget | null>(null);
  // The province the administrator or the standing agency keeps (the grant over it), as a start.
  const province =
    session.data?.grants.find((g) => g.role === 'admin' || g.role === 'standing_officer')?.unitId ??
    homeUnitOf(session.data);
  const names = useUnitNames([province]);
  if (!canCreate) return <Text c="dimmed">{t('committees.none')}</Text>;
  return (
    <Card withBorder padding="lg" data-testid="committee-none">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{t('committees.none')}</Text>
        <Text size="sm" c="dimmed">
          {t('committees.noneCanCreate')}
        </Text>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            setTarget({
              mode: 'create',
              level: 'province',
              hostUnitId: province,
              hostUnitName: province ? unitLabel(names.byId.get(province)) : undefined,
            })
          }
          data-testid="committee-create"
        >
          {t('committees.form.createCommittee')}
        </Button>
      </Stack>
      <CommitteeModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}

/** Ban Chỉ đạo: the provincial committee's composition on a date, and the lower-level committees. */
export function CommitteesPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('composition');
  const provincial = useQuery({
    queryKey: committeeKeys.list('province'),
    queryFn: () => listCommittees('province'),
  });
  const committee = provincial.data?.items[0];
  return (
    <div data-testid="committees-page">
      <PageHeader title={t('committees.title')} description={t('committees.lead')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="composition" data-testid="tab-composition">
            {t('committees.tabs.composition')}
          </Tabs.Tab>
          <Tabs.Tab value="coverage" data-testid="tab-coverage">
            {t('committees.tabs.coverage')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="composition">
          {provincial.isLoading && <Loader aria-label={t('common.loading')} />}
          {provincial.isError && <ErrorAlert error={provincial.error} />}
          {provincial.data && !committee && <NoCommittee canCreate={provincial.data.abilities.create} />}
          {committee && <Composition committee={committee} />}
        </Tabs.Panel>
        <Tabs.Panel value="coverage">
          {committee && (
            <CoverageView committee={committee} canCreate={!!provincial.data?.abilities.create} />
          )}
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
