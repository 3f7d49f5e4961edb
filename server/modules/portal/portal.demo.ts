/**
 * The demo province (Nghệ An) publishes everything it has (issue 18): the PAR Index campaigns published in the PAR
 * Index module, the dossier figures of this year and last (by year, half-year and quarter), the committee's plans
 * and the pilot units of every year that has them, the hotline's answers and the open data; CC BY 4.0; the
 * publisher is the standing agency's office (an illustrative address, no person). Ordered after the modules it
 * reads (plans 20, pilots 30, hotline 60, parindex 80, programmes 90).
 */
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { DemoFacts } from '../../core/module.js';
import { publishedCampaigns } from '../parindex/results.service.js';
import { committeeFacts, listProgrammes } from '../pilots/pilots.service.js';
import { listPlans } from '../plans/plans.service.js';
import { unitFacts } from '../units/units.service.js';
import { portalReader } from './portal.policy.js';
import { seedPortalSettings } from './portal.service.js';
import { DEFAULT_LICENCE } from './rules/settings.js';

export async function seedDemoPortal(ctx: RequestContext, facts: DemoFacts): Promise<boolean> {
  const provinceId = facts.provinceId;
  const reader = { ...ctx, actor: portalReader(provinceId) };
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const campaigns = await publishedCampaigns(ctx.db, provinceId);
  const planYears = (await listPlans(reader, undefined, 'committee'))
    .filter((p) => p.ownerUnitId === provinceId)
    .map((p) => p.year);
  const pilotYears: number[] = [];
  const programmes = await listProgrammes(reader, {});
  for (const year of programmes.years) {
    const list = year === programmes.year ? programmes : await listProgrammes(reader, { year });
    for (const p of list.items)
      if ((await committeeFacts(reader, p.committeeId)).hostUnitId === provinceId) pilotYears.push(year);
  }
  const province = (await unitFacts(ctx.db, [provinceId])).get(provinceId);
  await seedPortalSettings(
    ctx,
    provinceId,
    {
      par: { published: true, campaignIds: campaigns.map((c) => c.id) },
      dossiers: {
        published: true,
        years: [thisYear, thisYear - 1],
        periodKinds: ['year', 'half', 'quarter'],
      },
      plan: { published: true, years: [...new Set(planYears)] },
      pilots: { published: true, years: [...new Set(pilotYears)] },
      feedback: { published: true },
      openData: { published: true },
      licence: { ...DEFAULT_LICENCE },
      publisher: {
        name: 'Sở Nội vụ tỉnh Nghệ An — Văn phòng Sở',
        address: 'Thành phố Vinh, tỉnh Nghệ An (địa chỉ minh họa)',
        email: 'vanphong.snv@chidao.demo',
        phone: '',
        website: '',
      },
    },
    province?.fullName ?? '',
  );
  return true;
}
