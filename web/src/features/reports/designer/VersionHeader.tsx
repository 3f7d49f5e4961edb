/** The heading of a form version's page: back to the forms, the form's name, which version and its state. */
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../lib/format';
import type { FormVersion } from './api';
import type { LocalText } from './outline';
import { useLocal } from './parts';

export function BackToForms() {
  const { t } = useTranslation();
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => <Link to="/reports/forms" {...props} />}
      data-testid="back-to-forms"
    >
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('reportsDesigner.forms.title')}
      </Group>
    </Anchor>
  );
}

export function VersionHeader({
  version,
  name,
  actions,
}: {
  version: Pick<FormVersion, 'number' | 'status' | 'publishedAt' | 'inUse'>;
  name: LocalText;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const local = useLocal();
  const draft = version.status === 'draft';
  return (
    <>
      <BackToForms />
      <PageHeader
        title={local(name) || t('reportsDesigner.untitled')}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <Text span size="sm" c="dimmed">
              {draft
                ? t('reportsDesigner.version.draft', { number: version.number })
                : t('reportsDesigner.version.published', {
                    number: version.number,
                    date: formatDate(version.publishedAt),
                  })}
            </Text>
            <Badge
              component="span"
              color={draft ? 'orange' : 'green'}
              variant="light"
              size="sm"
              data-testid="version-status"
            >
              {draft ? t('reportsDesigner.status.draft') : t('reportsDesigner.status.published')}
            </Badge>
            {version.inUse && (
              <Badge component="span" color="blue" variant="light" size="sm">
                {t('reportsDesigner.inUse')}
              </Badge>
            )}
          </Group>
        }
        actions={actions}
      />
    </>
  );
}
