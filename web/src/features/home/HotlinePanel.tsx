import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { Home } from './api';
import { InAppLink } from '../../components/InAppLink';

type Hotline = NonNullable<Home['hotline']>;

/** The hotline officer's first question: what is waiting to be triaged, reviewed or chased, and what first. */
export function HotlinePanel({ hotline }: { hotline: Hotline }) {
  const { t } = useTranslation();
  const figures: { key: 'triage' | 'review' | 'overdue' | 'open'; view: string; bad?: boolean }[] = [
    { key: 'triage', view: 'triage' },
    { key: 'review', view: 'review' },
    { key: 'overdue', view: 'overdue', bad: true },
    { key: 'open', view: 'open' },
  ];
  return (
    <Card withBorder padding="md" radius="md" data-testid="panel-hotline">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('homePage.hotline.title')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {figures.map((f) => (
            <Paper key={f.key} withBorder radius="md" p="sm" data-testid={`hotline-figure-${f.key}`}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t(`homePage.hotline.${f.key}`)}
              </Text>
              <Text fz={26} fw={700} c={f.bad && hotline[f.key] > 0 ? 'red.7' : undefined}>
                {formatNumber(hotline[f.key])}
              </Text>
              <InAppLink to={`${hotline.link}?view=${f.view}`} size="xs">
                {t('homePage.hotline.openList')}
              </InAppLink>
            </Paper>
          ))}
        </SimpleGrid>
        {hotline.toTriage.length > 0 ? (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('homePage.hotline.oldest')}
            </Text>
            {hotline.toTriage.map((c) => (
              <Group key={c.id} gap={8} wrap="nowrap" align="flex-start" data-testid="hotline-to-triage">
                <Badge variant="light" color={c.overdue ? 'red' : 'gray'} style={{ flexShrink: 0 }}>
                  {c.code}
                </Badge>
                <div style={{ minWidth: 0 }}>
                  <InAppLink to={`/hotline/${c.id}`} size="sm">
                    {c.title}
                  </InAppLink>
                  <Text size="xs" c={c.overdue ? 'red.7' : 'dimmed'}>
                    {t('homePage.hotline.received', {
                      channel: t(`homePage.hotline.channel.${c.channel}`),
                      on: formatDate(c.receivedOn),
                      due: formatDate(c.triageDueDate),
                    })}
                  </Text>
                </div>
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('homePage.hotline.none')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
