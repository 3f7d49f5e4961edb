import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCopy,
  IconDownload,
  IconInfoCircle,
  IconPencil,
  IconRosetteDiscountCheck,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import {
  frameworkKeys,
  frameworkXlsxHref,
  getFramework,
  listFrameworks,
  publishFramework,
  type Framework,
} from './api';
import { CreateModal, type CreateSource } from './CreateModal';
import { FrameworkEditor } from './FrameworkEditor';
import { basedOnText, CountsLine, groupLabel, points, StatusBadge, titleIn } from './labels';
import { TreeView } from './TreeView';

/** Narrower than this, the tree is a list of cards. */
const PHONE = '(max-width: 48em)';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div data-testid={testId}>{children}</div>
    </Stack>
  );
}

/** The facts of a version: year, group, number, status, points, basis, issuing document, use, origin. */
function Facts({ f }: { f: Framework }) {
  const { t } = useTranslation();
  const F = (k: string) => t(`parFrameworks.facts.${k}`);
  return (
    <Card withBorder padding="md" data-testid="framework-facts">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
          <Fact label={F('year')}>
            <Text size="sm" fw={500}>
              {f.year}
            </Text>
          </Fact>
          <Fact label={F('group')}>
            <Text size="sm" fw={500}>
              {groupLabel(t, f.unitGroup)}
            </Text>
          </Fact>
          <Fact label={F('version')}>
            <Group gap={6}>
              <Text size="sm" fw={500}>
                {t('parFrameworks.versionN', { number: f.number })}
              </Text>
              {f.latest && (
                <Badge size="xs" variant="filled" color="blue" tt="none">
                  {t('parFrameworks.latest')}
                </Badge>
              )}
            </Group>
          </Fact>
          <Fact label={F('status')}>
            <StatusBadge status={f.status} />
          </Fact>
          <Fact label={F('points')}>
            <Text size="sm" fw={500}>
              {f.surveyPoints > 0
                ? t('parFrameworks.maxWithSurvey', {
                    max: points(f.maxPoints),
                    survey: points(f.surveyPoints),
                  })
                : t('parFrameworks.max', { max: points(f.maxPoints) })}
            </Text>
          </Fact>
        </SimpleGrid>
        <CountsLine counts={f.counts} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Fact label={F('legalBasis')}>
            <Text size="sm">{f.legalBasis || F('noLegalBasis')}</Text>
          </Fact>
          <Fact label={F('document')} testId="framework-document">
            {f.document ? (
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link to="/documents/$documentId" params={{ documentId: f.document!.id }} {...props} />
                )}
              >
                {f.document.label}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                {F('noDocument')}
              </Text>
            )}
          </Fact>
          <Fact label={F('usedBy')} testId="framework-used-by">
            {f.usedBy.length ? (
              <List size="sm" spacing={2}>
                {f.usedBy.map((c) => (
                  <List.Item key={c.id}>
                    {t('parFrameworks.facts.campaign', { title: c.title, year: c.year })}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                {t('parFrameworks.unused')}
              </Text>
            )}
          </Fact>
          <Fact label={F('origin')}>
            {f.basedOn ? (
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link to="/par/frameworks/$id" params={{ id: f.basedOn!.id }} {...props} />
                )}
              >
                {basedOnText(t, f)}
              </Anchor>
            ) : (
              <Text size="sm">{f.shipped ? t('parFrameworks.fromShipped') : F('originNone')}</Text>
            )}
          </Fact>
        </SimpleGrid>
        {f.note && (
          <Fact label={F('note')}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {f.note}
            </Text>
          </Fact>
        )}
        <Text size="xs" c="dimmed">
          {t('parFrameworks.updatedOn', { date: formatDate(f.updatedAt) })}
        </Text>
      </Stack>
    </Card>
  );
}

/** The other versions of the same year and group, each a link; the one shown marked. */
function Versions({ f }: { f: Framework }) {
  const { t } = useTranslation();
  const siblings = useQuery({
    queryKey: frameworkKeys.siblings(f.year, f.unitGroup),
    queryFn: () => listFrameworks({ year: f.year, group: f.unitGroup }),
  });
  const list = [...(siblings.data?.frameworks ?? [])].sort((a, b) => a.number - b.number);
  if (list.length < 2) return null;
  const latest = list.find((x) => x.latest);
  return (
    <Stack gap="xs">
      {!f.latest && latest && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          data-testid="framework-not-latest"
        >
          {t('parFrameworks.page.notLatest', { n: f.number, latest: latest.number, year: f.year })}{' '}
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to="/par/frameworks/$id" params={{ id: latest.id }} {...props} />}
          >
            {t('parFrameworks.page.openLatest', { n: latest.number })}
          </Anchor>
        </Alert>
      )}
      <Group gap="xs" wrap="wrap" data-testid="framework-versions">
        <Text size="sm" c="dimmed">
          {t('parFrameworks.page.versions')}
        </Text>
        {list.map((v) =>
          v.id === f.id ? (
            <Badge key={v.id} variant="filled" tt="none" aria-current="page">
              {t('parFrameworks.versionN', { number: v.number })}
            </Badge>
          ) : (
            <Badge
              key={v.id}
              variant="light"
              tt="none"
              renderRoot={(props) => <Link to="/par/frameworks/$id" params={{ id: v.id }} {...props} />}
              style={{ cursor: 'pointer' }}
            >
              {t('parFrameworks.versionN', { number: v.number })}
            </Badge>
          ),
        )}
      </Group>
    </Stack>
  );
}

/** The office publishes a draft: campaigns may then take it; said before it is done. */
function PublishModal({ f, opened, onClose }: { f: Framework; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const P = (k: string, v?: Record<string, unknown>) => t(`parFrameworks.publish.${k}`, v ?? {});
  const publish = useMutation({
    mutationFn: () => publishFramework(f.id, f.version),
    onSuccess: async (saved) => {
      queryClient.setQueryData(frameworkKeys.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.list });
      notifications.show({ color: 'green', message: P('done', { n: saved.number, year: saved.year }) });
      onClose();
    },
  });
  const error = publish.error;
  const stale = error instanceof ApiError && error.isStale;
  const close = () => {
    publish.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={P('title', { n: f.number })} centered size="md">
      <Stack gap="sm" data-testid="framework-publish-modal">
        <Text size="sm">{P('lead')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{P('useBy')}</List.Item>
          <List.Item>{P('frozen')}</List.Item>
        </List>
        {f.unconfirmed > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            {P('unconfirmed', { count: f.unconfirmed })}
          </Alert>
        )}
        {error instanceof ApiError && error.status === 400 && error.details.length > 0 ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            <Text size="sm">{error.message}</Text>
            <List size="sm" mt={4}>
              {error.details.map((d, i) => (
                <List.Item key={`${d.field}-${i}`}>{d.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ErrorAlert
            error={error}
            onReload={
              stale
                ? () => {
                    close();
                    void queryClient.invalidateQueries({ queryKey: frameworkKeys.one(f.id) });
                  }
                : undefined
            }
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="green"
            loading={publish.isPending}
            onClick={() => publish.mutate()}
            data-testid="framework-publish-confirm"
          >
            {P('confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One version: its header and facts, then its tree — or, for the office, the editor. */
function FrameworkView({ f, onReload }: { f: Framework; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const [editing, setEditing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [copy, setCopy] = useState<CreateSource | null>(null);
  const title = titleIn(f, i18n.language);
  return (
    <div data-testid="par-framework-page" data-status={f.status}>
      <PageHeader
        title={title}
        description={t('parFrameworks.page.description', {
          year: f.year,
          group: groupLabel(t, f.unitGroup),
          number: f.number,
        })}
        actions={
          !editing && (
            <>
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={16} aria-hidden />}
                renderRoot={(props) => <Link to="/par/frameworks" {...props} />}
              >
                {t('parFrameworks.page.back')}
              </Button>
              <Button
                variant="default"
                component="a"
                href={frameworkXlsxHref(f.id)}
                download
                leftSection={<IconDownload size={16} aria-hidden />}
                data-testid="framework-xlsx"
              >
                {t('parFrameworks.xlsx')}
              </Button>
              {f.abilities.copy && (
                <Button
                  variant="default"
                  leftSection={<IconCopy size={16} aria-hidden />}
                  onClick={() => setCopy({ kind: 'copy', framework: f })}
                  data-testid="framework-copy"
                >
                  {t('parFrameworks.copyTo', { year: f.year + 1 })}
                </Button>
              )}
              {f.abilities.update && (
                <Button
                  variant={f.abilities.publish ? 'default' : 'filled'}
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                  data-testid="framework-edit"
                >
                  {t('parFrameworks.page.edit')}
                </Button>
              )}
              {f.abilities.publish && (
                <Button
                  color="green"
                  leftSection={<IconRosetteDiscountCheck size={16} aria-hidden />}
                  onClick={() => setPublishing(true)}
                  data-testid="framework-publish"
                >
                  {t('parFrameworks.page.publish')}
                </Button>
              )}
            </>
          )
        }
      />
      {editing ? (
        <FrameworkEditor
          // Someone else's save (a reload) brings a new version: the editor starts again from it.
          key={f.version}
          framework={f}
          onDone={() => setEditing(false)}
          onReload={onReload}
        />
      ) : (
        <Stack gap="lg">
          <Versions f={f} />
          {f.status === 'draft' && (
            <Alert
              color="gray"
              variant="light"
              icon={<IconInfoCircle size={18} aria-hidden />}
              data-testid="framework-draft-note"
            >
              {f.abilities.publish ? t('parFrameworks.page.draftOffice') : t('parFrameworks.page.draft')}
            </Alert>
          )}
          {f.unconfirmed > 0 && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              data-testid="framework-unconfirmed-note"
            >
              {t('parFrameworks.page.unconfirmed', { count: f.unconfirmed })}
            </Alert>
          )}
          <Facts f={f} />
          <TreeView framework={f} phone={phone} />
        </Stack>
      )}
      <PublishModal f={f} opened={publishing} onClose={() => setPublishing(false)} />
      <CreateModal source={copy} year={f.year + 1} onClose={() => setCopy(null)} />
    </div>
  );
}

/**
 * One framework version (`/par/frameworks/$id`, issue 16): its header (title, year, group, version, status, basis,
 * issuing document, campaigns that use it, origin), the other versions of its year, and its whole tree read-only —
 * fields, criteria, sub-criteria with their points and methods, guidance and evidence on demand, the bonus and
 * penalty items, the grade bands. The office edits it (a version in use becomes the next one), publishes a draft
 * and copies it to another year — each button from the server's `abilities`.
 */
export function FrameworkPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams({ strict: false });
  const q = useQuery({ queryKey: frameworkKeys.one(id), queryFn: () => getFramework(id), enabled: !!id });
  if (q.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (!q.data)
    return (
      <Stack gap="md">
        <PageHeader title={t('parFrameworks.page.notFoundTitle')} />
        <ErrorAlert error={q.error} />
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          renderRoot={(props) => <Link to="/par/frameworks" {...props} />}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('parFrameworks.page.back')}
        </Button>
      </Stack>
    );
  // A new id (another version opened, or the one an edit made) starts a fresh view: not in the editor.
  return <FrameworkView key={q.data.id} f={q.data} onReload={() => void q.refetch()} />;
}
