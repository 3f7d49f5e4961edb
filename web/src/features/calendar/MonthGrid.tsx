import { Box, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isoDate } from '../../lib/format';
import { weekdayOf, type CalendarEntry } from './api';

const pad = (n: number) => String(n).padStart(2, '0');
/** Monday first, as Vietnamese calendars are printed. */
const COLUMNS = [1, 2, 3, 4, 5, 6, 0];

type CellKind = 'off' | 'working_weekend' | 'weekend' | 'working';

const CELL_STYLE: Record<CellKind, React.CSSProperties> = {
  off: { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)', fontWeight: 700 },
  working_weekend: {
    background: 'var(--mantine-color-teal-1)',
    color: 'var(--mantine-color-teal-9)',
    fontWeight: 700,
    outline: '1px solid var(--mantine-color-teal-6)',
  },
  weekend: { color: 'var(--mantine-color-gray-6)' },
  working: {},
};

function Month({ year, month, byDate }: { year: number; month: number; byDate: Map<string, CalendarEntry> }) {
  const { t, i18n } = useTranslation();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const first = `${year}-${pad(month)}-01`;
  const blanks = COLUMNS.indexOf(weekdayOf(first));
  const today = isoDate();
  const cells: (string | null)[] = [
    ...Array<null>(blanks).fill(null),
    ...Array.from({ length: days }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <Box component="table" style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="calendar-month">
      <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>
        {t('calendar.month', { n: month })}
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((wd) => (
            <th
              key={wd}
              scope="col"
              style={{ fontSize: 11, fontWeight: 500, color: 'var(--mantine-color-dimmed)' }}
            >
              <abbr title={t(`calendar.weekdays.${wd}`)}>{t(`calendar.weekdaysShort.${wd}`)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((date, c) => {
              if (!date) return <td key={c} />;
              const entry = byDate.get(date);
              const weekend = [0, 6].includes(weekdayOf(date));
              const kind: CellKind = entry
                ? entry.kind === 'working_weekend'
                  ? 'working_weekend'
                  : 'off'
                : weekend
                  ? 'weekend'
                  : 'working';
              const name = entry ? (i18n.language === 'en' ? entry.name.en : entry.name.vi) : undefined;
              return (
                <td
                  key={c}
                  title={name}
                  data-date={date}
                  data-kind={kind}
                  style={{
                    textAlign: 'center',
                    fontSize: 12,
                    padding: '3px 0',
                    borderRadius: 4,
                    ...CELL_STYLE[kind],
                    ...(date === today ? { boxShadow: 'inset 0 0 0 2px var(--mantine-color-blue-5)' } : {}),
                  }}
                >
                  {Number(date.slice(8))}
                  {name && <span className="visually-hidden"> — {name}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

/** The twelve months of a year, days off in red, make-up working weekend days in green. */
export function YearGrid({ year, days }: { year: number; days: CalendarEntry[] }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="lg" verticalSpacing="lg">
      {Array.from({ length: 12 }, (_, i) => (
        <Month key={i} year={year} month={i + 1} byDate={byDate} />
      ))}
    </SimpleGrid>
  );
}

export function Legend() {
  const { t } = useTranslation();
  const item = (kind: CellKind, label: string) => (
    <Text size="xs" span style={{ ...CELL_STYLE[kind], padding: '2px 8px', borderRadius: 4 }}>
      {label}
    </Text>
  );
  return (
    <Box style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {item('off', t('calendar.legend.dayOff'))}
      {item('working_weekend', t('calendar.legend.workingWeekend'))}
      {item('weekend', t('calendar.legend.weekend'))}
    </Box>
  );
}
