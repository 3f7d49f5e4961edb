import { Accordion, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { textIn } from '../campaign/labels';
import type { Assessment, Evidence, Score } from './api';
import { ItemCard, type Columns } from './ItemCard';
import { adjustmentItems, criterionItems, latestTotals, openRound, todo, type PlacedItem } from './model';

type Filter = 'all' | 'todo' | 'contested';

/** The empty score of an item nobody has scored yet (the server lists every item; this is only a fallback). */
const blank = (code: string): Score => ({
  code,
  self: null,
  selfNote: '',
  round1: null,
  round1Reason: '',
  explanation: '',
  round2: null,
  round2Reason: '',
  computed: null,
  computation: null,
  current: null,
  contested: false,
  updatedAt: null,
  version: 0,
});

/**
 * The framework as the assessment scores it: each field a section (code, name, its points so far), its criteria
 * with their items; then the bonus and penalty items. A filter keeps what the caller still has to do, or the
 * items the council changed.
 */
export function CriteriaTree({
  assessment: a,
  scores,
  columns,
  open,
  onOpen,
}: {
  assessment: Assessment;
  scores: ReadonlyMap<string, Score>;
  columns: Columns;
  /** The sections open (controlled: the summary's links open theirs). */
  open: string[];
  onOpen: (v: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tree = a.framework.tree;
  const [filter, setFilter] = useState<Filter>('all');
  const evidenceByCode = useMemo(() => {
    const m = new Map<string, Evidence[]>();
    for (const e of a.evidence) m.set(e.code, [...(m.get(e.code) ?? []), e]);
    return m;
  }, [a.evidence]);
  const totals = latestTotals(a);
  const fieldTotals = new Map(totals.fields.map((f) => [f.code, f]));
  const hasTodo =
    a.abilities.score || a.abilities.explain || (openRound(a) !== null && a.appraiseFields.length > 0);
  const hasContested = a.scores.some((s) => s.contested);
  const keep = (item: PlacedItem) => {
    const s = scores.get(item.code);
    if (filter === 'todo') return todo(a, item, s);
    if (filter === 'contested') return !!s?.contested;
    return true;
  };
  const card = (item: PlacedItem) => (
    <ItemCard
      key={item.code}
      assessment={a}
      item={item}
      score={scores.get(item.code) ?? blank(item.code)}
      evidence={evidenceByCode.get(item.code) ?? []}
      columns={columns}
    />
  );

  const sections = [
    ...tree.fields.map((f) => {
      const criteria = f.criteria
        .map((c) => ({ c, items: criterionItems(c, f.code).filter(keep) }))
        .filter((x) => x.items.length > 0);
      const ft = fieldTotals.get(f.code);
      return {
        value: `field-${f.code}`,
        title: `${f.code}. ${textIn(f.name, lang)}`,
        points: ft
          ? t('parAssessment.tree.fieldPoints', {
              points: formatNumber(ft.points),
              max: formatNumber(ft.maxPoints),
            })
          : null,
        count: criteria.reduce((n, x) => n + x.items.length, 0),
        body: criteria.map(({ c, items }) => (
          <Stack key={c.code} gap="xs">
            {c.subs.length > 0 && (
              <Title order={4} size="h6" mt="xs">
                <Text span fw={700} mr={6}>
                  {c.code}
                </Text>
                {textIn(c.name, lang)}
                <Text span size="xs" c="dimmed" fw={400}>
                  {' '}
                  —{' '}
                  {t('parAssessment.item.max.scored', { max: formatNumber(c.maxPoints), count: c.maxPoints })}
                </Text>
              </Title>
            )}
            {items.map(card)}
          </Stack>
        )),
      };
    }),
    ...(['bonus', 'penalty'] as const)
      .filter((k) => tree[k].length > 0)
      .map((k) => {
        const items = adjustmentItems(tree, k).filter(keep);
        return {
          value: k,
          title: t(`parAssessment.tree.${k}`),
          points: t('parAssessment.tree.adjustmentPoints', {
            points: formatNumber(k === 'bonus' ? totals.bonus : totals.penalty),
            max: formatNumber(k === 'bonus' ? tree.bonusCap : tree.penaltyCap),
          }),
          count: items.length,
          body: [
            <Text key="help" size="sm" c="dimmed">
              {t(`parAssessment.tree.${k}Help`, {
                max: formatNumber(k === 'bonus' ? tree.bonusCap : tree.penaltyCap),
              })}
            </Text>,
            ...items.map(card),
          ],
        };
      }),
  ].filter((s) => filter === 'all' || s.count > 0);

  const filters = [
    { value: 'all', label: t('parAssessment.tree.filterAll') },
    ...(hasTodo ? [{ value: 'todo', label: t('parAssessment.tree.filterTodo') }] : []),
    ...(hasContested ? [{ value: 'contested', label: t('parAssessment.tree.filterContested') }] : []),
  ];
  const allValues = sections.map((s) => s.value);
  const allOpen = allValues.every((v) => open.includes(v));

  return (
    <Stack gap="sm" data-testid="par-tree">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {t('parAssessment.tree.title')}
        </Title>
        <Group gap="xs" wrap="wrap">
          {filters.length > 1 && (
            <SegmentedControl
              value={filter}
              onChange={(v) => {
                setFilter(v as Filter);
                if (v !== 'all') onOpen(allValues);
              }}
              data={filters}
              aria-label={t('parAssessment.tree.filter')}
              data-testid="par-tree-filter"
            />
          )}
          <Button
            variant="subtle"
            size="sm"
            onClick={() => onOpen(allOpen ? [] : allValues)}
            data-testid="par-tree-toggle"
          >
            {allOpen ? t('parAssessment.tree.collapseAll') : t('parAssessment.tree.expandAll')}
          </Button>
        </Group>
      </Group>
      {sections.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="par-tree-empty">
          {filter === 'todo' ? t('parAssessment.tree.nothingTodo') : t('parAssessment.tree.nothingContested')}
        </Text>
      ) : (
        <Accordion
          multiple
          value={open}
          onChange={onOpen}
          variant="separated"
          radius="md"
          chevronPosition="left"
        >
          {sections.map((s) => (
            <Accordion.Item
              key={s.value}
              value={s.value}
              id={s.value}
              data-testid="par-field"
              style={{ scrollMarginTop: 80 }}
            >
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Text fw={600} size="sm" style={{ minWidth: 0 }}>
                    {s.title}
                  </Text>
                  {s.points && (
                    <Text
                      size="sm"
                      c="dimmed"
                      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                    >
                      {s.points}
                    </Text>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">{s.body}</Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
