import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

type Props = { total: number; pageSize: number; page: number; onChange: (page: number) => void };

/** "Showing 1–20 of 134" and page buttons. */
export function Pager({ total, pageSize, page, onChange }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="pager-summary">
        {t('common.showing', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          getControlProps={(control) => ({
            'aria-label':
              control === 'previous'
                ? t('common.previousPage')
                : control === 'next'
                  ? t('common.nextPage')
                  : control,
          })}
          getItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
        />
      )}
    </Group>
  );
}
