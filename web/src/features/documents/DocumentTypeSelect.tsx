import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { documentKeys, documentTypes, type DocumentType } from './api';

const FALLBACK = [
  'quyet_dinh',
  'nghi_quyet',
  'nghi_dinh',
  'ket_luan',
  'chi_thi',
  'cong_van',
  'ke_hoach',
  'bao_cao',
  'thong_bao',
  'huong_dan',
  'to_trinh',
  'other',
] satisfies DocumentType[];

export function DocumentTypeSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const types = useQuery({ queryKey: documentKeys.types, queryFn: documentTypes, staleTime: Infinity });
  const items = types.data?.items ?? FALLBACK;
  return (
    <Select
      allowDeselect={false}
      data={items.map((v) => ({ value: v, label: t(`documentTypes.${v}`, { defaultValue: v }) }))}
      {...props}
    />
  );
}
