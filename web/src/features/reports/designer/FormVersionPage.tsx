/**
 * One version of a report form: a draft is designed here (its editor, for who may), a published version is
 * shown read only — it never changes; a change is a new version made from the forms' list.
 */
import { Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { designerKeys, getVersion } from './api';
import { DraftEditor } from './DraftEditor';
import { FormOutlineView } from './FormOutlineView';
import { BackToForms, VersionHeader } from './VersionHeader';

export function FormVersionPage() {
  const { t } = useTranslation();
  const { versionId = '' } = useParams({ strict: false });
  const version = useQuery({
    queryKey: designerKeys.version(versionId),
    queryFn: () => getVersion(versionId),
    enabled: !!versionId,
    // The draft is edited in the page's own state: reading it again behind the designer's back is not wanted.
    refetchOnWindowFocus: false,
  });

  if (version.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (version.isError || !version.data)
    return (
      <Stack gap="md">
        <BackToForms />
        <ErrorAlert error={version.error} />
      </Stack>
    );
  const v = version.data;
  if (v.status === 'draft' && v.abilities.edit) return <DraftEditor key={v.id} version={v} />;
  return (
    <>
      <VersionHeader version={v} name={v.definition.name} />
      <FormOutlineView definition={v.definition} problems={v.problems} />
    </>
  );
}
