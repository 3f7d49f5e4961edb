import {
  Badge,
  Button,
  Card,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconPlus } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_KINDS, type Choice, type ItemKind, type MatrixRow, type ScalePoint } from '../api';
import { langOf } from '../labels';
import { conditionText, labelIn } from '../model/conditions';
import { changeKind, DEFAULT_SCALE, type Draft, type DraftItem } from '../model/definition';
import { ConditionEditor } from './ConditionEditor';
import { BilingualInput, OptionalNumber, RowButtons, RowProblems, swap } from './parts';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const INLINE = '__inline__';

/** A code typed freely, committed when the field is left (the conditions naming it follow). */
function CodeInput({
  value,
  onCommit,
  label,
  testId,
}: {
  value: string;
  onCommit: (v: string) => void;
  label: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  return (
    <TextInput
      label={label}
      size="xs"
      w={160}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => text.trim() !== value && onCommit(text.trim())}
      error={text && !CODE.test(text.trim()) ? t('surveys.builder.codeFormat') : undefined}
      data-testid={testId}
    />
  );
}

function ChoicesEditor({
  choices,
  multiple,
  onChange,
}: {
  choices: Choice[];
  multiple: boolean;
  onChange: (next: Choice[]) => void;
}) {
  const { t } = useTranslation();
  const B = (k: string, v?: Record<string, unknown>) => t(`surveys.builder.${k}`, v ?? {});
  const set = (k: number, patch: Partial<Choice>) =>
    onChange(choices.map((c, j) => (j === k ? { ...c, ...patch } : c)));
  const nextCode = () => {
    const used = new Set(choices.map((c) => c.code));
    for (let n = choices.length + 1; ; n += 1) if (!used.has(String(n))) return String(n);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {B('choices')}
      </Text>
      {choices.map((c, k) => (
        <Group key={k} gap="xs" align="flex-end" wrap="wrap" data-testid="builder-choice">
          <CodeInput label={B('code')} value={c.code} onCommit={(code) => set(k, { code })} />
          <TextInput
            label={`${B('label')} (${B('vi')})`}
            size="xs"
            style={{ flex: '1 1 180px' }}
            value={c.label.vi}
            onChange={(e) => set(k, { label: { ...c.label, vi: e.currentTarget.value } })}
            withAsterisk
          />
          <TextInput
            label={`${B('label')} (${B('en')})`}
            size="xs"
            style={{ flex: '1 1 180px' }}
            value={c.label.en}
            onChange={(e) => set(k, { label: { ...c.label, en: e.currentTarget.value } })}
          />
          {multiple && (
            <Checkbox
              label={B('exclusive')}
              size="xs"
              mb={6}
              checked={!!c.exclusive}
              onChange={(e) => set(k, { exclusive: e.currentTarget.checked || undefined })}
            />
          )}
          <RowButtons
            first={k === 0}
            last={k === choices.length - 1}
            onMove={(dir) => onChange(swap(choices, k, dir))}
            onRemove={choices.length > 1 ? () => onChange(choices.filter((_, j) => j !== k)) : undefined}
            label={B('choiceN', { n: k + 1 })}
          />
        </Group>
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => onChange([...choices, { code: nextCode(), label: { vi: '', en: '' } }])}
        style={{ alignSelf: 'flex-start' }}
        data-testid="builder-add-choice"
      >
        {B('addChoice')}
      </Button>
    </Stack>
  );
}

function ScaleEditor({
  draft,
  item,
  onChange,
}: {
  draft: Draft;
  item: Extract<DraftItem, { kind: 'likert5' | 'matrix' }>;
  onChange: (next: DraftItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const B = (k: string, v?: Record<string, unknown>) => t(`surveys.builder.${k}`, v ?? {});
  const named = Object.entries(draft.scales ?? {});
  const inline = Array.isArray(item.scale);
  const points: ScalePoint[] = inline
    ? (item.scale as ScalePoint[])
    : (draft.scales?.[item.scale as string] ?? []);
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={B('scale')}
          size="xs"
          w={280}
          data={[
            ...named.map(([key, pts]) => ({
              value: key,
              label: `${labelIn(pts[0]?.label, lang)} … ${labelIn(pts[4]?.label, lang)}`,
            })),
            { value: INLINE, label: B('scaleOwn') },
          ]}
          value={inline ? INLINE : (item.scale as string)}
          onChange={(v) =>
            v &&
            onChange({
              ...item,
              scale: v === INLINE ? structuredClone(points.length === 5 ? points : DEFAULT_SCALE) : v,
            })
          }
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Switch
          label={B('allowNa')}
          size="xs"
          mb={6}
          checked={!!item.allowNa}
          onChange={(e) => onChange({ ...item, allowNa: e.currentTarget.checked || undefined })}
        />
      </Group>
      {inline ? (
        <Stack gap={4}>
          {points.map((p, k) => (
            <Group key={p.value} gap="xs" wrap="wrap" align="flex-end">
              <Badge variant="light" tt="none" mb={6}>
                {p.value}
              </Badge>
              <TextInput
                aria-label={B('pointLabel', { n: p.value, lang: B('vi') })}
                size="xs"
                style={{ flex: '1 1 160px' }}
                value={p.label.vi}
                onChange={(e) =>
                  onChange({
                    ...item,
                    scale: points.map((x, j) =>
                      j === k ? { ...x, label: { ...x.label, vi: e.currentTarget.value } } : x,
                    ),
                  })
                }
              />
              <TextInput
                aria-label={B('pointLabel', { n: p.value, lang: B('en') })}
                size="xs"
                style={{ flex: '1 1 160px' }}
                value={p.label.en}
                onChange={(e) =>
                  onChange({
                    ...item,
                    scale: points.map((x, j) =>
                      j === k ? { ...x, label: { ...x.label, en: e.currentTarget.value } } : x,
                    ),
                  })
                }
              />
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          {points.map((p) => `${p.value} ${labelIn(p.label, lang)}`).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

function RowsEditor({ rows, onChange }: { rows: MatrixRow[]; onChange: (next: MatrixRow[]) => void }) {
  const { t } = useTranslation();
  const B = (k: string, v?: Record<string, unknown>) => t(`surveys.builder.${k}`, v ?? {});
  const set = (k: number, patch: Partial<MatrixRow>) =>
    onChange(rows.map((r, j) => (j === k ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {B('rows')}
      </Text>
      {rows.map((r, k) => (
        <Group key={k} gap="xs" align="flex-end" wrap="wrap" data-testid="builder-row">
          <CodeInput label={B('code')} value={r.code} onCommit={(code) => set(k, { code })} />
          <TextInput
            label={`${B('rowText')} (${B('vi')})`}
            size="xs"
            style={{ flex: '2 1 220px' }}
            value={r.text.vi}
            onChange={(e) => set(k, { text: { ...r.text, vi: e.currentTarget.value } })}
            withAsterisk
          />
          <TextInput
            label={`${B('rowText')} (${B('en')})`}
            size="xs"
            style={{ flex: '2 1 220px' }}
            value={r.text.en}
            onChange={(e) => set(k, { text: { ...r.text, en: e.currentTarget.value } })}
          />
          <TextInput
            label={B('element')}
            size="xs"
            w={110}
            value={r.element ?? ''}
            onChange={(e) => set(k, { element: e.currentTarget.value || undefined })}
          />
          <TextInput
            label={B('indexKey')}
            size="xs"
            w={110}
            value={r.indexKey ?? ''}
            onChange={(e) => set(k, { indexKey: e.currentTarget.value || undefined })}
          />
          <RowButtons
            first={k === 0}
            last={k === rows.length - 1}
            onMove={(dir) => onChange(swap(rows, k, dir))}
            onRemove={rows.length > 1 ? () => onChange(rows.filter((_, j) => j !== k)) : undefined}
            label={B('rowN', { n: k + 1 })}
          />
        </Group>
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => {
          const used = new Set(rows.map((r) => r.code));
          const base = rows[0]?.code.replace(/\.\d+$/, '') ?? 'dong';
          let n = rows.length + 1;
          while (used.has(`${base}.${n}`)) n += 1;
          onChange([...rows, { code: `${base}.${n}`, text: { vi: '', en: '' } }]);
        }}
        style={{ alignSelf: 'flex-start' }}
        data-testid="builder-add-row"
      >
        {B('addRow')}
      </Button>
    </Stack>
  );
}

/**
 * One question in the builder: a summary line (code, kind, wording, condition, problems) and, opened, its editor —
 * kind, code, wording and help in both languages, required, tags, what its kind needs (choices, scale, rows, bounds,
 * length) and its display condition.
 */
export const ItemEditor = memo(function ItemEditor({
  draft,
  item,
  earlier,
  problems,
  first,
  last,
  onChange,
  onRename,
  onMove,
  onRemove,
}: {
  draft: Draft;
  item: DraftItem;
  earlier: readonly DraftItem[];
  problems: readonly string[] | undefined;
  first: boolean;
  last: boolean;
  onChange: (next: DraftItem) => void;
  onRename: (code: string) => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const B = (k: string, v?: Record<string, unknown>) => t(`surveys.builder.${k}`, v ?? {});
  const [open, setOpen] = useState(false);
  const elements = draft.elements ?? [];
  const label = t('surveys.builder.itemLabel', { code: item.code });

  return (
    <Card
      withBorder
      padding="sm"
      radius="sm"
      data-uid={item.uid}
      data-testid="builder-item"
      data-code={item.code}
      style={problems?.length ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Badge variant="light" color="gray" tt="none" size="sm">
                {item.code}
              </Badge>
              <Badge variant="outline" tt="none" size="sm">
                {B(`kinds.${item.kind}`)}
              </Badge>
              {item.required && (
                <Badge variant="light" color="red" tt="none" size="sm">
                  {B('requiredBadge')}
                </Badge>
              )}
              {item.element && (
                <Badge variant="light" color="grape" tt="none" size="sm">
                  {B('elementBadge', {
                    // The element's name where the questionnaire names it ("Tiếp cận dịch vụ"), else its code.
                    element:
                      labelIn(elements.find((e) => e.code === item.element)?.name, lang) || item.element,
                  })}
                </Badge>
              )}
              {item.indexKey && (
                <Badge variant="light" color="indigo" tt="none" size="sm">
                  {B('indexKeyBadge', { key: item.indexKey })}
                </Badge>
              )}
            </Group>
            <Text size="sm" fw={500}>
              {labelIn(item.text, lang) || B('untitled')}
            </Text>
            {item.showIf && (
              <Text size="xs" c="dimmed">
                {conditionText(draft, item.showIf, lang)}
              </Text>
            )}
          </Stack>
          <Group gap={4} wrap="nowrap">
            <RowButtons first={first} last={last} onMove={onMove} onRemove={onRemove} label={label} />
            <Button
              size="compact-xs"
              variant={open ? 'filled' : 'light'}
              onClick={() => setOpen((o) => !o)}
              rightSection={
                open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
              }
              aria-expanded={open}
              data-testid="builder-item-toggle"
            >
              {open ? B('close') : B('edit')}
            </Button>
          </Group>
        </Group>
        <RowProblems messages={problems} />
        {open && (
          <Stack gap="sm">
            <Divider />
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Select
                label={B('kind')}
                size="xs"
                w={200}
                data={ITEM_KINDS.map((k) => ({ value: k, label: B(`kinds.${k}`) }))}
                value={item.kind}
                onChange={(k) => k && onChange(changeKind(draft, item, k as ItemKind))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="builder-item-kind"
              />
              <CodeInput label={B('code')} value={item.code} onCommit={onRename} testId="builder-item-code" />
              <Switch
                label={B('required')}
                size="xs"
                mb={6}
                checked={!!item.required}
                onChange={(e) => onChange({ ...item, required: e.currentTarget.checked })}
                data-testid="builder-item-required"
              />
            </Group>
            <BilingualInput
              label={B('text')}
              value={item.text}
              onChange={(text) => onChange({ ...item, text: text ?? { vi: '', en: '' } })}
              required
              multiline
              testId="builder-item-text"
            />
            <BilingualInput
              label={B('help')}
              value={item.help}
              onChange={(help) => onChange({ ...item, help })}
              multiline
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {elements.length ? (
                <Select
                  label={B('element')}
                  description={B('elementHint')}
                  size="xs"
                  data={elements.map((e) => ({
                    value: e.code,
                    label: `${e.code} — ${labelIn(e.name, lang)}`,
                  }))}
                  value={item.element ?? null}
                  onChange={(v) => onChange({ ...item, element: v ?? undefined })}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              ) : (
                <TextInput
                  label={B('element')}
                  description={B('elementHint')}
                  size="xs"
                  value={item.element ?? ''}
                  onChange={(e) => onChange({ ...item, element: e.currentTarget.value || undefined })}
                />
              )}
              <TextInput
                label={B('indexKey')}
                description={B('indexKeyHint')}
                size="xs"
                value={item.indexKey ?? ''}
                onChange={(e) => onChange({ ...item, indexKey: e.currentTarget.value || undefined })}
              />
            </SimpleGrid>

            {(item.kind === 'single' || item.kind === 'multiple') && (
              <ChoicesEditor
                choices={item.choices}
                multiple={item.kind === 'multiple'}
                onChange={(choices) => onChange({ ...item, choices })}
              />
            )}
            {item.kind === 'multiple' && (
              <Group gap="sm">
                <OptionalNumber
                  label={B('minSelections')}
                  value={item.minSelections}
                  onChange={(minSelections) => onChange({ ...item, minSelections })}
                  min={0}
                  allowDecimal={false}
                />
                <OptionalNumber
                  label={B('maxSelections')}
                  value={item.maxSelections}
                  onChange={(maxSelections) => onChange({ ...item, maxSelections })}
                  min={1}
                  allowDecimal={false}
                />
              </Group>
            )}
            {(item.kind === 'likert5' || item.kind === 'matrix') && (
              <ScaleEditor draft={draft} item={item} onChange={onChange} />
            )}
            {item.kind === 'matrix' && (
              <RowsEditor rows={item.rows} onChange={(rows) => onChange({ ...item, rows })} />
            )}
            {item.kind === 'number' && (
              <Stack gap="xs">
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <OptionalNumber
                    label={B('min')}
                    value={item.min}
                    onChange={(min) => onChange({ ...item, min })}
                  />
                  <OptionalNumber
                    label={B('max')}
                    value={item.max}
                    onChange={(max) => onChange({ ...item, max })}
                  />
                  <Switch
                    label={B('integer')}
                    size="xs"
                    mb={6}
                    checked={!!item.integer}
                    onChange={(e) => onChange({ ...item, integer: e.currentTarget.checked })}
                  />
                </Group>
                <BilingualInput
                  label={B('unit')}
                  value={item.unit}
                  onChange={(unit) => onChange({ ...item, unit })}
                  maxLength={40}
                />
              </Stack>
            )}
            {item.kind === 'text' && (
              <Group gap="sm" align="flex-end" wrap="wrap">
                <NumberInput
                  label={B('maxLength')}
                  size="xs"
                  w={160}
                  value={item.maxLength}
                  onChange={(v) => onChange({ ...item, maxLength: typeof v === 'number' ? v : 0 })}
                  min={1}
                  max={5000}
                  allowDecimal={false}
                  thousandSeparator="."
                  decimalSeparator=","
                />
                <Switch
                  label={B('multiline')}
                  size="xs"
                  mb={6}
                  checked={!!item.multiline}
                  onChange={(e) => onChange({ ...item, multiline: e.currentTarget.checked })}
                />
              </Group>
            )}
            <Divider label={B('conditionTitle')} labelPosition="left" />
            <ConditionEditor
              draft={draft}
              earlier={earlier}
              value={item.showIf}
              onChange={(showIf) => onChange({ ...item, showIf })}
            />
          </Stack>
        )}
      </Stack>
    </Card>
  );
});
