/**
 * `/cong-khai/ke-hoach[/<year>][?status=&q=]`: the province's reform plan of a year — its completion bar, then
 * its tasks grouped by reform area, each with its lead unit, deadline and public status chip; a status filter
 * and a search over tasks and lead units. Without a year: the newest published plan.
 */
import { LoadError, Loading } from '../components/Status';
import { formatDate, formatNumber, pickText } from '../lib/format';
import { useI18n } from '../lib/i18n-react';
import { filterTasks, groupByArea, parseStatus, TASK_STATUSES } from '../lib/plan-view';
import { usePortal } from '../lib/portal';
import { portalApi } from '../lib/portal-api';
import { readParam, withQuery } from '../lib/portal-query';
import type { PlanPublicOut } from '../lib/portal-types';
import { pathFor } from '../lib/router';
import { useJson } from '../lib/use-json';
import { sortYears } from '../lib/years';
import { CompletionBar, SearchBox, SelectNav, StatusChip, YearSectionPage } from './components';

export default function PlanPage({ year, search }: { year: number | null; search: string }) {
  return (
    <YearSectionPage
      section="plan"
      year={year}
      renderSwitch={(y, years) => <PlanYearSwitch year={y} years={years} search={search} />}
      renderYear={(y) => <PlanYear year={y} search={search} />}
    />
  );
}

function PlanYearSwitch({ year, years, search }: { year: number; years: readonly number[]; search: string }) {
  const { t } = useI18n();
  return (
    <SelectNav
      label={t('portal.year')}
      value={String(year)}
      options={sortYears([...years, year]).map((y) => ({ value: String(y), label: String(y) }))}
      hrefOf={(v) => pathFor({ name: 'plan', year: Number(v) }) + withQuery(search, {})}
    />
  );
}

function PlanYear({ year, search }: { year: number; search: string }) {
  const { t, lang } = useI18n();
  const portal = usePortal();
  const result = useJson<PlanPublicOut>(portalApi.plan(year));
  // Another year loading: the page stays as it was (the switch keeps the focus) until it arrives.
  const plan = result.data ?? (result.error ? null : result.previous);
  const here = pathFor({ name: 'plan', year });
  const status = parseStatus(readParam(search, 'status'));
  const q = readParam(search, 'q');
  const tasks = plan ? filterTasks(plan.tasks, { status, q }) : [];
  const groups = plan ? groupByArea(tasks, plan.byArea) : [];
  return (
    <>
      <div className="filters">
        <PlanYearSwitch
          year={year}
          years={plan?.years ?? portal.data?.years.plan ?? [year]}
          search={search}
        />
        <SelectNav
          label={t('plan.status')}
          value={status ?? ''}
          options={[
            { value: '', label: t('status.all') },
            ...TASK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          hrefOf={(v) => here + withQuery(search, { status: v })}
        />
      </div>
      {!plan ? (
        result.error ? (
          <LoadError error={result.error} onRetry={result.retry} />
        ) : (
          <Loading />
        )
      ) : (
        <div aria-busy={result.loading}>
          <p className="plan-name">{plan.title}</p>
          <p className="muted small">{t('portal.asOf', { date: formatDate(plan.asOf) })}</p>
          <CompletionBar figures={plan.figures} />
          <p className="muted small">{t('plan.statusNote')}</p>
          <SearchBox
            label={t('plan.search')}
            hint={t('portal.searchHint')}
            value={q}
            hrefOf={(text) => here + withQuery(search, { q: text })}
          />
          <p className="result-count" role="status">
            {q || status
              ? tasks.length
                ? t('portal.shown', {
                    shown: formatNumber(tasks.length),
                    total: formatNumber(plan.tasks.length),
                  })
                : t('plan.noTasks')
              : ''}
          </p>
          {groups.map((g) => (
            <section key={g.area} className="block area" aria-labelledby={`area-${g.area}`}>
              <h2 id={`area-${g.area}`}>{pickText(g.areaName, lang)}</h2>
              <CompletionBar figures={g.figures} />
              <ul className="task-list">
                {g.tasks.map((task) => (
                  <li key={task.id} className="task">
                    <p className="task__title">{task.title}</p>
                    <p className="task__meta">
                      <StatusChip status={task.status} />
                      <span>{t('plan.lead', { unit: task.leadUnitName })}</span>
                      <span>
                        {task.dueDate ? t('plan.due', { date: formatDate(task.dueDate) }) : t('plan.noDue')}
                      </span>
                      {task.doneOn ? (
                        <span>{t('plan.doneOn', { date: formatDate(task.doneOn) })}</span>
                      ) : null}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
