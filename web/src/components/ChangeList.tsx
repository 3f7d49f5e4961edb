import { Anchor, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditChange, AuditValue } from '../../../server/modules/audit/audit.schemas';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';

/**
 * Where the page's own labels of a coded value live, by field (a task's status, a unit's kind…). The
 * first catalogue that has the value names it; a value none has reads as "giá trị khác", never as its code.
 */
const CODE_LABELS: Record<string, readonly string[]> = {
  status: ['work.status', 'meetings.status', 'pilots.status', 'plans.status', 'units.unresolved.status'],
  fromStatus: ['work.status'],
  toStatus: ['work.status'],
  kind: [
    'units.kinds',
    'unitKinds',
    'units.eventKinds',
    'meetings.kinds',
    'work.kinds',
    'pilots.reportKinds',
  ],
  level: ['units.kinds', 'unitKinds'],
  role: ['roles'],
  type: ['documentTypes'],
  access: ['access'],
  reformArea: ['plans.areas', 'pilots.areas'],
  focusAreas: ['plans.areas'],
  position: ['committees.positions', 'pilots.positions'],
  method: ['plans.methods'],
  purpose: ['plans.purposes'],
  source: ['units.sources', 'audit.taskSources'],
  locale: ['language'],
};

function codeLabel(t: TFunction, i18nHas: (key: string) => boolean, field: string, value: string): string {
  for (const prefix of CODE_LABELS[field] ?? []) {
    const key = `${prefix}.${value}`;
    if (i18nHas(key)) return t(key);
  }
  return t('audit.value.other');
}

/** One value as a person reads it: 28/02/2025, 1.234,5, Có/Không, a record's name (or "bản ghi" + link). */
export function AuditValueText({
  value,
  onRecord,
}: {
  value: AuditValue | null;
  /** Opens the journal of a record another record points to (its name unknown, or to see its history). */
  onRecord?: (id: string, entity: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const has = (key: string) => i18n.exists(key);
  if (!value) return null;
  switch (value.kind) {
    case 'empty':
      return <>{t('audit.value.empty')}</>;
    case 'hidden':
      return <>{t('audit.value.hidden')}</>;
    case 'text':
      return <>{value.text}</>;
    case 'date':
      return <>{formatDate(value.value)}</>;
    case 'datetime':
      return <>{formatDateTime(value.value)}</>;
    case 'number':
      return <>{formatNumber(value.value)}</>;
    case 'boolean':
      return <>{value.value ? t('audit.value.yes') : t('audit.value.no')}</>;
    case 'code':
      return <>{codeLabel(t, has, value.field, value.value)}</>;
    case 'details':
      return <>{t('audit.value.details', { count: value.count })}</>;
    case 'ref': {
      const text = value.name ?? t('audit.value.record');
      return onRecord ? (
        <Anchor
          component="button"
          type="button"
          fz="inherit"
          onClick={() => onRecord(value.id, value.entity)}
          title={t('audit.value.openRecord')}
        >
          {text}
        </Anchor>
      ) : (
        <>{text}</>
      );
    }
    case 'list':
      return (
        <>
          {value.items.map((item, i) => (
            <span key={i}>
              {i > 0 && '; '}
              <AuditValueText value={item} onRecord={onRecord} />
            </span>
          ))}
          {value.more > 0 && ` ${t('audit.value.more', { count: value.more })}`}
        </>
      );
  }
}

/** "Field: old → new" for each changed field of a journal entry, labelled and formatted by the server. */
export function ChangeList({
  changes,
  max = 8,
  onRecord,
}: {
  changes: readonly AuditChange[];
  max?: number;
  onRecord?: (id: string, entity: string | null) => void;
}) {
  const { t } = useTranslation();
  if (changes.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('history.noFieldChanges')}
      </Text>
    );
  }
  return (
    <List size="xs" spacing={2} listStyleType="none" m={0} p={0} data-testid="change-list">
      {changes.slice(0, max).map((c) => (
        <List.Item key={c.field}>
          <Text span fz="xs" fw={600}>
            {c.label}:
          </Text>{' '}
          {c.before && c.after ? (
            <>
              <AuditValueText value={c.before} onRecord={onRecord} /> →{' '}
              <AuditValueText value={c.after} onRecord={onRecord} />
            </>
          ) : (
            <AuditValueText value={c.after ?? c.before} onRecord={onRecord} />
          )}
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
