/**
 * The framework editor's rows: a field, a criterion, a sub-criterion, a bonus or penalty item, a grade band. Each is
 * memoised and gets only its own row object, its handles and the stable `dispatch`, so typing in one row re-renders
 * that row and the headers whose sums it changes — not the other ~150.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Collapse,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  type NumberInputProps,
  type TextareaProps,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconCheck,
  IconChevronDown,
  IconChevronRight,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { memo, useState, type Dispatch, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import {
  COMPUTE_SOURCES,
  FORMULA_TYPES,
  METHODS,
  sourceKey,
  WHEN_NO_DATA,
  type ComputeSource,
  type Method,
  type WhenNoData,
} from './api';
import {
  criterionScored,
  mismatch,
  newUid,
  round2,
  sumOf,
  type Action,
  type AdjustmentDraft,
  type AdjustmentKind,
  type CriterionDraft,
  type FieldDraft,
  type FormulaDraft,
  type GradeDraft,
  type ItemDraft,
  type ItemPatch,
  type Num,
  type Problems,
} from './frameworkModel';

const VN_NUMBER = {
  decimalSeparator: ',',
  thousandSeparator: '.',
  hideControls: true,
  allowNegative: false,
} as const;

/** A number input in the Vietnamese style (1.234,5) that keeps what is being typed. */
export function NumInput({
  value,
  onChange,
  ...rest
}: Omit<NumberInputProps, 'value' | 'onChange'> & { value: Num; onChange: (v: Num) => void }) {
  return <NumberInput {...VN_NUMBER} decimalScale={2} value={value} onChange={onChange} {...rest} />;
}

/**
 * A name or title: one line of text shown on as many lines as it needs (up to four, then it scrolls), so a long
 * criterion is read whole while it is edited. Enter adds no line break and a pasted one becomes a space: the value
 * stays one line, as the framework keeps it.
 */
export function NameInput({
  value,
  onValue,
  ...rest
}: Omit<TextareaProps, 'value' | 'onChange' | 'autosize' | 'minRows' | 'maxRows'> & {
  value: string;
  onValue: (v: string) => void;
}) {
  return (
    <Textarea
      autosize
      minRows={1}
      maxRows={4}
      value={value}
      onChange={(e) => onValue(e.currentTarget.value.replace(/[ \t]*[\r\n]+[ \t]*/g, ' '))}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
      }}
      {...rest}
    />
  );
}

/** The server's problems of a row, under it. */
export function RowProblems({ messages }: { messages: readonly string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <Stack gap={2} role="alert" data-testid="row-problems">
      {messages.map((m) => (
        <Text key={m} size="xs" c="red.8">
          {m}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * Up, down and remove, each named after the row (its name also the native tooltip: a Mantine Tooltip on every
 * button of ~150 rows would cost more than the rows themselves).
 */
function RowActions({
  label,
  first,
  last,
  onMove,
  onRemove,
  removable = true,
}: {
  label: string;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  removable?: boolean;
}) {
  const { t } = useTranslation();
  const E = (k: string) => t(`parFrameworks.editor.${k}`, { item: label });
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        disabled={first}
        onClick={() => onMove(-1)}
        aria-label={E('moveUp')}
        title={E('moveUp')}
        data-testid="row-up"
      >
        <IconArrowUp size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        disabled={last}
        onClick={() => onMove(1)}
        aria-label={E('moveDown')}
        title={E('moveDown')}
        data-testid="row-down"
      >
        <IconArrowDown size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        disabled={!removable}
        onClick={onRemove}
        aria-label={E('remove')}
        title={removable ? E('remove') : E('cannotRemove')}
        data-testid="row-remove"
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

function DetailToggle({ open, onToggle, label }: { open: boolean; onToggle: () => void; label: string }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      size="compact-xs"
      onClick={onToggle}
      aria-expanded={open}
      aria-label={t(open ? 'parFrameworks.editor.hideDetail' : 'parFrameworks.editor.showDetail', {
        item: label,
      })}
      leftSection={
        open ? <IconChevronDown size={12} aria-hidden /> : <IconChevronRight size={12} aria-hidden />
      }
      style={{ alignSelf: 'flex-start' }}
      data-testid="row-detail-toggle"
    >
      {t('parFrameworks.editor.detail')}
    </Button>
  );
}

/** The declared maximum against the sum of the parts: "khớp", or the sum with "Lấy tổng". */
function SumCheck({
  declared,
  sum,
  parts,
  onUse,
}: {
  declared: Num;
  sum: number;
  parts: string;
  onUse: () => void;
}) {
  const { t } = useTranslation();
  if (!mismatch(declared, sum))
    return (
      <Text size="xs" c="teal.8" data-testid="sum-ok">
        <IconCheck size={12} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
        {t('parFrameworks.editor.sumOk', { parts })}
      </Text>
    );
  return (
    <Group gap={6} wrap="wrap" data-testid="sum-mismatch">
      <Text size="xs" c="orange.8">
        {t('parFrameworks.editor.sumDiffers', { parts, sum: formatNumber(sum, 2) })}
      </Text>
      <Button variant="light" color="orange" size="compact-xs" onClick={onUse}>
        {t('parFrameworks.editor.useSum', { sum: formatNumber(sum, 2) })}
      </Button>
    </Group>
  );
}

/**
 * Code, Vietnamese name and maximum, on one line that wraps on a phone; the name grows downwards when it is long
 * (the other controls stay at its top).
 */
function Head({
  code,
  onCode,
  codeLocked,
  name,
  onName,
  nameLabel,
  max,
  children,
  actions,
  strong,
}: {
  code: string;
  onCode: (v: string) => void;
  codeLocked: boolean;
  name: string;
  onName: (v: string) => void;
  nameLabel: string;
  max: ReactNode;
  children?: ReactNode;
  actions: ReactNode;
  strong?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <TextInput
        aria-label={t('parFrameworks.editor.code')}
        value={code}
        onChange={(e) => onCode(e.currentTarget.value)}
        readOnly={codeLocked}
        variant={codeLocked ? 'filled' : 'default'}
        w={84}
        maxLength={20}
        styles={strong ? { input: { fontWeight: 700 } } : undefined}
        data-testid="row-code"
      />
      <NameInput
        aria-label={nameLabel}
        placeholder={nameLabel}
        value={name}
        onValue={onName}
        maxLength={1000}
        style={{ flex: '1 1 300px', minWidth: 0 }}
        styles={strong ? { input: { fontWeight: 700 } } : undefined}
        data-testid="row-name"
      />
      {max}
      {children}
      {actions}
    </Group>
  );
}

/** The formula's parameters: a linear floor, an all-or-nothing threshold, or the bands (rate → share of points). */
function FormulaEditor({
  formula,
  onChange,
}: {
  formula: FormulaDraft;
  onChange: (f: FormulaDraft) => void;
}) {
  const { t } = useTranslation();
  const F = (k: string, v?: Record<string, unknown>) => t(`parFrameworks.editor.formula.${k}`, v ?? {});
  return (
    <Stack gap="xs">
      <NativeSelect
        label={F('type')}
        value={formula.type}
        onChange={(e) => onChange({ ...formula, type: e.currentTarget.value as FormulaDraft['type'] })}
        data={FORMULA_TYPES.map((ft) => ({ value: ft, label: F(`types.${ft}`) }))}
        w={260}
        data-testid="row-formula-type"
      />
      {formula.type === 'linear' && (
        <NumInput
          label={F('from')}
          description={F('fromHint')}
          value={formula.from}
          onChange={(from) => onChange({ ...formula, from })}
          max={99.99}
          suffix="%"
          w={200}
        />
      )}
      {formula.type === 'all_or_nothing' && (
        <NumInput
          label={F('min')}
          value={formula.min}
          onChange={(min) => onChange({ ...formula, min })}
          max={100}
          suffix="%"
          w={200}
        />
      )}
      {formula.type === 'bands' && (
        <Stack gap={6}>
          <Text size="xs" c="dimmed">
            {F('bandsHint')}
          </Text>
          {formula.bands.map((b, i) => (
            <Group key={b.uid} gap="xs" align="flex-end" wrap="wrap">
              <NumInput
                label={i === 0 ? F('bandMin') : undefined}
                aria-label={F('bandMinN', { n: i + 1 })}
                value={b.min}
                onChange={(min) =>
                  onChange({
                    ...formula,
                    bands: formula.bands.map((x) => (x.uid === b.uid ? { ...x, min } : x)),
                  })
                }
                max={100}
                suffix="%"
                w={140}
              />
              <NumInput
                label={i === 0 ? F('bandShare') : undefined}
                aria-label={F('bandShareN', { n: i + 1 })}
                value={b.share}
                onChange={(share) =>
                  onChange({
                    ...formula,
                    bands: formula.bands.map((x) => (x.uid === b.uid ? { ...x, share } : x)),
                  })
                }
                max={100}
                suffix="%"
                w={160}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={formula.bands.length <= 1}
                onClick={() => onChange({ ...formula, bands: formula.bands.filter((x) => x.uid !== b.uid) })}
                aria-label={F('removeBand', { n: i + 1 })}
                mb={4}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconPlus size={12} aria-hidden />}
            onClick={() =>
              onChange({ ...formula, bands: [...formula.bands, { uid: newUid(), min: '', share: '' }] })
            }
            style={{ alignSelf: 'flex-start' }}
          >
            {F('addBand')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

/** A bilingual long text (guidance, evidence): Vietnamese and English side by side. */
function LongText({
  label,
  value,
  onChange,
}: {
  label: string;
  value: { vi: string; en: string };
  onChange: (v: { vi: string; en: string }) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      <Textarea
        label={t('parFrameworks.editor.inVi', { label })}
        value={value.vi}
        onChange={(e) => onChange({ ...value, vi: e.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={8000}
      />
      <Textarea
        label={t('parFrameworks.editor.inEn', { label })}
        value={value.en}
        onChange={(e) => onChange({ ...value, en: e.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={8000}
      />
    </SimpleGrid>
  );
}

/** The inline part of a scored item's scoring: method and "confirmed". */
function ScoringInline({ item, set }: { item: ItemDraft; set: (p: ItemPatch) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <NativeSelect
        aria-label={t('parFrameworks.editor.method')}
        value={item.method}
        onChange={(e) => set({ method: e.currentTarget.value as Method })}
        data={METHODS.map((m) => ({ value: m, label: t(`parFrameworks.methods.${m}`) }))}
        w={170}
        data-testid="row-method"
      />
      <Checkbox
        label={t('parFrameworks.editor.confirmed')}
        title={t('parFrameworks.editor.confirmedHint')}
        checked={item.confirmed}
        onChange={(e) => set({ confirmed: e.currentTarget.checked })}
        mt={8}
        data-testid="row-confirmed"
      />
    </>
  );
}

/** The opened part of a scored item: English name, data source and formula, step, guidance, evidence. */
function ScoringDetail({
  item,
  set,
  withName = true,
}: {
  item: ItemDraft;
  set: (p: ItemPatch) => void;
  withName?: boolean;
}) {
  const { t } = useTranslation();
  const E = (k: string) => t(`parFrameworks.editor.${k}`);
  return (
    <Stack gap="xs" pt="xs">
      {withName && (
        <NameInput
          label={E('nameEn')}
          value={item.name.en}
          onValue={(en) => set({ name: { ...item.name, en } })}
          maxLength={1000}
        />
      )}
      {item.method === 'computed' && (
        <Paper withBorder p="xs" radius="sm" bg="var(--mantine-color-teal-0)">
          <Stack gap="xs">
            <Group gap="xs" align="flex-end" wrap="wrap">
              <NativeSelect
                label={E('source')}
                value={item.source ?? ''}
                onChange={(e) => set({ source: (e.currentTarget.value || null) as ComputeSource | null })}
                data={[
                  { value: '', label: E('sourcePick') },
                  ...COMPUTE_SOURCES.map((s) => ({
                    value: s,
                    label: t(`parFrameworks.sources.${sourceKey(s)}`),
                  })),
                ]}
                style={{ flex: '1 1 320px' }}
                data-testid="row-source"
              />
              <NativeSelect
                label={E('whenNoData')}
                value={item.whenNoData ?? 'full'}
                onChange={(e) => set({ whenNoData: e.currentTarget.value as WhenNoData })}
                data={WHEN_NO_DATA.map((w) => ({ value: w, label: t(`parFrameworks.whenNoDataShort.${w}`) }))}
                w={240}
              />
            </Group>
            <FormulaEditor formula={item.formula} onChange={(formula) => set({ formula })} />
          </Stack>
        </Paper>
      )}
      <NumInput
        label={E('step')}
        description={E('stepHint')}
        value={item.step}
        onChange={(step) => set({ step })}
        placeholder="0,25"
        w={200}
      />
      <LongText label={E('guidance')} value={item.guidance} onChange={(guidance) => set({ guidance })} />
      <LongText label={E('evidence')} value={item.evidence} onChange={(evidence) => set({ evidence })} />
    </Stack>
  );
}

type RowBase = {
  dispatch: Dispatch<Action>;
  problems: Problems;
  first: boolean;
  last: boolean;
  codeLocked: boolean;
};

/** A sub-criterion: code, name, maximum, method, "confirmed"; its details on demand. */
export const SubRow = memo(function SubRow({
  sub,
  fieldUid,
  criterionUid,
  dispatch,
  messages,
  first,
  last,
  codeLocked,
}: Omit<RowBase, 'problems'> & {
  sub: ItemDraft;
  fieldUid: string;
  criterionUid: string;
  messages: readonly string[] | undefined;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const at = { field: fieldUid, criterion: criterionUid, sub: sub.uid };
  const set = (patch: ItemPatch) => dispatch({ type: 'item', at, patch });
  const label = t('parFrameworks.editor.subLabel', { code: sub.code });
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      ml={{ base: 0, sm: 'lg' }}
      data-uid={sub.uid}
      data-testid="editor-sub"
      style={messages?.length ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap={4}>
        <Head
          code={sub.code}
          onCode={(code) => set({ code })}
          codeLocked={codeLocked}
          name={sub.name.vi}
          onName={(vi) => set({ name: { ...sub.name, vi } })}
          nameLabel={t('parFrameworks.editor.subName')}
          max={
            <NumInput
              aria-label={t('parFrameworks.editor.max')}
              value={sub.maxPoints}
              onChange={(maxPoints) => set({ maxPoints })}
              w={90}
              data-testid="row-max"
            />
          }
          actions={
            <RowActions
              label={label}
              first={first}
              last={last}
              onMove={(by) => dispatch({ type: 'move', at, by })}
              onRemove={() => dispatch({ type: 'remove', at })}
            />
          }
        >
          <ScoringInline item={sub} set={set} />
        </Head>
        <RowProblems messages={messages} />
        <DetailToggle open={open} onToggle={() => setOpen((o) => !o)} label={label} />
        {open && <ScoringDetail item={sub} set={set} />}
      </Stack>
    </Paper>
  );
});

/** A criterion: its head (scored directly when it has no sub-criteria), and its sub-criteria. */
export const CriterionBlock = memo(function CriterionBlock({
  criterion,
  fieldUid,
  dispatch,
  problems,
  first,
  last,
  codeLocked,
}: RowBase & { criterion: CriterionDraft; fieldUid: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const at = { field: fieldUid, criterion: criterion.uid };
  const set = (patch: ItemPatch) => dispatch({ type: 'item', at, patch });
  const label = t('parFrameworks.editor.criterionLabel', { code: criterion.code });
  const direct = criterion.subs.length === 0;
  const sum = sumOf(criterion.subs);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg="var(--mantine-color-gray-0)"
      data-uid={criterion.uid}
      data-testid="editor-criterion"
    >
      <Stack gap="xs">
        <Head
          code={criterion.code}
          onCode={(code) => set({ code })}
          codeLocked={codeLocked}
          name={criterion.name.vi}
          onName={(vi) => set({ name: { ...criterion.name, vi } })}
          nameLabel={t('parFrameworks.editor.criterionName')}
          strong
          max={
            <NumInput
              aria-label={t('parFrameworks.editor.max')}
              value={criterion.maxPoints}
              onChange={(maxPoints) => set({ maxPoints })}
              w={90}
              data-testid="row-max"
            />
          }
          actions={
            <RowActions
              label={label}
              first={first}
              last={last}
              onMove={(by) => dispatch({ type: 'move', at, by })}
              onRemove={() => dispatch({ type: 'remove', at })}
              removable={!(first && last)}
            />
          }
        >
          {direct && <ScoringInline item={criterion} set={set} />}
        </Head>
        {!direct && (
          <SumCheck
            declared={criterion.maxPoints}
            sum={sum}
            parts={t('parFrameworks.editor.partsSubs')}
            onUse={() => set({ maxPoints: sum })}
          />
        )}
        {direct && (
          <Text size="xs" c="dimmed">
            {t('parFrameworks.editor.direct')}
          </Text>
        )}
        <RowProblems messages={problems.get(criterion.uid)} />
        <DetailToggle open={open} onToggle={() => setOpen((o) => !o)} label={label} />
        {open &&
          (direct ? (
            <ScoringDetail item={criterion} set={set} />
          ) : (
            <NameInput
              label={t('parFrameworks.editor.nameEn')}
              value={criterion.name.en}
              onValue={(en) => set({ name: { ...criterion.name, en } })}
              maxLength={1000}
            />
          ))}
        {criterion.subs.map((s, i) => (
          <SubRow
            key={s.uid}
            sub={s}
            fieldUid={fieldUid}
            criterionUid={criterion.uid}
            dispatch={dispatch}
            messages={problems.get(s.uid)}
            first={i === 0}
            last={i === criterion.subs.length - 1}
            codeLocked={codeLocked}
          />
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => dispatch({ type: 'add', at })}
          style={{ alignSelf: 'flex-start' }}
          ml={{ base: 0, sm: 'lg' }}
          data-testid="add-sub"
        >
          {t('parFrameworks.editor.addSub', { code: criterion.code })}
        </Button>
      </Stack>
    </Paper>
  );
});

/** A field: its head with the sum of its criteria, and its criteria. */
export const FieldBlock = memo(function FieldBlock({
  field,
  dispatch,
  problems,
  first,
  last,
  codeLocked,
  total,
}: RowBase & { field: FieldDraft; total: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const at = { field: field.uid };
  const set = (patch: Partial<Pick<FieldDraft, 'code' | 'name' | 'maxPoints'>>) =>
    dispatch({ type: 'field', at, patch });
  const label = t('parFrameworks.editor.fieldLabel', { code: field.code });
  const sum = sumOf(field.criteria);
  const scored = round2(field.criteria.reduce((s, c) => s + criterionScored(c), 0));
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      radius="md"
      shadow="xs"
      data-uid={field.uid}
      data-testid="editor-field"
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <Badge variant="filled" color="dark" tt="none">
            {t('parFrameworks.editor.fieldBadge', { code: field.code })}
          </Badge>
          {total > 0 && (
            <Text size="xs" c="dimmed">
              {t('parFrameworks.tree.share', { share: formatNumber((scored / total) * 100, 1) })}
            </Text>
          )}
        </Group>
        <Head
          code={field.code}
          onCode={(code) => set({ code })}
          codeLocked={codeLocked}
          name={field.name.vi}
          onName={(vi) => set({ name: { ...field.name, vi } })}
          nameLabel={t('parFrameworks.editor.fieldName')}
          strong
          max={
            <NumInput
              aria-label={t('parFrameworks.editor.max')}
              value={field.maxPoints}
              onChange={(maxPoints) => set({ maxPoints })}
              w={90}
              data-testid="row-max"
            />
          }
          actions={
            <RowActions
              label={label}
              first={first}
              last={last}
              onMove={(by) => dispatch({ type: 'move', at, by })}
              onRemove={() => dispatch({ type: 'remove', at })}
              removable={!(first && last)}
            />
          }
        />
        <SumCheck
          declared={field.maxPoints}
          sum={sum}
          parts={t('parFrameworks.editor.partsCriteria')}
          onUse={() => set({ maxPoints: sum })}
        />
        <RowProblems messages={problems.get(field.uid)} />
        <DetailToggle open={open} onToggle={() => setOpen((o) => !o)} label={label} />
        {open && (
          <NameInput
            label={t('parFrameworks.editor.nameEn')}
            value={field.name.en}
            onValue={(en) => set({ name: { ...field.name, en } })}
            maxLength={1000}
          />
        )}
        {field.criteria.map((c, i) => (
          <CriterionBlock
            key={c.uid}
            criterion={c}
            fieldUid={field.uid}
            dispatch={dispatch}
            problems={problems}
            first={i === 0}
            last={i === field.criteria.length - 1}
            codeLocked={codeLocked}
          />
        ))}
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => dispatch({ type: 'add', at })}
          style={{ alignSelf: 'flex-start' }}
          data-testid="add-criterion"
        >
          {t('parFrameworks.editor.addCriterion', { code: field.code })}
        </Button>
      </Stack>
    </Paper>
  );
});

/** A bonus or penalty item: code, name, cap, step; guidance and evidence on demand. */
export const AdjustmentRow = memo(function AdjustmentRow({
  kind,
  item,
  dispatch,
  messages,
  first,
  last,
  codeLocked,
}: Omit<RowBase, 'problems'> & {
  kind: AdjustmentKind;
  item: AdjustmentDraft;
  messages: readonly string[] | undefined;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<Omit<AdjustmentDraft, 'uid'>>) =>
    dispatch({ type: 'adjustment', kind, uid: item.uid, patch });
  const label = t(`parFrameworks.editor.${kind}Label`, { code: item.code });
  return (
    <Paper withBorder p="xs" radius="sm" data-uid={item.uid} data-testid={`editor-${kind}`}>
      <Stack gap={4}>
        <Head
          code={item.code}
          onCode={(code) => set({ code })}
          codeLocked={codeLocked}
          name={item.name.vi}
          onName={(vi) => set({ name: { ...item.name, vi } })}
          nameLabel={t('parFrameworks.editor.adjustmentName')}
          max={
            <NumInput
              aria-label={t('parFrameworks.editor.cap')}
              placeholder={t('parFrameworks.editor.cap')}
              value={item.cap}
              onChange={(cap) => set({ cap })}
              w={90}
            />
          }
          actions={
            <RowActions
              label={label}
              first={first}
              last={last}
              onMove={(by) => dispatch({ type: 'moveAdjustment', kind, uid: item.uid, by })}
              onRemove={() => dispatch({ type: 'removeAdjustment', kind, uid: item.uid })}
            />
          }
        />
        <RowProblems messages={messages} />
        <DetailToggle open={open} onToggle={() => setOpen((o) => !o)} label={label} />
        <Collapse expanded={open}>
          {open && (
            <Stack gap="xs" pt="xs">
              <NameInput
                label={t('parFrameworks.editor.nameEn')}
                value={item.name.en}
                onValue={(en) => set({ name: { ...item.name, en } })}
                maxLength={1000}
              />
              <NumInput
                label={t('parFrameworks.editor.step')}
                description={t('parFrameworks.editor.stepHint')}
                value={item.step}
                onChange={(step) => set({ step })}
                placeholder="0,25"
                w={200}
              />
              <LongText
                label={t('parFrameworks.editor.guidance')}
                value={item.guidance}
                onChange={(guidance) => set({ guidance })}
              />
              <LongText
                label={t('parFrameworks.editor.evidence')}
                value={item.evidence}
                onChange={(evidence) => set({ evidence })}
              />
            </Stack>
          )}
        </Collapse>
      </Stack>
    </Paper>
  );
});

/** A grade band: code, names, lowest index (%). */
export const GradeRow = memo(function GradeRow({
  grade,
  dispatch,
  messages,
  removable,
}: {
  grade: GradeDraft;
  dispatch: Dispatch<Action>;
  messages: readonly string[] | undefined;
  removable: boolean;
}) {
  const { t } = useTranslation();
  const G = (k: string) => t(`parFrameworks.editor.grades.${k}`);
  const set = (patch: Partial<Omit<GradeDraft, 'uid'>>) => dispatch({ type: 'grade', uid: grade.uid, patch });
  return (
    <Stack gap={2} data-uid={grade.uid} data-testid="editor-grade">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={G('code')}
          value={grade.code}
          onChange={(e) => set({ code: e.currentTarget.value })}
          w={110}
          maxLength={30}
        />
        <TextInput
          label={G('nameVi')}
          value={grade.name.vi}
          onChange={(e) => set({ name: { ...grade.name, vi: e.currentTarget.value } })}
          style={{ flex: '1 1 160px' }}
          maxLength={1000}
        />
        <TextInput
          label={G('nameEn')}
          value={grade.name.en}
          onChange={(e) => set({ name: { ...grade.name, en: e.currentTarget.value } })}
          style={{ flex: '1 1 160px' }}
          maxLength={1000}
        />
        <NumInput
          label={G('min')}
          value={grade.minPercent}
          onChange={(minPercent) => set({ minPercent })}
          max={100}
          suffix="%"
          w={120}
        />
        <ActionIcon
          variant="subtle"
          color="red"
          mb={4}
          disabled={!removable}
          onClick={() => dispatch({ type: 'removeGrade', uid: grade.uid })}
          aria-label={t('parFrameworks.editor.grades.remove', { name: grade.name.vi || grade.code })}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Group>
      <RowProblems messages={messages} />
    </Stack>
  );
});
