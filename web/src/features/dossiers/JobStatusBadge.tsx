import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The state of a background job (import, export) as a coloured badge, labelled from `${prefix}.${status}`. */
export function JobStatusBadge<S extends string>({
  status,
  colors,
  prefix,
}: {
  status: S;
  colors: Record<S, string>;
  prefix: string;
}) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light">
      {t(`${prefix}.${status}`)}
    </Badge>
  );
}
