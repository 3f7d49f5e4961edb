import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { getUnreadCount, keys } from './api';

/** The bell in the header: my unread count (polled every minute), opening the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: keys.unread,
    queryFn: getUnreadCount,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const count = unread.data?.count ?? 0;
  const label = count ? t('notifications.bell.unread', { count }) : t('notifications.bell.none');
  return (
    <Indicator
      label={count > 99 ? '99+' : count}
      size={18}
      color="red"
      offset={4}
      disabled={count === 0}
      data-testid="notification-count"
      data-count={count}
    >
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        renderRoot={(props) => <Link to="/notifications" {...props} />}
      >
        <IconBell size={20} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
