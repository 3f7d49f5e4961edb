import { Card, Group, Paper, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Home } from './api';
import { InAppLink } from '../../components/InAppLink';

/**
 * For a role whose module is not in chidao yet (appraisers, inspectors, hotline officers): the
 * capability named honestly, what it will do, and the pages the user can already use meanwhile.
 */
export function ComingPanel({ coming }: { coming: Home['coming'] }) {
  const { t } = useTranslation();
  return (
    <>
      {coming.map((c) => (
        <Card
          key={c.capability}
          withBorder
          padding="md"
          radius="md"
          data-testid="panel-coming"
          data-capability={c.capability}
        >
          <Group gap="sm" wrap="nowrap" align="flex-start" mb="sm">
            <ThemeIcon variant="light" color="orange" size="lg" radius="xl">
              <IconHourglassHigh size={20} aria-hidden />
            </ThemeIcon>
            <div>
              <Title order={2} size="h4">
                {t(`homePage.coming.${c.capability}.title`)}
              </Title>
              <Text size="sm" c="dimmed">
                {t('homePage.coming.notYet')}
              </Text>
            </div>
          </Group>
          <Text size="sm" mb="sm">
            {t(`homePage.coming.${c.capability}.what`)}
          </Text>
          {c.links.length > 0 && (
            <>
              <Text size="sm" fw={600} mb={6}>
                {t('homePage.coming.meanwhile')}
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
                {c.links.map((l) => (
                  <Paper key={l.section} withBorder radius="md" p="xs" data-testid="coming-link">
                    <InAppLink to={l.link} fw={600} size="sm">
                      {t(`nav.${l.section}`)}
                    </InAppLink>
                    <Text size="xs" c="dimmed">
                      {t(`homePage.coming.links.${l.section}`)}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>
            </>
          )}
        </Card>
      ))}
    </>
  );
}
