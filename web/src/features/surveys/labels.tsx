/** Small shared pieces of the survey pages: labels of the server's values, the status badge. */
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { Bilingual, Channel, SurveyKind, SurveyStatus, TargetGroup } from './api';

/** A `{ vi, en }` text in the reader's language (English falls back to Vietnamese). */
export function textIn(text: Bilingual | undefined | null, lang: string): string {
  if (!text) return '';
  return lang === 'en' && text.en.trim() ? text.en : text.vi;
}

export const langOf = (lang: string): 'vi' | 'en' => (lang === 'en' ? 'en' : 'vi');

export const kindLabel = (t: TFunction, kind: SurveyKind) => t(`surveys.kinds.${kind}`);
export const groupLabel = (t: TFunction, group: TargetGroup) => t(`surveys.groups.${group}`);
export const channelLabel = (t: TFunction, channel: Channel) => t(`surveys.channels.${channel}`);

const STATUS_COLOR: Record<SurveyStatus, string> = { draft: 'gray', open: 'green', closed: 'dark' };

export function StatusBadge({ status, size = 'sm' }: { status: SurveyStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      tt="none"
      size={size}
      data-testid="survey-status"
      data-status={status}
    >
      {t(`surveys.status.${status}`)}
    </Badge>
  );
}

/** "01/03/2026 – 30/06/2026", one side alone, or "no dates". */
export function periodText(t: TFunction, from: string | null, to: string | null) {
  if (from && to) return t('surveys.period.both', { from: formatDate(from), to: formatDate(to) });
  if (from) return t('surveys.period.from', { from: formatDate(from) });
  if (to) return t('surveys.period.to', { to: formatDate(to) });
  return t('surveys.period.none');
}
