import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from './api';

export function UserStatus({ user }: { user: Pick<User, 'active' | 'locked' | 'demo'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {user.active ? (
        <Badge color="green" variant="light">
          {t('users.active')}
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          {t('users.inactive')}
        </Badge>
      )}
      {user.locked && (
        <Badge color="orange" variant="light">
          {t('users.locked')}
        </Badge>
      )}
      {user.demo && (
        <Badge color="grape" variant="outline">
          {t('users.demo')}
        </Badge>
      )}
    </Group>
  );
}
