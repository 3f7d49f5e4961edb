import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconChevronDown,
  IconChevronRight,
  IconListTree,
  IconPlus,
  IconQuestionMark,
  IconSearch,
  IconLinkOff,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column } from '../../components/table';
import { formatDate, formatNumber, isoDate } from '../../lib/format';
import { BEFORE_REORG, unitKeys, unitsAsOf, unitTimeline, type UnitAsOf } from './api';
import { buildTree, type UnitTree } from './lineage';
import { KindBadge, UnitLink, usePeriod } from './parts';

/** Children are rendered only when their parent is open, and in pages of this many. */
const CHUNK = 200;

export function UnitsPage() {
  const { t } = useTranslation();
  const today = isoDate();
  const [asOf, setAsOf] = useState<string>(today);
  const [q, setQ] = useState('');
  const [view, setView] = useState<'tree' | 'table'>('tree');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);

  const all = useQuery({
    queryKey: unitKeys.asOf(asOf),
    queryFn: () => unitsAsOf(asOf),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const tree = useMemo(() => buildTree(all.data?.items ?? []), [all.data]);
  const found = useQuery({
    queryKey: unitKeys.search(asOf, debouncedQ),
    queryFn: () => unitsAsOf(asOf, { q: debouncedQ, limit: 500 }),
    enabled: debouncedQ !== '',
    placeholderData: keepPreviousData,
  });
  // Whether I may record events: the server's answer for the top of the tree (no rule repeated here).
  const rootId = tree.roots[0]?.id;
  const rootAbilities = useQuery({
    queryKey: unitKeys.timeline(rootId ?? ''),
    queryFn: () => unitTimeline(rootId!),
    enabled: !!rootId,
    staleTime: 5 * 60_000,
  });
  const canRecord = rootAbilities.data?.abilities.recordEvent ?? false;

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.lead')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconQuestionMark size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/units/unresolved" {...props} />}
              data-testid="units-unresolved-link"
            >
              {t('units.unresolved.title')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconLinkOff size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/units/stale-links" {...props} />}
              data-testid="units-stale-links-link"
            >
              {t('staleLinks.title')}
            </Button>
            {canRecord && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                renderRoot={(props) => <Link to="/units/events/new" {...props} />}
                data-testid="units-record-event"
              >
                {t('units.event.record')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder padding="md" mb="md" component="section" aria-label={t('common.filters')}>
        <Group align="flex-end" wrap="wrap">
          <DateField
            label={t('units.asOf')}
            value={asOf}
            onChange={(v) => setAsOf(v ?? today)}
            clearable={false}
            w={170}
            data-testid="units-asof"
          />
          <Button.Group>
            <Button
              variant={asOf === BEFORE_REORG ? 'filled' : 'default'}
              onClick={() => setAsOf(BEFORE_REORG)}
              data-testid="units-asof-2024"
            >
              {formatDate(BEFORE_REORG)}
            </Button>
            <Button
              variant={asOf === today ? 'filled' : 'default'}
              onClick={() => setAsOf(today)}
              data-testid="units-asof-today"
            >
              {t('units.today')}
            </Button>
          </Button.Group>
          <TextInput
            label={t('units.search')}
            placeholder={t('units.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={340}
            data-testid="units-search"
          />
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v === 'table' ? 'table' : 'tree')}
            data={[
              { value: 'tree', label: t('units.viewTree') },
              { value: 'table', label: t('units.viewTable') },
            ]}
            aria-label={t('units.view')}
            data-testid="units-view"
          />
          {(all.isFetching || found.isFetching) && <Loader size="sm" aria-label={t('common.loading')} />}
        </Group>
      </Card>
      {all.isError && <ErrorAlert error={all.error} />}
      {found.isError && <ErrorAlert error={found.error} />}
      {debouncedQ !== '' ? (
        // A new search starts on its first page.
        <SearchResults key={debouncedQ} items={found.data?.items} tree={tree} asOf={asOf} />
      ) : view === 'table' ? (
        all.data && <AllUnits tree={tree} asOf={asOf} />
      ) : (
        all.data && <TreeView tree={tree} asOf={asOf} />
      )}
    </>
  );
}

/**
 * Units as a table: sortable by name, kind, code, parent (Vietnamese order) and validity, in pages, with the
 * sideways scroll cue on a phone.
 */
function UnitsTable({
  units,
  tree,
  resetKey,
  testId,
  rowTestId,
}: {
  units: readonly UnitAsOf[];
  tree: UnitTree;
  resetKey: string;
  testId: string;
  rowTestId: string;
}) {
  const { t } = useTranslation();
  const period = usePeriod();
  const parentName = (u: UnitAsOf) => (u.parentId ? (tree.byId.get(u.parentId)?.fullName ?? null) : null);
  const columns: Column<UnitAsOf>[] = [
    {
      key: 'name',
      header: t('units.name'),
      value: (u) => u.fullName,
      cellStyle: { minWidth: 200 },
      cell: (u) => (
        <UnitLink id={u.id} fw={500}>
          {u.fullName}
        </UnitLink>
      ),
    },
    {
      key: 'kind',
      header: t('units.kind'),
      value: (u) => t(`units.kinds.${u.kind}`, { defaultValue: u.kind }),
      cell: (u) => <KindBadge kind={u.kind} />,
    },
    {
      key: 'code',
      header: t('units.code'),
      value: (u) => u.code,
      cell: (u) => (
        <Text size="sm" ff="monospace">
          {u.code}
        </Text>
      ),
    },
    { key: 'parent', header: t('units.parent'), value: parentName },
    {
      key: 'validity',
      header: t('units.validity'),
      value: (u) => u.validFrom,
      cellStyle: { whiteSpace: 'nowrap' },
      cell: (u) => period(u.validFrom, u.validTo, u.knownSince),
    },
  ];
  return (
    <DataTable
      rows={units}
      columns={columns}
      rowKey={(u) => u.id}
      rowProps={() => ({ 'data-testid': rowTestId })}
      pageSize={50}
      resetKey={resetKey}
      empty={t('common.nothingFound')}
      minWidth={760}
      label={t('units.title')}
      testId={testId}
    />
  );
}

function SearchResults({ items, tree, asOf }: { items?: UnitAsOf[]; tree: UnitTree; asOf: string }) {
  const { t } = useTranslation();
  if (!items) return null;
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed" pb="sm" data-testid="units-result-count">
        {t('units.resultCount', { total: formatNumber(items.length), date: formatDate(asOf) })}
      </Text>
      <UnitsTable units={items} tree={tree} resetKey={asOf} testId="units-results" rowTestId="units-result" />
    </Card>
  );
}

/** Every unit in force on the date, as a sortable table. */
function AllUnits({ tree, asOf }: { tree: UnitTree; asOf: string }) {
  const { t } = useTranslation();
  const units = useMemo(() => [...tree.byId.values()], [tree]);
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed" pb="sm" data-testid="units-count">
        {t('units.treeCount', { total: formatNumber(units.length), date: formatDate(asOf) })}
      </Text>
      <UnitsTable units={units} tree={tree} resetKey={asOf} testId="units-table" rowTestId="units-row" />
    </Card>
  );
}

function TreeView({ tree, asOf }: { tree: UnitTree; asOf: string }) {
  const { t } = useTranslation();
  // null = the default: the top level open.
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const open = expanded ?? new Set(tree.roots.map((u) => u.id));
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed" data-testid="units-count">
          {t('units.treeCount', { total: formatNumber(tree.byId.size), date: formatDate(asOf) })}
        </Text>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconListTree size={14} aria-hidden />}
          onClick={() => setExpanded(new Set())}
          data-testid="units-collapse"
        >
          {t('units.collapseAll')}
        </Button>
      </Group>
      {tree.roots.length === 0 ? (
        <Text c="dimmed" ta="center" py="md">
          {t('units.noneInForce')}
        </Text>
      ) : (
        <Box
          component="ul"
          role="tree"
          aria-label={t('units.treeLabel')}
          m={0}
          p={0}
          data-testid="units-tree"
        >
          <Nodes units={tree.roots} tree={tree} open={open} toggle={toggle} depth={0} />
        </Box>
      )}
    </Card>
  );
}

type NodesProps = {
  units: UnitAsOf[];
  tree: UnitTree;
  open: Set<string>;
  toggle: (id: string) => void;
  depth: number;
};

function Nodes({ units, tree, open, toggle, depth }: NodesProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(CHUNK);
  return (
    <>
      {units.slice(0, shown).map((u) => (
        <Node key={u.id} unit={u} tree={tree} open={open} toggle={toggle} depth={depth} />
      ))}
      {units.length > shown && (
        <Box component="li" role="none" pl={depth * 24 + 30} py={4} style={{ listStyle: 'none' }}>
          <Anchor component="button" size="sm" onClick={() => setShown((n) => n + CHUNK)}>
            {t('units.showMore', { total: formatNumber(units.length - shown) })}
          </Anchor>
        </Box>
      )}
    </>
  );
}

function Node({ unit, tree, open, toggle, depth }: Omit<NodesProps, 'units'> & { unit: UnitAsOf }) {
  const { t } = useTranslation();
  const children = tree.children.get(unit.id) ?? [];
  const isOpen = children.length > 0 && open.has(unit.id);
  return (
    <Box
      component="li"
      role="treeitem"
      aria-expanded={children.length ? isOpen : undefined}
      aria-level={depth + 1}
      style={{ listStyle: 'none' }}
      data-testid="unit-node"
      data-unit-kind={unit.kind}
    >
      <Group gap={6} wrap="nowrap" pl={depth * 24} py={3} className="unit-row">
        {children.length ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => toggle(unit.id)}
            aria-label={t(isOpen ? 'units.collapse' : 'units.expand', { name: unit.fullName })}
            data-testid="unit-toggle"
          >
            {isOpen ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        ) : (
          <Box w={22} style={{ flexShrink: 0 }} />
        )}
        <UnitLink id={unit.id} size="sm" fw={depth === 0 ? 600 : 500}>
          {unit.fullName}
        </UnitLink>
        {/* At phone width the names need the room (the kind shows in the name: "Huyện …", "Sở …"). */}
        <Box visibleFrom="sm" style={{ flexShrink: 0 }}>
          <KindBadge kind={unit.kind} />
        </Box>
        <Text size="xs" c="dimmed" ff="monospace" visibleFrom="sm">
          {unit.code}
        </Text>
        {children.length > 0 && (
          <Badge variant="outline" color="gray" size="sm" radius="sm" title={t('units.childrenTitle')}>
            {t('units.children', { total: formatNumber(children.length) })}
          </Badge>
        )}
      </Group>
      {isOpen && (
        <Box component="ul" role="group" m={0} p={0}>
          <Nodes units={children} tree={tree} open={open} toggle={toggle} depth={depth + 1} />
        </Box>
      )}
    </Box>
  );
}
