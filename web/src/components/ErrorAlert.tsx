import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';

type Props = {
  error: unknown;
  /** Offered when the record changed since it was read (409 STALE_VERSION). */
  onReload?: () => void;
  /** Also list per-field messages (when they are not shown under fields). */
  showDetails?: boolean;
  title?: string;
};

/** The server's message for a failed request, with "reload" for stale versions. */
export function ErrorAlert({ error, onReload, showDetails, title }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError?.message ?? (error instanceof Error ? error.message : t('common.unexpectedError'));
  const stale = apiError?.isStale ?? false;
  return (
    <Alert
      color={stale ? 'yellow' : 'red'}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={title ?? (stale ? t('common.staleTitle') : t('common.errorTitle'))}
      role="alert"
      data-testid={stale ? 'stale-version-alert' : 'error-alert'}
    >
      <Text size="sm">{message}</Text>
      {showDetails && apiError && apiError.details.length > 0 && (
        <List size="sm" mt="xs">
          {apiError.details.map((d) => (
            <List.Item key={d.field + d.message}>
              <strong>{d.field}</strong>: {d.message}
            </List.Item>
          ))}
        </List>
      )}
      {stale && onReload && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="white"
            color="dark"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onReload}
            data-testid="reload-latest"
          >
            {t('common.reloadLatest')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
