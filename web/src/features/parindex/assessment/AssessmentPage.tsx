import { Anchor, Card, Center, Grid, Loader, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { ActionBar } from './ActionBar';
import { assessmentKeys, getAssessment, type Assessment, type Score } from './api';
import { AssessmentHeader } from './AssessmentHeader';
import { CriteriaTree } from './CriteriaTree';
import { History } from './History';
import { allItems, openRound, visibleColumns } from './model';
import { SummaryPanel } from './SummaryPanel';

/** From this width the summary stays in view beside the criteria. */
const WIDE = '(min-width: 88em)';

/** The sections open at first: the fields the caller appraises now, else the first field. */
function initiallyOpen(a: Assessment): string[] {
  const fields = a.framework.tree.fields.map((f) => f.code);
  if (openRound(a) && a.appraiseFields.length && a.appraiseFields.length < fields.length)
    return a.appraiseFields.map((c) => `field-${c}`);
  return fields.length ? [`field-${fields[0]}`] : [];
}

/**
 * One unit's assessment (`/par/assessments/$id`), usable on a tablet or a phone: the header (status, deadline,
 * what the reader can do, the totals of each stage), the step buttons the server allows, the criteria field by
 * field — the unit's self scores with notes and evidence, the council's rounds with reasons, the explanations —,
 * a summary kept in view on a wide screen, and the history.
 */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery({ queryKey: assessmentKeys.one(id), queryFn: () => getAssessment(id) });
  const wide = useMediaQuery(WIDE, false, { getInitialValueInEffect: false });
  const [open, setOpen] = useState<string[] | null>(null);
  const a = q.data;
  useEffect(() => {
    if (a && open === null) setOpen(initiallyOpen(a));
  }, [a, open]);
  const items = useMemo(() => (a ? allItems(a.framework.tree) : []), [a?.framework.tree]);
  const scores = useMemo(
    () => new Map<string, Score>((a?.scores ?? []).map((s) => [s.code, s])),
    [a?.scores],
  );

  if (q.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (q.isError || !a)
    return (
      <Stack gap="md">
        <BackLink />
        <ErrorAlert error={q.error} />
      </Stack>
    );

  const columns = visibleColumns(a);
  const openField = (value: string) => {
    setOpen((o) => (o?.includes(value) ? o : [...(o ?? []), value]));
    requestAnimationFrame(() =>
      document.getElementById(value)?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
    );
  };
  const actions = <ActionBar assessment={a} items={items} scores={scores} fullWidth={wide} />;
  const tree = (
    <CriteriaTree assessment={a} scores={scores} columns={columns} open={open ?? []} onOpen={setOpen} />
  );
  return (
    <Stack gap="md" data-testid="par-assessment-page">
      <BackLink />
      <PageHeader
        title={a.unit.name}
        documentTitle={`${a.unit.name} · ${t('parAssessment.title', { year: a.campaign.year })}`}
        description={
          <>
            {t('parAssessment.title', { year: a.campaign.year })} — {a.campaign.title}
          </>
        }
      />
      <AssessmentHeader assessment={a} />
      {!wide && a.allowedActions.length > 0 && (
        <Card withBorder radius="md" padding="sm">
          {actions}
        </Card>
      )}
      {wide ? (
        <Grid gap="md">
          <Grid.Col span={9}>{tree}</Grid.Col>
          <Grid.Col span={3}>
            <SummaryPanel
              assessment={a}
              items={items}
              scores={scores}
              onField={openField}
              actions={actions}
            />
          </Grid.Col>
        </Grid>
      ) : (
        tree
      )}
      <History assessmentId={a.id} />
    </Stack>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => <Link to="/par" {...props} />}
      display="inline-flex"
      style={{ alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}
      data-testid="par-back"
    >
      <IconArrowLeft size={14} aria-hidden /> {t('parAssessment.back')}
    </Anchor>
  );
}
