/** Small pieces the designer's pages share: bilingual inputs, keys, move and remove buttons, problem lists. */
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  List,
  Popover,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconInfoCircle,
  IconTrash,
  IconWand,
} from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../../../components/workflow/work';
import type { Problem } from './api';
import { isValidKey, type LocalText } from './outline';

/** The text of a bilingual label in the interface language. */
export function useLocal() {
  const { i18n } = useTranslation();
  return (text: LocalText | undefined) => (text ? inLanguage(text, i18n.language) : '');
}

/** A text in Vietnamese and English, side by side where there is room. */
export function BilingualInput({
  label,
  value,
  onChange,
  required,
  multiline,
  error,
  testId,
  description,
}: {
  label: string;
  value: LocalText | undefined;
  onChange: (value: LocalText) => void;
  required?: boolean;
  multiline?: boolean;
  /** Shown under the empty language(s) when `required`. */
  error?: boolean;
  testId?: string;
  description?: string;
}) {
  const { t } = useTranslation();
  const v = value ?? { vi: '', en: '' };
  const Input = multiline ? Textarea : TextInput;
  const extra = multiline ? { autosize: true, minRows: 1, maxRows: 8 } : {};
  const missing = (s: string) => (error && required && !s.trim() ? t('reportsDesigner.issues.label') : null);
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
        <Input
          label={t('reportsDesigner.inVietnamese', { label })}
          withAsterisk={required}
          value={v.vi}
          onChange={(e) => onChange({ ...v, vi: e.currentTarget.value })}
          error={missing(v.vi)}
          data-testid={testId ? `${testId}-vi` : undefined}
          {...extra}
        />
        <Input
          label={t('reportsDesigner.inEnglish', { label })}
          withAsterisk={required}
          value={v.en}
          onChange={(e) => onChange({ ...v, en: e.currentTarget.value })}
          error={missing(v.en)}
          data-testid={testId ? `${testId}-en` : undefined}
          {...extra}
        />
      </SimpleGrid>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
    </Stack>
  );
}

/** An optional bilingual text (help): empty in both languages = none. */
export function OptionalBilingual({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: LocalText | undefined;
  onChange: (value: LocalText | undefined) => void;
  testId?: string;
}) {
  const partial = !!value && (!value.vi.trim() || !value.en.trim());
  return (
    <BilingualInput
      label={label}
      value={value}
      multiline
      required={partial}
      error={partial}
      onChange={(v) => onChange(v.vi || v.en ? v : undefined)}
      testId={testId}
    />
  );
}

/**
 * A key ("Mã"): typed freely, taken when the box is left or Enter is pressed (so formulas are renamed once,
 * from the old key to the new one); `suggest` fills it from the label.
 */
export function KeyInput({
  value,
  onCommit,
  taken,
  suggest,
  label,
  testId,
  size,
}: {
  value: string;
  onCommit: (key: string) => void;
  /** Keys others already have (this one excluded). */
  taken?: ReadonlySet<string>;
  suggest?: () => string;
  label?: string;
  testId?: string;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const error = !isValidKey(text)
    ? t('reportsDesigner.issues.key')
    : taken?.has(text)
      ? t('reportsDesigner.issues.keyTaken')
      : null;
  const commit = () => {
    const next = text.trim();
    if (next !== value) onCommit(next);
  };
  return (
    <TextInput
      size={size}
      label={label ?? t('reportsDesigner.key')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
      error={error}
      spellCheck={false}
      autoCapitalize="off"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      rightSection={
        suggest ? (
          <Tooltip label={t('reportsDesigner.keyFromLabel')} withinPortal>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('reportsDesigner.keyFromLabel')}
              onClick={() => {
                const next = suggest();
                setText(next);
                if (next !== value) onCommit(next);
              }}
            >
              <IconWand size={14} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : undefined
      }
      data-testid={testId}
    />
  );
}

/** Up and down buttons of an item in a list. */
export function MoveButtons({
  onMove,
  canUp,
  canDown,
  what,
  size = 'sm',
}: {
  onMove: (delta: number) => void;
  canUp: boolean;
  canDown: boolean;
  /** What moves, for the buttons' names ("Chuyển lên: …"). */
  what: string;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  return (
    <>
      <ActionIcon
        variant="subtle"
        color="gray"
        size={size}
        disabled={!canUp}
        onClick={() => onMove(-1)}
        aria-label={t('reportsDesigner.moveUp', { what })}
        data-testid="move-up"
      >
        <IconArrowUp size={14} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        size={size}
        disabled={!canDown}
        onClick={() => onMove(1)}
        aria-label={t('reportsDesigner.moveDown', { what })}
        data-testid="move-down"
      >
        <IconArrowDown size={14} aria-hidden />
      </ActionIcon>
    </>
  );
}

/** A remove button that asks first (`question`) when the item holds something. */
export function RemoveButton({
  onRemove,
  what,
  question,
  size = 'sm',
}: {
  onRemove: () => void;
  what: string;
  question?: string;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const button = (
    <ActionIcon
      variant="subtle"
      color="red"
      size={size}
      onClick={() => (question ? setOpened((o) => !o) : onRemove())}
      aria-label={t('reportsDesigner.remove', { what })}
      data-testid="remove"
    >
      <IconTrash size={14} aria-hidden />
    </ActionIcon>
  );
  if (!question) return button;
  return (
    <Popover opened={opened} onChange={setOpened} withArrow shadow="md" position="bottom-end" withinPortal>
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown maw={300}>
        <Text size="sm" mb="xs">
          {question}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            size="xs"
            color="red"
            onClick={() => {
              setOpened(false);
              onRemove();
            }}
            data-testid="remove-confirm"
          >
            {t('reportsDesigner.removeConfirm')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The server's problems (or the malformed parts found here) about one item. */
export function ProblemNotes({
  problems,
  local,
  testId,
}: {
  problems: readonly Problem[];
  local?: readonly string[];
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!problems.length && !local?.length) return null;
  const errors = problems.filter((p) => p.severity !== 'warning');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return (
    <Stack gap="xs" data-testid={testId}>
      {(errors.length > 0 || (local?.length ?? 0) > 0) && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={16} aria-hidden />}
          title={t('reportsDesigner.problemsHere')}
        >
          <List size="sm" spacing={2}>
            {local?.map((m) => (
              <List.Item key={`local-${m}`}>{m}</List.Item>
            ))}
            {errors.map((p, i) => (
              <List.Item key={`${p.key}-${i}`}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle size={16} aria-hidden />}
          title={t('reportsDesigner.warningsHere')}
        >
          <List size="sm" spacing={2}>
            {warnings.map((p, i) => (
              <List.Item key={`${p.key}-${i}`}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

/** A label and its value, one line (the read-only outline's facts). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm" component="div">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}
