import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePeriodKey, romanQuarter } from './period';

/** "Quý IV/2026", "6 tháng đầu năm 2026"… for a period key (as the server words it), in the interface language. */
export function usePeriodLabel() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (key: string) => {
      const p = parsePeriodKey(key);
      if (!p) return t('reports.period.unknown');
      return t(`reports.period.label.${p.type}`, {
        year: p.year,
        index: p.index,
        // The quarter as each language writes it: "Quý IV", "Q4".
        n: i18n.language.startsWith('en') ? p.index : romanQuarter(p.index),
        month: t(`reports.period.months.${p.index}`),
        context: p.type === 'half' ? String(p.index) : undefined,
      });
    },
    [t, i18n.language],
  );
}
