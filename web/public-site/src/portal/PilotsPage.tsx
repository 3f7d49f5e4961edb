/**
 * `/cong-khai/mo-hinh-diem[/<year>]`: the year's pilot units (chỉ đạo điểm), each with its completion, the items
 * it must achieve (status, deadline) and the results reported. Without a year: the newest published one.
 */
import { LoadError, Loading } from '../components/Status';
import { formatDate, formatNumber, pickText } from '../lib/format';
import { useI18n } from '../lib/i18n-react';
import { usePortal } from '../lib/portal';
import { portalApi } from '../lib/portal-api';
import { withQuery } from '../lib/portal-query';
import type { PilotsPublicOut } from '../lib/portal-types';
import { pathFor } from '../lib/router';
import { useJson } from '../lib/use-json';
import { sortYears } from '../lib/years';
import { CompletionBar, SelectNav, StatusChip, YearSectionPage } from './components';

export default function PilotsPage({ year, search }: { year: number | null; search: string }) {
  return (
    <YearSectionPage
      section="pilots"
      year={year}
      renderSwitch={(y, years) => <PilotsYearSwitch year={y} years={years} search={search} />}
      renderYear={(y) => <PilotsYear year={y} search={search} />}
    />
  );
}

function PilotsYearSwitch({
  year,
  years,
  search,
}: {
  year: number;
  years: readonly number[];
  search: string;
}) {
  const { t } = useI18n();
  return (
    <SelectNav
      label={t('portal.year')}
      value={String(year)}
      options={sortYears([...years, year]).map((y) => ({ value: String(y), label: String(y) }))}
      hrefOf={(v) => pathFor({ name: 'pilots', year: Number(v) }) + withQuery(search, {})}
    />
  );
}

function PilotsYear({ year, search }: { year: number; search: string }) {
  const { t, lang } = useI18n();
  const portal = usePortal();
  const result = useJson<PilotsPublicOut>(portalApi.pilots(year));
  // Another year loading: the page stays as it was (the switch keeps the focus) until it arrives.
  const data = result.data ?? (result.error ? null : result.previous);
  return (
    <>
      <div className="filters">
        <PilotsYearSwitch
          year={year}
          years={data?.years ?? portal.data?.years.pilots ?? []}
          search={search}
        />
      </div>
      {data ? (
        <>
          <p className="muted small">
            {t('pilots.units', { count: formatNumber(data.units.length) })} ·{' '}
            {t('portal.asOf', { date: formatDate(data.asOf) })}
          </p>
          <CompletionBar figures={data.figures} />
          {data.units.map((unit) => (
            <section key={unit.unitId} className="block pilot" aria-labelledby={`pilot-${unit.unitId}`}>
              <h2 id={`pilot-${unit.unitId}`}>{unit.unitName}</h2>
              <CompletionBar figures={unit.figures} />
              <h3>{t('pilots.items')}</h3>
              {unit.items.length ? (
                <ul className="task-list">
                  {unit.items.map((item) => (
                    <li key={item.id} className="task">
                      <p className="task__title">{item.title}</p>
                      <p className="task__meta">
                        <StatusChip status={item.status} />
                        <span>{pickText(item.areaName, lang)}</span>
                        <span>{t('plan.due', { date: formatDate(item.dueDate) })}</span>
                        {item.doneOn ? (
                          <span>{t('plan.doneOn', { date: formatDate(item.doneOn) })}</span>
                        ) : null}
                      </p>
                      {item.result ? (
                        <p className="task__result">
                          <strong>{t('pilots.result')}:</strong> <span className="prose">{item.result}</span>
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('pilots.noItems')}</p>
              )}
            </section>
          ))}
        </>
      ) : result.error ? (
        <LoadError error={result.error} onRetry={result.retry} />
      ) : (
        <Loading />
      )}
    </>
  );
}
