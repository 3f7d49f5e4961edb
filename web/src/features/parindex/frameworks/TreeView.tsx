import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollCue } from '../../../components/table';
import { formatNumber } from '../../../lib/format';
import {
  sourceKey,
  type Adjustment,
  type Criterion,
  type Field,
  type Framework,
  type GradeBand,
  type ScoredItem,
} from './api';
import {
  formulaText,
  gradeColor,
  MethodBadge,
  nameIn,
  points,
  UnconfirmedBadge,
  whenNoDataText,
} from './labels';

type Bilingual = { vi: string; en: string };
/** A scored item, or a criterion scored directly (its method is on it). */
type Scored = Pick<ScoredItem, 'code' | 'name' | 'maxPoints'> &
  Partial<Omit<ScoredItem, 'code' | 'name' | 'maxPoints'>>;

const text = (b: Bilingual | undefined, language: string) => (b ? nameIn(b, language).trim() : '');

/** Has anything to show when opened: guidance, evidence, a computed item's source and formula, its step. */
const hasDetail = (item: Scored) =>
  !!(
    item.guidance?.vi ||
    item.guidance?.en ||
    item.evidence?.vi ||
    item.evidence?.en ||
    item.method === 'computed' ||
    item.step
  );

/** What opens under an item: how it is computed, how to score it, the evidence required, its step. */
function ItemDetail({ item }: { item: Scored }) {
  const { t, i18n } = useTranslation();
  const guidance = text(item.guidance, i18n.language);
  const evidence = text(item.evidence, i18n.language);
  return (
    <Stack gap={6} py={4} data-testid="item-detail">
      {item.method === 'computed' && (
        <Stack gap={2}>
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('parFrameworks.tree.source')}:{' '}
            </Text>
            {item.source
              ? t(`parFrameworks.sources.${sourceKey(item.source)}`)
              : t('parFrameworks.tree.noSource')}
          </Text>
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('parFrameworks.tree.formula')}:{' '}
            </Text>
            {formulaText(t, item.formula, item.maxPoints)}
          </Text>
          <Text size="sm" c="dimmed">
            {whenNoDataText(t, item.whenNoData)}
          </Text>
        </Stack>
      )}
      {guidance && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <Text span fw={600} size="sm">
            {t('parFrameworks.tree.guidance')}:{' '}
          </Text>
          {guidance}
        </Text>
      )}
      {evidence && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <Text span fw={600} size="sm">
            {t('parFrameworks.tree.evidence')}:{' '}
          </Text>
          {evidence}
        </Text>
      )}
      {item.step !== undefined && (
        <Text size="xs" c="dimmed">
          {t('parFrameworks.tree.step', { step: points(item.step) })}
        </Text>
      )}
    </Stack>
  );
}

/** An item's method badge (a computed one with its data source named under it) and its "not confirmed" marker. */
function Scoring({ item }: { item: Scored }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="wrap">
        {item.method && <MethodBadge method={item.method} source={item.source} />}
        {item.confirmed === false && <UnconfirmedBadge />}
      </Group>
      {item.method === 'computed' && item.source && (
        <Text size="xs" c="dimmed" data-testid="method-source">
          {t(`parFrameworks.sources.${sourceKey(item.source)}`)}
        </Text>
      )}
    </Stack>
  );
}

function Toggle({ open, onToggle, label }: { open: boolean; onToggle: () => void; label: string }) {
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      onClick={onToggle}
      aria-expanded={open}
      aria-label={label}
      data-testid="item-toggle"
    >
      {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
    </ActionIcon>
  );
}

type RowProps = {
  item: Scored;
  level: 'criterion' | 'sub';
  scored: boolean;
  open: boolean;
  onToggle: (code: string) => void;
};

/** A criterion or sub-criterion row of the table, and its detail row when opened. */
const ItemRow = memo(function ItemRow({ item, level, scored, open, onToggle }: RowProps) {
  const { t, i18n } = useTranslation();
  const detail = scored && hasDetail(item);
  const name = nameIn(item.name, i18n.language);
  return (
    <>
      <Table.Tr data-testid={`tree-${level}`} data-code={item.code}>
        <Table.Td style={{ whiteSpace: 'nowrap', paddingLeft: level === 'sub' ? 28 : 14 }}>
          <Text size="sm" fw={level === 'criterion' ? 600 : 400}>
            {item.code}
          </Text>
        </Table.Td>
        <Table.Td style={{ paddingLeft: level === 'sub' ? 28 : 14 }}>
          <Text size="sm" fw={level === 'criterion' ? 600 : 400}>
            {name}
          </Text>
        </Table.Td>
        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {points(item.maxPoints)}
        </Table.Td>
        <Table.Td>{scored && <Scoring item={item} />}</Table.Td>
        <Table.Td w={44}>
          {detail && (
            <Toggle
              open={open}
              onToggle={() => onToggle(item.code)}
              label={t(open ? 'parFrameworks.tree.hideDetail' : 'parFrameworks.tree.showDetail', {
                code: item.code,
              })}
            />
          )}
        </Table.Td>
      </Table.Tr>
      {detail && open && (
        <Table.Tr data-testid="tree-detail-row">
          <Table.Td />
          <Table.Td colSpan={4} style={{ paddingLeft: level === 'sub' ? 28 : 14 }}>
            <ItemDetail item={item} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
});

const FieldRow = memo(function FieldRow({ field, total }: { field: Field; total: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.Tr
      data-testid="tree-field"
      data-code={field.code}
      style={{ background: 'var(--mantine-color-gray-1)' }}
    >
      <Table.Td>
        <Text fw={700} size="sm">
          {field.code}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text fw={700} size="sm">
          {nameIn(field.name, i18n.language)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text fw={700} size="sm">
          {points(field.maxPoints)}
        </Text>
      </Table.Td>
      <Table.Td colSpan={2}>
        {total > 0 && (
          <Text size="xs" c="dimmed">
            {t('parFrameworks.tree.share', { share: formatNumber((field.maxPoints / total) * 100, 1) })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
});

/** The items a field shows, in order: criteria, and under each its sub-criteria. */
function rowsOf(field: Field): { item: Scored; level: 'criterion' | 'sub'; scored: boolean }[] {
  return field.criteria.flatMap((c: Criterion) => [
    { item: c as Scored, level: 'criterion' as const, scored: c.subs.length === 0 },
    ...c.subs.map((s) => ({ item: s as Scored, level: 'sub' as const, scored: true })),
  ]);
}

/** The whole tree as one table: fields (bold, with their share of the total), criteria, sub-criteria. */
function TreeTable({
  framework,
  open,
  onToggle,
}: {
  framework: Framework;
  open: ReadonlySet<string>;
  onToggle: (c: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollCue minWidth={760} label={t('parFrameworks.tree.title')} testId="framework-tree-scroll">
      <Table verticalSpacing={6} data-testid="framework-tree" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('parFrameworks.tree.code')}</Table.Th>
            <Table.Th>{t('parFrameworks.tree.name')}</Table.Th>
            <Table.Th w={110} ta="right">
              {t('parFrameworks.tree.max')}
            </Table.Th>
            <Table.Th w={250}>{t('parFrameworks.tree.method')}</Table.Th>
            <Table.Th w={44}>
              <span className="visually-hidden">{t('parFrameworks.tree.detail')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {framework.tree.fields.map((field) => (
            <FieldRows
              key={field.code}
              field={field}
              total={framework.maxPoints}
              open={open}
              onToggle={onToggle}
            />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

function FieldRows({
  field,
  total,
  open,
  onToggle,
}: {
  field: Field;
  total: number;
  open: ReadonlySet<string>;
  onToggle: (c: string) => void;
}) {
  const rows = useMemo(() => rowsOf(field), [field]);
  return (
    <>
      <FieldRow field={field} total={total} />
      {rows.map((r) => (
        <ItemRow key={r.item.code} {...r} open={open.has(r.item.code)} onToggle={onToggle} />
      ))}
    </>
  );
}

/** On a phone: a card per field, a block per criterion, its sub-criteria listed under it. */
const PhoneItem = memo(function PhoneItem({
  item,
  sub,
  open,
  onToggle,
}: {
  item: Scored;
  sub: boolean;
  open: boolean;
  onToggle: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const detail = hasDetail(item);
  return (
    <Stack
      gap={4}
      pl={sub ? 'sm' : 0}
      data-testid={sub ? 'tree-sub' : 'tree-criterion'}
      data-code={item.code}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={sub ? 400 : 600} style={{ minWidth: 0 }}>
          {item.code} {nameIn(item.name, i18n.language)}
        </Text>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {t('parFrameworks.tree.pointsShort', { points: points(item.maxPoints) })}
        </Text>
      </Group>
      <Group gap="xs" justify="space-between">
        <Scoring item={item} />
        {detail && (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => onToggle(item.code)}
            aria-expanded={open}
            rightSection={
              open ? <IconChevronDown size={12} aria-hidden /> : <IconChevronRight size={12} aria-hidden />
            }
          >
            {t('parFrameworks.tree.guidanceToggle')}
          </Button>
        )}
      </Group>
      {detail && (
        <Collapse expanded={open}>
          <ItemDetail item={item} />
        </Collapse>
      )}
    </Stack>
  );
});

function TreeCards({
  framework,
  open,
  onToggle,
}: {
  framework: Framework;
  open: ReadonlySet<string>;
  onToggle: (c: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" data-testid="framework-tree-cards">
      {framework.tree.fields.map((field) => (
        <Card key={field.code} withBorder padding="sm" data-testid="tree-field" data-code={field.code}>
          <Stack gap="sm">
            <Stack gap={0}>
              <Text fw={700}>
                {field.code}. {nameIn(field.name, i18n.language)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('parFrameworks.tree.fieldFacts', {
                  points: points(field.maxPoints),
                  share:
                    framework.maxPoints > 0
                      ? formatNumber((field.maxPoints / framework.maxPoints) * 100, 1)
                      : '0',
                })}
              </Text>
            </Stack>
            {field.criteria.map((c) => (
              <Paper key={c.code} withBorder p="xs" radius="sm">
                <Stack gap="xs">
                  <PhoneItem item={c as Scored} sub={false} open={open.has(c.code)} onToggle={onToggle} />
                  {c.subs.map((s) => (
                    <PhoneItem key={s.code} item={s} sub open={open.has(s.code)} onToggle={onToggle} />
                  ))}
                </Stack>
              </Paper>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** Every code that has something to open. */
function detailCodes(framework: Framework): string[] {
  const out: string[] = [];
  for (const f of framework.tree.fields)
    for (const c of f.criteria) {
      if (c.subs.length === 0 && hasDetail(c as Scored)) out.push(c.code);
      for (const s of c.subs) if (hasDetail(s)) out.push(s.code);
    }
  for (const a of [...framework.tree.bonus, ...framework.tree.penalty])
    if (a.guidance?.vi || a.guidance?.en || a.evidence?.vi || a.evidence?.en) out.push(a.code);
  return out;
}

/** The fields' tree, read-only, with each item's guidance and evidence opened on demand (or all at once). */
export function TreeView({ framework, phone }: { framework: Framework; phone: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const onToggle = useCallback(
    (code: string) =>
      setOpen((o) => {
        const next = new Set(o);
        if (next.has(code)) next.delete(code);
        else next.add(code);
        return next;
      }),
    [],
  );
  const all = useMemo(() => detailCodes(framework), [framework]);
  const allOpen = all.length > 0 && all.every((c) => open.has(c));
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {t('parFrameworks.tree.title')}
          </Title>
          {all.length > 0 && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setOpen(allOpen ? new Set() : new Set(all))}
              data-testid="tree-toggle-all"
            >
              {allOpen ? t('parFrameworks.tree.collapseAll') : t('parFrameworks.tree.expandAll')}
            </Button>
          )}
        </Group>
        {phone ? (
          <TreeCards framework={framework} open={open} onToggle={onToggle} />
        ) : (
          <TreeTable framework={framework} open={open} onToggle={onToggle} />
        )}
        <Text size="sm" fw={600} ta="right" data-testid="framework-total">
          {t('parFrameworks.tree.total', { max: points(framework.maxPoints) })}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Adjustments
          kind="bonus"
          items={framework.tree.bonus}
          cap={framework.tree.bonusCap}
          open={open}
          onToggle={onToggle}
        />
        <Adjustments
          kind="penalty"
          items={framework.tree.penalty}
          cap={framework.tree.penaltyCap}
          open={open}
          onToggle={onToggle}
        />
      </SimpleGrid>
      <Grades
        bands={framework.gradeBands}
        rescale={framework.rescaleWithoutSurvey}
        survey={framework.surveyPoints}
      />
    </Stack>
  );
}

/** The bonus (or penalty) items with their caps, and the cap of their total. */
function Adjustments({
  kind,
  items,
  cap,
  open,
  onToggle,
}: {
  kind: 'bonus' | 'penalty';
  items: readonly Adjustment[];
  cap: number;
  open: ReadonlySet<string>;
  onToggle: (c: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid={`framework-${kind}`}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t(`parFrameworks.adjustments.${kind}`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`parFrameworks.adjustments.${kind}Cap`, { cap: points(cap) })}
        </Text>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t(`parFrameworks.adjustments.${kind}None`)}
          </Text>
        ) : (
          <Stack gap="xs">
            {items.map((a) => {
              const guidance = text(a.guidance, i18n.language);
              const evidence = text(a.evidence, i18n.language);
              const detail = !!(guidance || evidence);
              const isOpen = open.has(a.code);
              return (
                <Stack key={a.code} gap={2} data-testid="adjustment" data-code={a.code}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Text size="sm" style={{ minWidth: 0 }}>
                      <Text span fw={600} size="sm">
                        {a.code}
                      </Text>{' '}
                      {nameIn(a.name, i18n.language)}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {t('parFrameworks.adjustments.itemCap', { cap: points(a.cap) })}
                      </Text>
                      {detail && (
                        <Toggle
                          open={isOpen}
                          onToggle={() => onToggle(a.code)}
                          label={t(
                            isOpen ? 'parFrameworks.tree.hideDetail' : 'parFrameworks.tree.showDetail',
                            {
                              code: a.code,
                            },
                          )}
                        />
                      )}
                    </Group>
                  </Group>
                  {detail && (
                    <Collapse expanded={isOpen}>
                      <ItemDetail
                        item={{
                          code: a.code,
                          name: a.name,
                          maxPoints: a.cap,
                          guidance: a.guidance,
                          evidence: a.evidence,
                          step: a.step,
                        }}
                      />
                    </Collapse>
                  )}
                </Stack>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** The grade bands, highest first ("Tốt: từ 90%", "Khá: từ 80% đến dưới 90%"), and the survey rule. */
export function Grades({
  bands,
  rescale,
  survey,
}: {
  bands: readonly GradeBand[];
  rescale: boolean;
  survey: number;
}) {
  const { t, i18n } = useTranslation();
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  return (
    <Card withBorder padding="md" data-testid="framework-grades">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('parFrameworks.grades.title')}
        </Title>
        <Stack gap={6}>
          {sorted.map((b, i) => {
            const above = sorted[i - 1];
            const pct = (v: number) => `${formatNumber(v, 2)}%`;
            const range =
              b.minPercent <= 0 && above
                ? t('parFrameworks.grades.below', { max: pct(above.minPercent) })
                : above
                  ? t('parFrameworks.grades.between', { min: pct(b.minPercent), max: pct(above.minPercent) })
                  : t('parFrameworks.grades.from', { min: pct(b.minPercent) });
            return (
              <Group key={b.code} gap="sm" data-testid="grade-band" data-grade={b.code}>
                <Badge color={gradeColor(b.code)} variant="light" tt="none" miw={96}>
                  {nameIn(b.name, i18n.language)}
                </Badge>
                <Text size="sm">{range}</Text>
              </Group>
            );
          })}
        </Stack>
        <Text size="sm" c="dimmed" data-testid="framework-rescale">
          {survey > 0
            ? rescale
              ? t('parFrameworks.grades.rescale', { survey: points(survey) })
              : t('parFrameworks.grades.noRescale', { survey: points(survey) })
            : t('parFrameworks.grades.noSurvey')}
        </Text>
      </Stack>
    </Card>
  );
}
