/**
 * A decision picked from the document register (number/symbol — title, searched with accents ignored), and the
 * hint under it saying where a decision not yet in the register is recorded first.
 */
import { Anchor, Select, Text, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentListOut } from '../../../server/modules/documents/documents.schemas';
import { api } from '../lib/api';
import { formatDate } from '../lib/format';
import { accentInsensitiveFilter } from './UnitSelect';

/** Decisions to cite: the register's documents (number/symbol — title). */
const listDecisions = () => api.get<DocumentListOut>('/api/documents', { query: { limit: 500 } });

type DecisionProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A decision from the register, searched by number/symbol or title (accents ignored). */
export function DecisionSelect({ value, onChange, ...rest }: DecisionProps) {
  const { t } = useTranslation();
  const docs = useQuery({ queryKey: ['documents', 'decisions'], queryFn: listDecisions, staleTime: 60_000 });
  const data = useMemo(
    () =>
      (docs.data?.items ?? []).map((d) => ({
        value: d.id,
        label: `${d.numberSymbol} (${formatDate(d.issuedOn)}) — ${d.title}`,
      })),
    [docs.data],
  );
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      filter={accentInsensitiveFilter}
      nothingFoundMessage={docs.isLoading ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('decisions.placeholder')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

/** Under a decision picker: where a decision not yet in the register is recorded first. */
export function DecisionHint() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {t('decisions.hint')}{' '}
      <Anchor size="xs" renderRoot={(props) => <Link to="/documents" {...props} />}>
        {t('decisions.openRegister')}
      </Anchor>
    </Text>
  );
}
