import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCalculator, IconChevronLeft, IconChevronRight, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime, isoDate } from '../../lib/format';
import {
  addWorkingDays,
  calendarKeys,
  getYear,
  SUPPORTED_YEARS,
  weekdayOf,
  type CalendarEntry,
  type EntryKind,
} from './api';
import { Legend, YearGrid } from './MonthGrid';
import { YearEditor } from './YearEditor';
import { ScrollCue } from '../../components/table';

const KIND_COLOR: Record<EntryKind, string> = {
  statutory: 'red',
  compensatory: 'orange',
  swap_off: 'grape',
  working_weekend: 'teal',
};

function DaysTable({ days }: { days: CalendarEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollCue minWidth={640} testId="calendar-days-scroll">
      <Table striped verticalSpacing="xs" data-testid="calendar-days">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calendar.date')}</Table.Th>
            <Table.Th>{t('calendar.name')}</Table.Th>
            <Table.Th>{t('calendar.kind')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((d) => (
            <Table.Tr
              key={d.date}
              data-testid="calendar-day"
              data-kind={d.kind}
              bg={d.kind === 'working_weekend' ? 'teal.0' : undefined}
            >
              <Table.Td className="nowrap">
                <Text size="sm" fw={600}>
                  {formatDate(d.date)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`calendar.weekdays.${weekdayOf(d.date)}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.name.vi}</Text>
                {i18n.language === 'en' && (
                  <Text size="xs" c="dimmed">
                    {d.name.en}
                  </Text>
                )}
                <Text size="xs" c="dimmed" title={t('calendar.basis')}>
                  {d.basis}
                </Text>
              </Table.Td>
              <Table.Td className="nowrap">
                <Badge variant="light" color={KIND_COLOR[d.kind]}>
                  {t(`calendar.kinds.${d.kind}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

/** From a date and N working days to the due date, by the calendar in force. */
function Calculator() {
  const { t } = useTranslation();
  const [from, setFrom] = useState<string | null>(isoDate());
  const [n, setN] = useState<number | string>(5);
  const count = typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1000 ? n : null;
  const result = useQuery({
    queryKey: calendarKeys.addWorkingDays(from ?? '', count ?? -1),
    queryFn: () => addWorkingDays(from!, count!),
    enabled: !!from && count !== null,
    retry: false,
  });
  return (
    <Card withBorder padding="md" data-testid="calendar-calculator">
      <Group gap="xs" mb="xs">
        <IconCalculator size={18} aria-hidden />
        <Title order={2} size="h5">
          {t('calendar.calculator')}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('calendar.calculatorHint')}
      </Text>
      <Stack gap="sm">
        <DateField
          label={t('calendar.calcFrom')}
          value={from}
          onChange={setFrom}
          data-testid="calendar-calc-from"
        />
        <NumberInput
          label={t('calendar.calcN')}
          min={0}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          value={n}
          onChange={setN}
          data-testid="calendar-calc-n"
        />
        {result.isError && <ErrorAlert error={result.error} showDetails />}
        {result.data && from && count !== null && (
          <div aria-live="polite" data-testid="calendar-calc-result">
            <Text size="sm" c="dimmed">
              {t('calendar.calcResult', { n: count, from: formatDate(from) })}
            </Text>
            <Text size="xl" fw={700}>
              {formatDate(result.data.date)}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`calendar.weekdays.${weekdayOf(result.data.date)}`)}
            </Text>
          </div>
        )}
      </Stack>
    </Card>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: calendarKeys.year(year), queryFn: () => getYear(year) });
  const data = query.data;
  const go = (y: number) => {
    if (y >= SUPPORTED_YEARS.from && y <= SUPPORTED_YEARS.to) {
      setYear(y);
      setEditing(false);
    }
  };

  const daysOff = data?.days.filter((d) => d.kind !== 'working_weekend') ?? [];
  const workingWeekends = data?.days.filter((d) => d.kind === 'working_weekend') ?? [];

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.lead')}
        actions={
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('calendar.previousYear')}
              onClick={() => go(year - 1)}
              data-testid="calendar-prev-year"
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <NumberInput
              aria-label={t('calendar.year')}
              w={100}
              min={SUPPORTED_YEARS.from}
              max={SUPPORTED_YEARS.to}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              value={year}
              onChange={(v) => typeof v === 'number' && go(v)}
              data-testid="calendar-year"
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('calendar.nextYear')}
              onClick={() => go(year + 1)}
              data-testid="calendar-next-year"
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
        }
      />

      {query.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {query.isError && <ErrorAlert error={query.error} />}

      {data && data.year === year && (
        <Stack>
          <Card withBorder padding="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={4}>
                <Group gap="xs">
                  <Title order={2} size="h4">
                    {t('calendar.yearTitle', { year: data.year })}
                  </Title>
                  <Badge
                    color={data.usesDefaults ? 'gray' : 'blue'}
                    variant="light"
                    data-testid="calendar-source"
                  >
                    {data.usesDefaults
                      ? data.hasShippedDefaults
                        ? t('calendar.usesDefaults')
                        : t('calendar.lawOnly')
                      : t('calendar.edited')}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {data.usesDefaults
                    ? data.hasShippedDefaults
                      ? t('calendar.usesDefaultsHint')
                      : t('calendar.lawOnlyHint')
                    : t('calendar.editedHint', {
                        at: formatDateTime(data.updatedAt),
                        version: data.version,
                      })}
                </Text>
                <Text size="sm">
                  {t('calendar.summary', { off: daysOff.length, working: workingWeekends.length })}
                </Text>
              </Stack>
              {data.abilities.update && !editing && (
                <Button
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                  data-testid="calendar-edit"
                >
                  {t('calendar.edit', { year: data.year })}
                </Button>
              )}
            </Group>
          </Card>

          {editing ? (
            <YearEditor
              key={`${data.year}-${data.version}`}
              year={data}
              onDone={() => setEditing(false)}
              onReload={() => query.refetch()}
            />
          ) : (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Card withBorder padding={0}>
                  <Title order={2} size="h5" p="md" pb={0}>
                    {t('calendar.daysTitle')}
                  </Title>
                  <DaysTable days={data.days} />
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Calculator />
              </Grid.Col>
            </Grid>
          )}

          <Card withBorder padding="md">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Title order={2} size="h5">
                {t('calendar.monthsTitle', { year: data.year })}
              </Title>
              <Legend />
            </Group>
            <YearGrid year={data.year} days={data.days} />
          </Card>
        </Stack>
      )}
    </>
  );
}
