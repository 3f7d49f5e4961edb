import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { EVENT_KINDS, unitKeys, unitTimeline, type EventKind } from './api';
import { emptyEvent, EventForm, newSuccessor } from './EventForm';

/**
 * `/units/events/new`: record a lineage event. `?kind=merge&successor=<id>` pre-fills the unit as the
 * (existing) successor; `?from=<id>` as the predecessor.
 */
export function EventCreatePage() {
  const { t } = useTranslation();
  const searchStr = useRouterState({ select: (s) => s.location.searchStr });
  const params = new URLSearchParams(searchStr);
  const kindParam = params.get('kind');
  const kind: EventKind = EVENT_KINDS.includes(kindParam as EventKind) ? (kindParam as EventKind) : 'merge';
  const successor = params.get('successor');
  const from = params.get('from');
  const prefillId = successor ?? from;
  const prefill = useQuery({
    queryKey: unitKeys.timeline(prefillId ?? ''),
    queryFn: () => unitTimeline(prefillId!),
    enabled: !!prefillId,
  });
  if (prefillId && prefill.isLoading) return null;
  const unit = prefill.data?.unit;
  const initial = emptyEvent({
    kind,
    from: from && unit ? [unit.id] : [],
    successors: successor && unit ? [newSuccessor('existing', unit.id)] : [newSuccessor()],
    effectiveDate: successor && unit && unit.validFrom !== '1900-01-01' ? unit.validFrom : null,
  });
  return (
    <>
      <PageHeader title={t('units.event.newTitle')} description={t('units.event.newLead')} />
      <EventForm
        initial={initial}
        known={unit ? [unit] : []}
        cancel={
          <Button
            variant="default"
            renderRoot={(props) =>
              unit ? (
                <Link to="/units/$unitId" params={{ unitId: unit.id }} {...props} />
              ) : (
                <Link to="/units" {...props} />
              )
            }
          >
            {t('common.cancel')}
          </Button>
        }
      />
    </>
  );
}
