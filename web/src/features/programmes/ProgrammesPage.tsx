/**
 * The province's multi-year reform programmes (issue 18, item 0): current and past, each with its document, period,
 * committee and how its targets stand (achieved, on track, at risk, missed). The standing agency creates one.
 */
import { Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { listProgrammes, programmeKeys, type ProgrammeItem } from './api';
import { SummaryChips } from './labels';
import { ProgrammeModal } from './ProgrammeModal';

export function ProgrammesPage() {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: programmeKeys.list, queryFn: listProgrammes });
  const items = list.data?.items ?? [];
  const current = items.filter((p) => p.current);
  const past = items.filter((p) => !p.current);
  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        description={t('programmes.description')}
        actions={
          list.data?.abilities.create && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="programme-new"
            >
              {t('programmes.new')}
            </Button>
          )
        }
      />
      {list.isLoading && <Loader />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && !items.length && <Text c="dimmed">{t('programmes.empty')}</Text>}
      {[
        { key: 'current', rows: current },
        { key: 'past', rows: past },
      ]
        .filter((g) => g.rows.length)
        .map((g) => (
          <Stack key={g.key} gap="xs" mb="lg">
            <Title order={2} size="h4">
              {t(`programmes.group.${g.key}`)}
            </Title>
            {phone ? (
              g.rows.map((p) => <ProgrammeCard key={p.id} p={p} />)
            ) : (
              <Table striped highlightOnHover data-testid={`programmes-${g.key}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('programmes.titleLabel')}</Table.Th>
                    <Table.Th>{t('programmes.period')}</Table.Th>
                    <Table.Th>{t('programmes.document')}</Table.Th>
                    <Table.Th>{t('programmes.targets')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {g.rows.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <ProgrammeLink p={p} />
                        <Text size="xs" c="dimmed">
                          {t(`programmes.kind.${p.kind}`)} · {p.committee.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {p.fromYear}–{p.toYear}
                      </Table.Td>
                      <Table.Td>
                        <DocumentText p={p} />
                      </Table.Td>
                      <Table.Td>
                        <SummaryChips summary={p.summary} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        ))}
      {creating && list.data && (
        <ProgrammeModal
          onClose={() => setCreating(false)}
          committees={list.data.committees}
          currentYear={list.data.currentYear}
        />
      )}
    </>
  );
}

function ProgrammeLink({ p }: { p: ProgrammeItem }) {
  return (
    <Anchor
      fw={600}
      renderRoot={(props) => <Link to="/programmes/$programmeId" params={{ programmeId: p.id }} {...props} />}
    >
      {p.title}
    </Anchor>
  );
}

function DocumentText({ p }: { p: ProgrammeItem }) {
  if (!p.document)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => (
        <Link to="/documents/$documentId" params={{ documentId: p.document!.id }} {...props} />
      )}
    >
      {p.document.numberSymbol} ({formatDate(p.document.issuedOn)})
    </Anchor>
  );
}

function ProgrammeCard({ p }: { p: ProgrammeItem }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="programme-card">
      <Stack gap={6}>
        <ProgrammeLink p={p} />
        <Group gap="xs">
          <Text size="sm">
            {p.fromYear}–{p.toYear}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`programmes.kind.${p.kind}`)}
          </Text>
        </Group>
        <DocumentText p={p} />
        <SummaryChips summary={p.summary} />
      </Stack>
    </Card>
  );
}
