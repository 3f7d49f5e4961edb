import {
  Badge,
  Collapse,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { memo, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { textIn } from '../campaign/labels';
import type { Assessment, Evidence, Score } from './api';
import { EvidenceList, RecordLink } from './Evidence';
import { canAppraise, canExplain, canScoreSelf, type PlacedItem } from './model';
import { AppraisalEditor, ExplanationEditor, SelfEditor } from './ScoreEditors';

export type Columns = { round1: boolean; explanation: boolean; round2: boolean };

const METHOD_COLORS = { self: 'blue', computed: 'teal', survey: 'grape' } as const;

/** How an item is scored: by the unit, computed from chidao's records, or from the sociological survey. */
export function MethodBadge({ item }: { item: PlacedItem }) {
  const { t } = useTranslation();
  if (item.kind !== 'scored') return null;
  return (
    <Badge
      size="sm"
      variant="light"
      color={METHOD_COLORS[item.method]}
      tt="none"
      data-testid="par-item-method"
    >
      {t(`parAssessment.methods.${item.method}`)}
    </Badge>
  );
}

/** One side-by-side column of an item: its heading, then its value or its editor. */
function Column({
  title,
  active,
  children,
  testId,
}: {
  title: string;
  active?: boolean;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Stack
      gap={6}
      p="xs"
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: active ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
        minWidth: 0,
      }}
      data-testid={testId}
    >
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** Points shown read-only: "1,5 điểm", or what is missing. */
function Points({ value, missing }: { value: number | null; missing: string }) {
  const { t } = useTranslation();
  return value === null ? (
    <Text size="sm" c="dimmed">
      {missing}
    </Text>
  ) : (
    <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {t('parAssessment.item.pointsValue', { points: formatNumber(value), count: value })}
    </Text>
  );
}

function Note({ text }: { text: string }) {
  if (!text) return null;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}

/** A computed item's points and how they came about (the figure, the formula), with the record behind it. */
function Computed({ score, survey = false }: { score: Score; survey?: boolean }) {
  const { t, i18n } = useTranslation();
  const c = score.computation;
  return (
    <>
      <Points value={score.computed} missing={t('parAssessment.item.notComputed')} />
      {c && (
        <Text size="sm" data-testid="par-computation">
          {textIn(c.text, i18n.language)}
        </Text>
      )}
      {c?.link && (
        <RecordLink href={c.link}>
          {t(survey ? 'parAssessment.item.openSurvey' : 'parAssessment.item.openRecord')}
        </RecordLink>
      )}
    </>
  );
}

/**
 * One scored item: its number, name, maximum and how it is scored, the guidance and the evidence it asks for
 * (folded), then the columns side by side on a wide screen — Tự chấm | Vòng 1 | Giải trình | Vòng 2 — each an
 * editor where the server lets the caller act now, and the item's evidence.
 */
export const ItemCard = memo(function ItemCard({
  assessment: a,
  item,
  score,
  evidence,
  columns,
}: {
  assessment: Assessment;
  item: PlacedItem;
  score: Score;
  evidence: readonly Evidence[];
  columns: Columns;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const guideId = useId();
  const [guide, setGuide] = useState(false);
  const selfEditable = canScoreSelf(a, item);
  const round1Editable = canAppraise(a, item, 1);
  const round2Editable = canAppraise(a, item, 2);
  const explainEditable = canExplain(a, score);
  const guidance = textIn(item.guidance, lang);
  const needed = textIn(item.evidence, lang);
  const current = evidence.filter((e) => !e.replaced && !e.withdrawn).length;

  const selfTitle =
    item.method === 'computed'
      ? t('parAssessment.columns.computed')
      : item.method === 'survey'
        ? t('parAssessment.columns.survey')
        : t('parAssessment.columns.self');
  const cells: ReactNode[] = [
    <Column key="self" title={selfTitle} active={selfEditable} testId="par-col-self">
      {selfEditable ? (
        <SelfEditor assessment={a} item={item} score={score} />
      ) : item.method === 'computed' ? (
        <Computed score={score} />
      ) : item.method === 'survey' && score.computation ? (
        // The year's survey scored it (issue 17): its index, respondents and points, with its results a click away.
        <Computed score={score} survey />
      ) : item.method === 'survey' ? (
        <Text size="sm" c="dimmed">
          {t('parAssessment.item.surveyPending')}
        </Text>
      ) : (
        <>
          <Points value={score.self} missing={t('parAssessment.item.notScored')} />
          <Note text={score.selfNote} />
        </>
      )}
    </Column>,
  ];
  if (columns.round1)
    cells.push(
      <Column
        key="r1"
        title={t('parAssessment.columns.round1')}
        active={round1Editable}
        testId="par-col-round1"
      >
        {round1Editable ? (
          <AppraisalEditor assessment={a} item={item} score={score} round={1} />
        ) : (
          <>
            <Points value={score.round1} missing={t('parAssessment.item.notAppraised')} />
            <Note text={score.round1Reason} />
          </>
        )}
      </Column>,
    );
  if (columns.explanation)
    cells.push(
      <Column
        key="ex"
        title={t('parAssessment.columns.explanation')}
        active={explainEditable}
        testId="par-col-explanation"
      >
        {explainEditable ? (
          <ExplanationEditor assessment={a} item={item} score={score} />
        ) : score.explanation ? (
          <Note text={score.explanation} />
        ) : (
          <Text size="sm" c="dimmed">
            {score.contested
              ? t('parAssessment.item.notExplained')
              : t('parAssessment.item.noExplanationNeeded')}
          </Text>
        )}
      </Column>,
    );
  if (columns.round2)
    cells.push(
      <Column
        key="r2"
        title={t('parAssessment.columns.round2')}
        active={round2Editable}
        testId="par-col-round2"
      >
        {round2Editable ? (
          <AppraisalEditor assessment={a} item={item} score={score} round={2} />
        ) : (
          <>
            <Points value={score.round2} missing={t('parAssessment.item.notAppraised')} />
            <Note text={score.round2Reason} />
          </>
        )}
      </Column>,
    );

  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      withBorder
      radius="md"
      p="sm"
      data-testid="par-item"
      data-code={item.code}
      data-contested={score.contested || undefined}
      style={{ scrollMarginTop: 80 }}
      id={`item-${item.code}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text id={titleId} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={700} mr={6}>
                {item.code}
              </Text>
              {textIn(item.name, lang)}
            </Text>
            <Group gap={6} wrap="wrap">
              <Text size="xs" c="dimmed">
                {t(`parAssessment.item.max.${item.kind}`, {
                  max: formatNumber(item.maxPoints),
                  count: item.maxPoints,
                })}
              </Text>
              <MethodBadge item={item} />
              {!item.confirmed && (
                <Tooltip label={t('parAssessment.item.unconfirmedHelp')} multiline maw={320} withinPortal>
                  <Badge
                    size="sm"
                    color="orange"
                    variant="outline"
                    tt="none"
                    tabIndex={0}
                    data-testid="par-item-unconfirmed"
                  >
                    {t('parAssessment.item.unconfirmed')}
                  </Badge>
                </Tooltip>
              )}
              {score.contested && (
                <Badge size="sm" color="red" variant="light" tt="none" data-testid="par-item-contested">
                  {t('parAssessment.item.contested')}
                </Badge>
              )}
            </Group>
          </Stack>
          <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
            <Text size="xs" c="dimmed">
              {t('parAssessment.item.current')}
            </Text>
            <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="par-item-current">
              {score.current === null ? '—' : formatNumber(score.current)}
              <Text span size="xs" c="dimmed" fw={400}>
                {' '}
                / {formatNumber(item.maxPoints)}
              </Text>
            </Text>
          </Stack>
        </Group>

        {(guidance || needed) && (
          <div>
            <UnstyledButton
              onClick={() => setGuide((v) => !v)}
              aria-expanded={guide}
              aria-controls={guideId}
              data-testid="par-item-guide-toggle"
              py={4}
            >
              <Group gap={4} wrap="nowrap" align="flex-start">
                {guide ? (
                  <IconChevronDown size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                ) : (
                  <IconChevronRight size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                )}
                <Text size="sm" c="blue.8">
                  {t('parAssessment.item.guide')}
                </Text>
              </Group>
            </UnstyledButton>
            <Collapse expanded={guide} id={guideId}>
              <Stack gap={6} pt={4} pl="md">
                {guidance && (
                  <div>
                    <Text size="xs" fw={700} c="dimmed">
                      {t('parAssessment.item.guidance')}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {guidance}
                    </Text>
                  </div>
                )}
                {needed && (
                  <div>
                    <Text size="xs" fw={700} c="dimmed">
                      {t('parAssessment.item.evidenceNeeded')}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {needed}
                    </Text>
                  </div>
                )}
              </Stack>
            </Collapse>
          </div>
        )}

        <SimpleGrid cols={{ base: 1, sm: Math.min(cells.length, 2), lg: cells.length }} spacing="xs">
          {cells}
        </SimpleGrid>

        <Divider variant="dashed" />
        <Stack gap={4}>
          <Text size="xs" fw={700} c="dimmed">
            {t('parAssessment.evidence.title', { count: current })}
          </Text>
          <EvidenceList assessment={a} item={item} evidence={evidence} contested={score.contested} />
        </Stack>
      </Stack>
    </Paper>
  );
});
