import { Code, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../lib/format';

const NOISE = new Set(['updatedAt', 'version', 'updatedBy', 'createdAt', 'createdBy']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

export type Change = { field: string; before: unknown; after: unknown };

/** The fields that differ between a journal entry's `before` and `after`. */
export function changesOf(before: unknown, after: unknown): Change[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const created = !isRecord(before);
  return keys
    .filter((k) => !NOISE.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .filter((k) => !(created && (k === 'id' || a[k] === null || a[k] === undefined)))
    .map((k) => ({ field: k, before: b[k], after: a[k] }));
}

/** "field: old → new" for each changed field of a journal entry. */
export function ChangeList({ before, after, max = 8 }: { before: unknown; after: unknown; max?: number }) {
  const { t } = useTranslation();
  const changes = changesOf(before, after);
  if (changes.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('history.noFieldChanges')}
      </Text>
    );
  }
  const onlyAfter = !isRecord(before);
  const onlyBefore = !isRecord(after);
  return (
    <List size="xs" spacing={2} listStyleType="none" m={0} p={0}>
      {changes.slice(0, max).map((c) => (
        <List.Item key={c.field}>
          <Code>{c.field}</Code>{' '}
          {onlyAfter ? show(c.after) : onlyBefore ? show(c.before) : `${show(c.before)} → ${show(c.after)}`}
        </List.Item>
      ))}
      {changes.length > max && (
        <List.Item>
          <Text size="xs" c="dimmed">
            {t('history.moreFields', { count: changes.length - max })}
          </Text>
        </List.Item>
      )}
    </List>
  );
}
