import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanListItem } from './api';

/** A task's status and timing badges (plans' keys and test ids are the shared component's defaults). */
export { StatusBadge, TimingBadge } from '../../components/workflow/badges';

const PURPOSE_COLORS: Record<Exclude<PlanListItem['purpose'], 'reform'>, string> = {
  remediation: 'orange',
  improvement: 'grape',
};

/**
 * What a plan is for, when it is not the owner's yearly PAR plan: "Kế hoạch khắc phục" (the PAR Index's
 * remediation) or "Kế hoạch cải thiện" (a national index). Nothing for a yearly PAR plan ('reform').
 */
export function PlanPurposeBadge({ purpose }: { purpose: PlanListItem['purpose'] }) {
  const { t } = useTranslation();
  if (purpose === 'reform') return null;
  return (
    <Badge
      component="span"
      size="sm"
      variant="light"
      color={PURPOSE_COLORS[purpose]}
      title={t('plans.purposeHint')}
      data-testid="plan-purpose"
      data-purpose={purpose}
    >
      {t(`plans.purposes.${purpose}`)}
    </Badge>
  );
}
