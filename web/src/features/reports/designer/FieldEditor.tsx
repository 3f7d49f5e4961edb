/** The editor of one field of a draft (and of a section's or subsection's own properties). */
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconChecks, IconCircleCheck, IconDatabase } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accentInsensitiveFilter } from '../../../components/UnitSelect';
import type { Problem } from './api';
import { prefillWord, typeWord } from './FormOutlineView';
import {
  AggregateSelect,
  NumericProps,
  numberOrUndefined,
  OptionsEditor,
  TableEditor,
  VN_NUMBER,
} from './ListEditors';
import {
  changeFieldType,
  draftFields,
  FIELD_TYPES,
  fitAggregate,
  locate,
  slugKey,
  uniqueKey,
  type Container,
  type Draft,
  type DraftField,
  type DraftSection,
  type DraftSubsection,
  type FieldType,
  type LocalText,
} from './outline';
import { BilingualInput, KeyInput, OptionalBilingual, ProblemNotes, useLocal } from './parts';

/** Where a field may be moved to: every section (its own fields) and subsection, by their titles. */
function useContainers(draft: Draft) {
  const local = useLocal();
  const { t } = useTranslation();
  const out: { value: string; label: string }[] = [];
  draft.sections.forEach((s, i) => {
    const title = `${s.numbering ? `${s.numbering} ` : ''}${local(s.title)}`;
    out.push({ value: `${i}:`, label: `${title} ${t('reportsDesigner.ownFields')}` });
    s.subsections.forEach((sub, j) =>
      out.push({
        value: `${i}:${j}`,
        label: `${s.numbering ?? ''}${sub.numbering ? ` ${sub.numbering}` : ''} ${local(sub.title)}`.trim(),
      }),
    );
  });
  return out;
}

const containerOf = (value: string): Container => {
  const [s, sub] = value.split(':');
  return { section: Number(s), sub: sub ? Number(sub) : null };
};

export function FieldEditor({
  field,
  draft,
  problems,
  localMessages,
  onChange,
  onRenameKey,
  onMoveTo,
  onCheck,
  checking,
  dirty,
}: {
  field: DraftField;
  draft: Draft;
  problems: readonly Problem[];
  /** What is malformed here (found in the browser), as sentences. */
  localMessages: readonly string[];
  onChange: (field: DraftField) => void;
  onRenameKey: (from: string, to: string) => void;
  onMoveTo: (to: Container) => void;
  /** Saves the draft so the server checks it ("Kiểm tra"). */
  onCheck: () => void;
  checking: boolean;
  dirty: boolean;
}) {
  const { t } = useTranslation();
  const local = useLocal();
  const formulaRef = useRef<HTMLTextAreaElement>(null);
  /** "Kiểm tra" was pressed: say so when the server found nothing. */
  const [asked, setAsked] = useState(false);
  const containers = useContainers(draft);
  const at = locate(draft, field.uid);
  const here = at?.kind === 'field' ? `${at.section}:${at.sub ?? ''}` : null;
  const all = draftFields(draft);
  const others = new Set(all.filter((f) => f.uid !== field.uid).map((f) => f.key));
  const numeric = all
    .filter(
      (f) => f.uid !== field.uid && (f.type === 'number' || f.type === 'percent' || f.type === 'computed'),
    )
    .map((f) => ({ key: f.key, label: `${local(f.label)} (${f.key})` }));
  const referable = all
    .filter((f) => f.uid !== field.uid && f.type !== 'narrative')
    .map((f) => ({ value: f.key, label: `${local(f.label)} — ${f.key}` }));

  const set = (next: DraftField) =>
    onChange({ ...next, aggregate: fitAggregate(next, next.aggregate) } as DraftField);

  const insertIntoFormula = (key: string) => {
    if (field.type !== 'computed') return;
    const el = formulaRef.current;
    const text = field.formula;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const before = text.slice(0, start);
    const after = text.slice(end);
    const pad = before && !/[\s(,]$/.test(before) ? ' ' : '';
    set({ ...field, formula: `${before}${pad}${key}${after}` });
    requestAnimationFrame(() => {
      el?.focus();
      const pos = before.length + pad.length + key.length;
      el?.setSelectionRange(pos, pos);
    });
  };

  return (
    <Stack gap="md" data-testid="field-editor">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4" style={{ flex: '1 1 12rem', minWidth: 0 }}>
          {local(field.label) || t('reportsDesigner.untitled')}
        </Title>
        <Badge variant="light" color="indigo">
          {typeWord(t, field.type)}
        </Badge>
      </Group>
      {field.type !== 'computed' && (
        <ProblemNotes problems={problems} local={localMessages} testId="field-problems" />
      )}
      <Select
        label={t('reportsDesigner.fieldType')}
        data={FIELD_TYPES.map((type) => ({ value: type, label: typeWord(t, type) }))}
        value={field.type}
        onChange={(v) => v && set(changeFieldType(field, v as FieldType))}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        data-testid="field-type"
      />
      <BilingualInput
        label={t('reportsDesigner.fieldLabel')}
        value={field.label}
        required
        error
        multiline
        onChange={(label) => set({ ...field, label })}
        testId="field-label"
      />
      <KeyInput
        value={field.key}
        taken={others}
        suggest={() => uniqueKey(slugKey(field.label.vi), others)}
        onCommit={(key) => onRenameKey(field.key, key)}
        testId="field-key"
      />
      <Text size="xs" c="dimmed" mt={-12}>
        {t('reportsDesigner.keyHint')}
      </Text>
      <OptionalBilingual
        label={t('reportsDesigner.help')}
        value={field.help}
        onChange={(help) => {
          const next = { ...field, help } as DraftField;
          if (!help) delete (next as { help?: LocalText }).help;
          set(next);
        }}
        testId="field-help"
      />
      {field.type !== 'computed' && (
        <Switch
          label={t('reportsDesigner.requiredField')}
          checked={field.required}
          onChange={(e) => set({ ...field, required: e.currentTarget.checked })}
          data-testid="field-required"
        />
      )}
      {'prefill' in field && field.prefill && (
        <Alert color="teal" variant="light" icon={<IconDatabase size={16} aria-hidden />}>
          <Text size="sm" fw={500}>
            {t('reportsDesigner.prefilled')}: {prefillWord(t, field.prefill)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('reportsDesigner.prefillHint')}
          </Text>
        </Alert>
      )}

      {field.type === 'narrative' && (
        <>
          <NumberInput
            label={t('reportsDesigner.maxLength')}
            value={field.maxLength}
            onChange={(v) =>
              set({ ...field, maxLength: Math.max(1, Math.min(100_000, numberOrUndefined(v) ?? 20_000)) })
            }
            min={1}
            max={100_000}
            allowDecimal={false}
            {...VN_NUMBER}
          />
          <AggregateSelect
            item={field}
            value={field.aggregate}
            onChange={(aggregate) => set({ ...field, aggregate })}
          />
        </>
      )}
      {(field.type === 'number' || field.type === 'percent') && (
        <NumericProps item={field} onChange={(f) => set(f)} weights={numeric} />
      )}
      {field.type === 'choice' && (
        <>
          <OptionsEditor options={field.options} onChange={(options) => set({ ...field, options })} />
          <Switch
            label={t('reportsDesigner.multiple')}
            checked={field.multiple}
            onChange={(e) => set({ ...field, multiple: e.currentTarget.checked })}
          />
          <AggregateSelect
            item={field}
            value={field.aggregate}
            onChange={(aggregate) => set({ ...field, aggregate })}
          />
        </>
      )}
      {field.type === 'table' && (
        <>
          <TableEditor table={field} onChange={(table) => set({ ...table, uid: field.uid })} />
          <AggregateSelect
            item={field}
            value={field.aggregate}
            onChange={(aggregate) => set({ ...field, aggregate })}
          />
        </>
      )}
      {field.type === 'computed' && (
        <>
          <Textarea
            ref={formulaRef}
            label={t('reportsDesigner.formula')}
            withAsterisk
            autosize
            minRows={2}
            maxRows={8}
            value={field.formula}
            onChange={(e) => set({ ...field, formula: e.currentTarget.value })}
            spellCheck={false}
            autoCapitalize="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="field-formula"
          />
          <Select
            label={t('reportsDesigner.insertField')}
            placeholder={t('reportsDesigner.insertFieldPlaceholder')}
            data={referable}
            value={null}
            onChange={(v) => v && insertIntoFormula(v)}
            searchable
            filter={accentInsensitiveFilter}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            data-testid="formula-insert"
          />
          <Text size="xs" c="dimmed">
            {t('reportsDesigner.formulaHint')} <Code>pct(a, b)</Code>{' '}
            <Code>{t('reportsDesigner.formulaExample')}</Code> <Code>if(a &gt; 0, b / a, 0)</Code>
          </Text>
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconChecks size={16} aria-hidden />}
              onClick={() => {
                setAsked(true);
                onCheck();
              }}
              loading={checking}
              data-testid="formula-check"
            >
              {t('reportsDesigner.check')}
            </Button>
            <Text size="xs" c="dimmed" style={{ flex: '1 1 12rem' }}>
              {dirty ? t('reportsDesigner.checkHintDirty') : t('reportsDesigner.checkHint')}
            </Text>
          </Group>
          {/* The server's problems of this field, right under the formula they are mostly about. */}
          <ProblemNotes problems={problems} local={localMessages} testId="field-problems" />
          {asked && !checking && !dirty && !problems.length && !localMessages.length && (
            <Text size="sm" c="green" data-testid="formula-ok">
              <IconCircleCheck size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
              {t('reportsDesigner.checkOk')}
            </Text>
          )}
          <Select
            label={t('reportsDesigner.result')}
            data={(['number', 'percent'] as const).map((r) => ({ value: r, label: typeWord(t, r) }))}
            value={field.result}
            onChange={(v) => {
              if (!v) return;
              const next = { ...field, result: v as 'number' | 'percent' };
              if (v === 'percent') delete (next as { unit?: LocalText }).unit;
              set(next);
            }}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <NumericProps item={field} onChange={(f) => set(f)} weights={numeric} />
        </>
      )}
      <Select
        label={t('reportsDesigner.moveTo')}
        data={containers}
        value={here}
        onChange={(v) => v && v !== here && onMoveTo(containerOf(v))}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        data-testid="field-move-to"
      />
    </Stack>
  );
}

/** A section's or subsection's numbering, title and help. */
export function SectionEditor({
  section,
  sub,
  onChange,
  localMessages,
}: {
  section: DraftSection | DraftSubsection;
  sub: boolean;
  onChange: (patch: { numbering?: string; title?: LocalText; help?: LocalText | undefined }) => void;
  localMessages: readonly string[];
}) {
  const { t } = useTranslation();
  const local = useLocal();
  return (
    <Stack gap="md" data-testid="section-editor">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4" style={{ flex: '1 1 12rem', minWidth: 0 }}>
          {section.numbering ? `${section.numbering} ` : ''}
          {local(section.title) || t('reportsDesigner.untitled')}
        </Title>
        <Badge variant="light" color="gray">
          {sub ? t('reportsDesigner.subsection') : t('reportsDesigner.section')}
        </Badge>
      </Group>
      <ProblemNotes problems={[]} local={localMessages} />
      <TextInput
        label={t('reportsDesigner.numbering')}
        description={t('reportsDesigner.numberingHint')}
        value={section.numbering ?? ''}
        maxLength={16}
        onChange={(e) => onChange({ numbering: e.currentTarget.value })}
        data-testid="section-numbering"
      />
      <BilingualInput
        label={t('reportsDesigner.sectionTitle')}
        value={section.title}
        required
        error
        multiline
        onChange={(title) => onChange({ title })}
        testId="section-title"
      />
      <OptionalBilingual
        label={t('reportsDesigner.help')}
        value={section.help}
        onChange={(help) => onChange({ help })}
      />
    </Stack>
  );
}
