import '@mantine/dates/styles.css';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseVnDate } from '../lib/format';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A date typed or picked as dd/mm/yyyy; the value is the API's `YYYY-MM-DD` (or null). */
export function DateField({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={(text) => parseVnDate(text)}
      placeholder={t('common.datePlaceholder')}
      clearable
      value={value || null}
      onChange={(v) => onChange(v || null)}
      popoverProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
