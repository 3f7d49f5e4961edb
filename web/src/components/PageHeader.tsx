import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** The browser tab's title when `title` is not plain text. */
  documentTitle?: string;
};

/** The page's one h1 (also the browser tab's title), an optional lead sentence, and its main actions. */
export function PageHeader({ title, description, actions, documentTitle }: Props) {
  const { t } = useTranslation();
  const tabTitle = documentTitle ?? (typeof title === 'string' ? title : null);
  useEffect(() => {
    document.title = tabTitle ? `${tabTitle} · ${t('app.shortName')}` : t('app.name');
  }, [tabTitle, t]);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
