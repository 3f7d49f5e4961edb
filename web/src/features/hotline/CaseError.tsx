import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';

/**
 * A failed step on a case. A 409 means the case changed meanwhile (someone else triaged, answered or
 * reviewed it, or its version moved on): said so, with the server's words and a button to reload it.
 */
export function CaseError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 409)
    return (
      <Alert
        color="yellow"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={t('hotline.changed.title')}
        role="alert"
        data-testid="case-changed"
      >
        <Text size="sm">{error.message}</Text>
        <Text size="sm" mt={4}>
          {t('hotline.changed.text')}
        </Text>
        <Group mt="sm">
          <Button
            size="xs"
            variant="white"
            color="dark"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onReload}
            data-testid="case-reload"
          >
            {t('hotline.changed.reload')}
          </Button>
        </Group>
      </Alert>
    );
  return <ErrorAlert error={error} />;
}
