import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  CloseButton,
  CopyButton,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Spoiler,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconCheck,
  IconCopy,
  IconFile,
  IconInfoCircle,
  IconLock,
  IconMessageCircle,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EventTimeline } from '../../components/workflow/EventTimeline';
import { inLanguage } from '../../components/workflow/work';
import { formatDate, formatFileSize } from '../../lib/format';
import {
  answerFileHref,
  caseEvents,
  caseFileHref,
  getCase,
  hotlineKeys,
  type CaseDetail,
  type Receipt,
} from './api';
import { AnswerCard } from './AnswerCard';
import { CaseDeadline, CaseStatusBadge, ReopenedBadge, SatisfactionBadge } from './badges';
import { DuplicatesCard } from './DuplicatesCard';
import { standingNote, type StandingNote } from './labels';
import { EscalationsCard, OfficeActions } from './OfficeActions';
import { Fact, Prose, Section } from './parts';
import { ReviewCard } from './ReviewCard';
import { TriageCard } from './TriageCard';

/** Just entered: the tracking code to read out to the caller, large, with a copy button. */
function CreatedNotice({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  // The person's key came once, with the intake: the officer reads it out or prints the QR code with it.
  const receipt = useQueryClient().getQueryData<Receipt>(hotlineKeys.receipt(c.id));
  return (
    <Alert
      color="green"
      icon={<IconCheck size={20} aria-hidden />}
      title={t('hotline.created.title')}
      mb="md"
      data-testid="case-created"
      withCloseButton={false}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={6}>
          <Text size="sm">{t('hotline.created.readOut')}</Text>
          <Group gap="xs" wrap="wrap">
            <Text
              fz={{ base: 28, sm: 34 }}
              fw={800}
              ff="monospace"
              lts={2}
              data-testid="case-created-code"
              style={{ lineHeight: 1.1 }}
            >
              {c.code}
            </Text>
            <CopyButton value={c.code}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="white"
                  color={copied ? 'teal' : 'dark'}
                  leftSection={
                    copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                  }
                  onClick={copy}
                >
                  {copied ? t('hotline.created.copied') : t('hotline.created.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          {receipt?.key && (
            <Group gap="md" align="center" wrap="wrap" data-testid="case-created-key">
              <Stack gap={2}>
                <Text size="sm">{t('hotline.created.key')}</Text>
                <Text fz={22} fw={700} ff="monospace" lts={2}>
                  {receipt.key}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('hotline.created.keyHint')}
                </Text>
              </Stack>
              <img
                src={`/api/public/hotline/cases/${encodeURIComponent(c.code)}/qr.svg?key=${encodeURIComponent(receipt.key)}`}
                alt={t('hotline.created.qr')}
                width={120}
                height={120}
              />
            </Group>
          )}
          <Text size="sm">{t('hotline.created.next', { date: formatDate(c.triageDueDate) })}</Text>
        </Stack>
        <CloseButton aria-label={t('hotline.created.close')} onClick={onClose} />
      </Group>
    </Alert>
  );
}

/** The outcome of a closed case the office and the unit must know without reading the history. */
function Outcome({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  if (c.status === 'not_accepted')
    return (
      <Alert color="gray" title={t('hotline.outcome.notAccepted')} mb="md" data-testid="case-outcome">
        <Prose>{c.triageNote || t('hotline.outcome.noReason')}</Prose>
      </Alert>
    );
  if (c.status === 'forwarded')
    return (
      <Alert
        color="cyan"
        title={t('hotline.outcome.forwarded', { agency: c.forwardedTo })}
        mb="md"
        data-testid="case-outcome"
      >
        {c.triageNote && <Prose>{c.triageNote}</Prose>}
      </Alert>
    );
  if (c.status === 'merged' && c.duplicateOf)
    return (
      <Alert color="dark" variant="light" mb="md" data-testid="case-outcome">
        <Text size="sm">
          {t('hotline.outcome.merged')}{' '}
          <Anchor
            fw={600}
            ff="monospace"
            renderRoot={(props) => <Link to="/hotline/$id" params={{ id: c.duplicateOf!.id }} {...props} />}
          >
            {c.duplicateOf.code}
          </Anchor>
        </Text>
      </Alert>
    );
  return null;
}

/** What the next person must read first: why it came back, why it was reopened or moved to this unit. */
function NoteAlert({ note, unit }: { note: StandingNote; unit: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={note.kind === 'transfer' ? 'blue' : 'orange'}
      icon={<IconMessageCircle size={18} aria-hidden />}
      title={t(`hotline.note.${note.kind}`, { unit })}
      mb="md"
      data-testid="case-note"
      data-kind={note.kind}
    >
      <Prose>{note.note}</Prose>
      <Text size="xs" c="dimmed" mt={4}>
        {[formatDate(note.on), note.by].filter(Boolean).join(' · ')}
      </Text>
    </Alert>
  );
}

function Facts({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('hotline.facts.title')} testId="case-facts">
      <SimpleGrid cols={{ base: 2, md: 1 }} spacing="sm">
        <Fact label={t('hotline.fields.channel')}>
          <Text size="sm">{t(`hotline.channel.${c.channel}`)}</Text>
          {c.enteredBy && (
            <Text size="xs" c="dimmed">
              {t('hotline.facts.enteredBy', { name: c.enteredBy })}
            </Text>
          )}
        </Fact>
        <Fact label={t('hotline.fields.receivedOn')}>
          <Text size="sm">{formatDate(c.receivedOn)}</Text>
        </Fact>
        <Fact label={t('hotline.facts.triageDue')}>
          <Text size="sm">{formatDate(c.triageDueDate)}</Text>
        </Fact>
        <Fact label={t('hotline.facts.answerDue')} testId="case-answer-due">
          {c.dueDate ? (
            <>
              <Text size="sm">{formatDate(c.dueDate)}</Text>
              {c.extensionReason && (
                <Text size="xs" c="teal.8">
                  {t('hotline.facts.extended', { reason: c.extensionReason })}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('hotline.facts.noAnswerDue')}
            </Text>
          )}
        </Fact>
        <Fact label={t('hotline.fields.category')}>
          <Text size="sm">{c.category ? inLanguage(c.category, i18n.language) : '—'}</Text>
        </Fact>
        <Fact label={t('hotline.fields.classification')}>
          <Text size="sm">
            {c.classification
              ? t(`hotline.classification.${c.classification}`)
              : t('hotline.facts.notTriaged')}
          </Text>
        </Fact>
        <Fact label={t('hotline.fields.handlingUnit')}>
          <Text size="sm">{c.handlingUnit?.name ?? '—'}</Text>
        </Fact>
        <Fact label={t('hotline.fields.subject')}>
          <Text size="sm">{c.subject ?? '—'}</Text>
        </Fact>
      </SimpleGrid>
    </Section>
  );
}

function Submitter({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const s = c.submitter;
  const empty = s && !s.name && !s.phone && !s.email && !s.address;
  return (
    <Section
      title={t('hotline.submitter.title')}
      testId="case-submitter"
      actions={
        c.anonymous && s ? (
          <Badge color="grape" variant="light" leftSection={<IconLock size={12} aria-hidden />}>
            {t('hotline.submitter.anonymousBadge')}
          </Badge>
        ) : undefined
      }
    >
      {!s ? (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" data-testid="case-submitter-hidden">
            {c.anonymous ? t('hotline.submitter.anonymous') : t('hotline.submitter.hidden')}
          </Text>
        </Group>
      ) : empty ? (
        <Text size="sm" c="dimmed">
          {t('hotline.submitter.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 2, md: 1 }} spacing="sm">
            <Fact label={t('hotline.submitter.name')}>
              <Text size="sm">{s.name || '—'}</Text>
            </Fact>
            <Fact label={t('hotline.submitter.phone')}>
              {s.phone ? (
                <Anchor size="sm" href={`tel:${s.phone.replace(/\s+/g, '')}`}>
                  {s.phone}
                </Anchor>
              ) : (
                <Text size="sm">—</Text>
              )}
            </Fact>
            <Fact label={t('hotline.submitter.email')}>
              {s.email ? (
                <Anchor size="sm" href={`mailto:${s.email}`}>
                  {s.email}
                </Anchor>
              ) : (
                <Text size="sm">—</Text>
              )}
            </Fact>
            <Fact label={t('hotline.submitter.address')}>
              <Text size="sm">{s.address || '—'}</Text>
            </Fact>
          </SimpleGrid>
          {c.anonymous && (
            <Text size="xs" c="grape.8">
              {t('hotline.submitter.anonymousOffice')}
            </Text>
          )}
        </Stack>
      )}
    </Section>
  );
}

function Content({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('hotline.content.title')} testId="case-content">
      <Stack gap="sm">
        <Prose testId="case-description">{c.description}</Prose>
        {c.place && (
          <Fact label={t('hotline.fields.place')}>
            <Text size="sm">{c.place}</Text>
          </Fact>
        )}
        <Fact label={t('hotline.content.files', { count: c.files.length })}>
          {c.files.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('hotline.content.noFiles')}
            </Text>
          ) : (
            <Stack gap={2} data-testid="case-files">
              {c.files.map((f) => {
                const href = caseFileHref(c.id, f.id);
                return (
                  <Group key={f.id} gap={6} wrap="nowrap" align="flex-start">
                    <IconFile size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {href ? (
                        <Anchor href={href} target="_blank" rel="noopener">
                          {f.name}
                        </Anchor>
                      ) : (
                        f.name
                      )}{' '}
                      <Text span size="xs" c="dimmed">
                        ({formatFileSize(f.size)})
                      </Text>
                      {f.public && (
                        <Tooltip label={t('hotline.content.publicFileHint')} multiline maw={280} withArrow>
                          <Badge size="xs" variant="outline" color="gray" ml={6}>
                            {t('hotline.content.publicFile')}
                          </Badge>
                        </Tooltip>
                      )}
                    </Text>
                  </Group>
                );
              })}
            </Stack>
          )}
        </Fact>
      </Stack>
    </Section>
  );
}

function Published({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  if (!c.publishedAnswer) return null;
  return (
    <Section
      title={t('hotline.published.title')}
      testId="case-published"
      actions={c.satisfaction ? <SatisfactionBadge value={c.satisfaction} /> : undefined}
    >
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('hotline.published.on', { date: formatDate(c.publishedOn) })}
          {!c.satisfaction && ` · ${t('hotline.published.notRated')}`}
        </Text>
        <Paper withBorder radius="md" p="sm">
          <Prose testId="case-published-answer">{c.publishedAnswer}</Prose>
        </Paper>
        {c.publishedDescription && (
          <Fact label={t('hotline.published.description')}>
            <Spoiler
              maxHeight={72}
              showLabel={t('hotline.published.more')}
              hideLabel={t('hotline.published.less')}
            >
              <Prose>{c.publishedDescription}</Prose>
            </Spoiler>
          </Fact>
        )}
      </Stack>
    </Section>
  );
}

/**
 * One case (`/hotline/$id`): who sent what, by which channel and when, its deadlines and where it stands;
 * the steps the server allows the caller now — the office's triage (with the routing table's suggestion and
 * possible duplicates), transfer, extension, escalation and review; the unit's answer or request to send it
 * back — then the published answer, the submitter's rating and the history.
 */
export function CasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams({ strict: false });
  const search = useSearch({ strict: false }) as { created?: unknown };
  const detail = useQuery({ queryKey: hotlineKeys.case(id), queryFn: () => getCase(id) });
  const events = useQuery({
    queryKey: [...hotlineKeys.events(id), detail.data?.version ?? 0],
    queryFn: () => caseEvents(id),
    enabled: !!detail.data,
  });

  if (detail.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (detail.isError || !detail.data) return <ErrorAlert error={detail.error} />;
  const c = detail.data;
  const note = events.data ? standingNote(c.status, events.data.items) : null;
  const created = search.created === 1 || search.created === '1' || search.created === true;
  // The steps first on a phone (the header already says where the case stands); the details after them.
  const main = (
    <Stack gap="md">
      <Content c={c} />
      {c.officeActions.includes('triage') && <TriageCard key={c.version} c={c} />}
      <DuplicatesCard c={c} />
      <AnswerCard key={`${c.id}-${c.status}`} c={c} />
      <ReviewCard c={c} />
      <Published c={c} />
    </Stack>
  );
  const side = (
    <Stack gap="md">
      <Facts c={c} />
      <Submitter c={c} />
      <EscalationsCard c={c} />
    </Stack>
  );
  const history = (
    <Section title={t('hotline.history.title')} testId="case-history">
      <EventTimeline
        query={events}
        ns="hotline"
        testId="case"
        fileHref={(fileId) => answerFileHref(c.id, fileId)}
      />
    </Section>
  );

  return (
    <div data-testid="case-page" data-status={c.status}>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/hotline" {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('hotline.backToList')}
      </Anchor>
      {created && (
        <CreatedNotice c={c} onClose={() => void navigate({ href: `/hotline/${c.id}`, replace: true })} />
      )}
      <Group gap={6} wrap="wrap" mb={6}>
        <Badge size="lg" variant="default" radius="sm" ff="monospace" data-testid="case-code">
          {c.code}
        </Badge>
        <CaseStatusBadge status={c.status} />
        {c.reopened && <ReopenedBadge />}
        <CaseDeadline c={c} />
      </Group>
      <PageHeader
        title={c.title}
        documentTitle={`${c.code} — ${c.title}`}
        description={t('hotline.header.received', {
          channel: t(`hotline.channel.${c.channel}`),
          date: formatDate(c.receivedOn),
        })}
        actions={<OfficeActions c={c} />}
      />
      <Outcome c={c} />
      {note && <NoteAlert note={note} unit={c.handlingUnit?.name ?? ''} />}
      {c.status === 'answered' && !c.work?.allowedActions.includes('approve') && (
        <Alert
          color="violet"
          icon={<IconInfoCircle size={18} aria-hidden />}
          mb="md"
          data-testid="case-waiting-review"
        >
          {t('hotline.review.waiting')}
        </Alert>
      )}
      {/* One tree at every width (a switch of trees on resize, rotation or zoom would drop what is being typed):
          the steps first, the details beside them on a desktop and after them on a phone, then the history. */}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }} order={1}>
          <Stack gap="md">{main}</Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={2}>
          {side}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} order={3}>
          {history}
        </Grid.Col>
      </Grid>
    </div>
  );
}
