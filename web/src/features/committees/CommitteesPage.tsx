import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconUserMinus, IconEye, IconX } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
  type Committee,
  type CoverageLevel,
  type DocumentRef,
  type Membership,
} from './api';
import { AddMemberModal, AssignModal, EndModal } from './forms';

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
  const composition = useQuery({
    queryKey: committeeKeys.composition(committee.id, date),
    queryFn: () => getComposition(committee.id, date),
    placeholderData: keepPreviousData,
  });
  const canEdit = committee.abilities.update;

  return (
    <Stack gap="md">
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="xs" data-testid="committee-name">
          {committee.name}
        </Title>
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
              {composition.data
                ? t('committees.memberCount', { count: composition.data.members.length })
                : ''}
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
        <Table.ScrollContainer minWidth={980}>
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
              {composition.data?.members.map((m) => (
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
              {composition.data && composition.data.members.length === 0 && (
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
        </Table.ScrollContainer>
      </Card>
      {canEdit && (
        <>
          <AddMemberModal committeeId={committee.id} opened={adding} onClose={closeAdd} />
          <EndModal target={ending} onClose={() => setEnding(null)} />
          <AssignModal membership={assigning} onClose={() => setAssigning(null)} />
        </>
      )}
    </Stack>
  );
}

function CoverageView() {
  const { t } = useTranslation();
  const [level, setLevel] = useState<CoverageLevel>('district');
  const [asOf, setAsOf] = useState<string | null>(isoDate());
  const date = asOf ?? isoDate();
  const coverage = useQuery({
    queryKey: committeeKeys.coverage(level, date),
    queryFn: () => getCoverage(level, date),
    placeholderData: keepPreviousData,
  });
  const c = coverage.data;
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Group align="flex-end" wrap="wrap" gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="coverage-level-label">
              {t('committees.coverage.level')}
            </Text>
            <SegmentedControl
              aria-labelledby="coverage-level-label"
              value={level}
              onChange={(v) => setLevel(v as CoverageLevel)}
              data={[
                { value: 'district', label: t('committees.coverage.district') },
                { value: 'department', label: t('committees.coverage.department') },
              ]}
              data-testid="coverage-level"
            />
          </Stack>
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
      </Card>
      {coverage.isError && <ErrorAlert error={coverage.error} />}
      {c && (
        <Card withBorder padding="lg">
          {c.total === 0 ? (
            <Text c="dimmed" data-testid="coverage-summary">
              {t('committees.coverage.noUnits', { date: formatDate(c.asOf) })}
            </Text>
          ) : (
            <>
              <Text size="xl" fw={700} data-testid="coverage-summary" aria-live="polite">
                {t(`committees.coverage.summary_${c.level}`, {
                  founded: c.founded,
                  total: c.total,
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
            </>
          )}
        </Card>
      )}
      {c && c.total > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs" data-testid="coverage-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('committees.coverage.unit')}</Table.Th>
                  <Table.Th>{t('committees.coverage.status')}</Table.Th>
                  <Table.Th>{t('committees.foundedOn')}</Table.Th>
                  <Table.Th>{t('committees.coverage.foundingDocument')}</Table.Th>
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
                        <Badge color="orange" variant="light">
                          {t('committees.coverage.notFounded')}
                        </Badge>
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
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
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
          {provincial.data && !committee && <Text c="dimmed">{t('committees.none')}</Text>}
          {committee && <Composition committee={committee} />}
        </Tabs.Panel>
        <Tabs.Panel value="coverage">
          <CoverageView />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
