import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccessLevel } from './api';

const COLORS: Record<AccessLevel, string> = { public: 'green', internal: 'blue', restricted: 'orange' };

export function AccessBadge({ access }: { access: AccessLevel }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[access] ?? 'gray'}>
      {t(`access.${access}`)}
    </Badge>
  );
}
