import {
  Badge,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollCue } from '../../../components/table';
import type { SurveyItem } from '../api';
import { langOf } from '../labels';
import { conditionMet, labelIn, type Lang } from '../model/conditions';
import { scaleOf, type Draft } from '../model/definition';

type Answers = Record<string, unknown>;

const NA = 'na';

function ItemPreview({
  draft,
  item,
  lang,
  value,
  onChange,
}: {
  draft: Draft;
  item: SurveyItem;
  lang: Lang;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const { t } = useTranslation();
  const label = (
    <>
      {labelIn(item.text, lang) || t('surveys.builder.untitled')}
      {item.required && (
        <Text span c="red" aria-hidden>
          {' '}
          *
        </Text>
      )}
    </>
  );
  const help = labelIn(item.help, lang) || undefined;
  switch (item.kind) {
    case 'single':
      return (
        <Radio.Group label={label} description={help} value={(value as string) ?? null} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {item.choices.map((c) => (
              <Radio key={c.code} value={c.code} label={labelIn(c.label, lang) || c.code} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          label={label}
          description={help}
          value={(value as string[]) ?? []}
          onChange={onChange}
        >
          <Stack gap={6} mt={6}>
            {item.choices.map((c) => (
              <Checkbox key={c.code} value={c.code} label={labelIn(c.label, lang) || c.code} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'likert5': {
      const points = scaleOf(draft, item) ?? [];
      return (
        <Radio.Group
          label={label}
          description={help}
          value={value === undefined ? null : String(value)}
          onChange={(v) => onChange(v === NA ? NA : Number(v))}
        >
          <Group gap="sm" mt={6} wrap="wrap">
            {points.map((p) => (
              <Radio key={p.value} value={String(p.value)} label={`${p.value}. ${labelIn(p.label, lang)}`} />
            ))}
            {item.allowNa && (
              <Radio value={NA} label={labelIn(item.naLabel, lang) || t('surveys.builder.na')} />
            )}
          </Group>
        </Radio.Group>
      );
    }
    case 'matrix': {
      const points = scaleOf(draft, item) ?? [];
      const answers = (value as Record<string, unknown>) ?? {};
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          {help && (
            <Text size="xs" c="dimmed">
              {help}
            </Text>
          )}
          <ScrollCue minWidth={560} label={labelIn(item.text, lang)}>
            <Table withTableBorder verticalSpacing={4} fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  {points.map((p) => (
                    <Table.Th key={p.value} ta="center" w={72}>
                      {labelIn(p.label, lang)}
                    </Table.Th>
                  ))}
                  {item.allowNa && (
                    <Table.Th ta="center" w={72}>
                      {labelIn(item.naLabel, lang) || t('surveys.builder.na')}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {item.rows.map((r) => (
                  <Table.Tr key={r.code}>
                    <Table.Td>{labelIn(r.text, lang) || r.code}</Table.Td>
                    {[...points.map((p) => p.value as number | 'na'), ...(item.allowNa ? [NA] : [])].map(
                      (v) => (
                        <Table.Td key={String(v)} ta="center">
                          <Radio
                            name={`${item.code}-${r.code}`}
                            value={String(v)}
                            checked={answers[r.code] === v}
                            onChange={() => onChange({ ...answers, [r.code]: v })}
                            aria-label={`${labelIn(r.text, lang)}: ${v}`}
                            style={{ display: 'inline-block' }}
                          />
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollCue>
        </Stack>
      );
    }
    case 'number':
      return (
        <NumberInput
          label={label}
          description={help}
          value={(value as number) ?? ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          min={item.min}
          max={item.max}
          allowDecimal={!item.integer}
          decimalSeparator=","
          thousandSeparator="."
          rightSection={item.unit ? <Text size="xs">{labelIn(item.unit, lang)}</Text> : undefined}
          rightSectionWidth={item.unit ? 60 : undefined}
          w={260}
        />
      );
    case 'text':
      return item.multiline ? (
        <Textarea
          label={label}
          description={help}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={item.maxLength}
          autosize
          minRows={2}
        />
      ) : (
        <TextInput
          label={label}
          description={help}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={item.maxLength}
        />
      );
  }
}

/**
 * The questionnaire as a respondent sees it, answerable here (nothing is sent): the questions a condition hides
 * appear and disappear with the answers given, as on the public form.
 */
export function Preview({ draft }: { draft: Draft }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [answers, setAnswers] = useState<Answers>({});
  // Hidden questions count as unanswered for the ones after them (the server drops hidden answers).
  const visible: Answers = {};
  const shown = new Set<string>();
  for (const s of draft.sections)
    for (const it of s.items)
      if (conditionMet(it.showIf, visible)) {
        shown.add(it.uid);
        if (answers[it.code] !== undefined) visible[it.code] = answers[it.code];
      }
  return (
    <Card withBorder padding="md" data-testid="builder-preview">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Badge variant="light" color="gray" tt="none">
            {t('surveys.builder.previewBadge')}
          </Badge>
        </Group>
        <Title order={3} size="h4">
          {labelIn(draft.title, lang) || t('surveys.builder.untitled')}
        </Title>
        {draft.intro && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
            {labelIn(draft.intro, lang)}
          </Text>
        )}
        {draft.sections.map((s) => (
          <Stack key={s.uid} gap="sm">
            <Title order={4} size="h5">
              {labelIn(s.title, lang) || t('surveys.builder.untitled')}
            </Title>
            {s.help && (
              <Text size="xs" c="dimmed">
                {labelIn(s.help, lang)}
              </Text>
            )}
            {s.items
              .filter((it) => shown.has(it.uid))
              .map((it) => (
                <ItemPreview
                  key={it.uid}
                  draft={draft}
                  item={it}
                  lang={lang}
                  value={answers[it.code]}
                  onChange={(v) => setAnswers((a) => ({ ...a, [it.code]: v }))}
                />
              ))}
            {s.items.length > 0 && s.items.every((it) => !shown.has(it.uid)) && (
              <Text size="xs" c="dimmed">
                {t('surveys.builder.sectionHidden')}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
