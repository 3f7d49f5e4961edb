/**
 * The demo province's surveys (Nghệ An): the 2026 SIPAS survey at three one-stop counters — Văn phòng UBND tỉnh
 * (the demo's stand-in for the province's Trung tâm Phục vụ hành chính công, which it runs), Sở Tư pháp and a ward
 * — open from 01/10/2026 to 31/12/2026 and feeding the 2026 PAR Index, with about 180 anonymous answers spread over
 * October to early December (mostly satisfied, the units differing; the ward with only 3 answers so that its
 * results are suppressed; four identical answers on one day so that a flag shows), and 12 invitations of Sở Tư
 * pháp's list (6 used); the closed 2025 SIPAS survey for comparison (about 120 answers, its invitations' addresses
 * erased at closing); and a draft 2026 DDCI-like survey of businesses about two departments.
 *
 * The answers are generated (a seeded draw around a satisfaction level per unit), not real figures, and inserted
 * directly — each normalised by the survey's own rules (`normaliseAnswers`) and naming its version and hash.
 */
import { addDays } from '../calendar/index.js';
import type { RequestContext } from '../../core/context.js';
import type { DemoFacts } from '../../core/module.js';
import { recordChange } from '../audit/audit.service.js';
import { listUnits } from '../units/units.service.js';
import { shippedSurvey, type ShippedSurvey } from './data/index.js';
import { normaliseAnswers } from './rules/answers.js';
import { flattenItems, type SurveyDefinition } from './rules/definition.js';
import { sampleSize } from './rules/sampling.js';
import { templateTitle } from './create-survey.service.js';
import { newToken } from './invitations.service.js';
import { hashDefinition } from './surveys.service.js';
import {
  surveyInvitations,
  surveyResponses,
  surveys,
  surveyTargets,
  surveyVersions,
  type ResponseChannel,
  type SurveyStatus,
} from './surveys.table.js';
import { newPublicCodes } from './targets.service.js';

/** A small deterministic generator (mulberry32): the same demo on every first start. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** A rating around a unit's level: the share of 4–5 answers is about `level`. */
function rating(r: Rand, level: number): number {
  const x = r();
  if (x < level) return r() < 0.42 ? 5 : 4;
  const y = r();
  return y < 0.7 ? 3 : y < 0.94 ? 2 : 1;
}

/** One SIPAS answer sheet, raw (normalised afterwards by the definition's own rules). */
function sipasAnswers(def: SurveyDefinition, r: Rand, level: number): Record<string, unknown> {
  const a: Record<string, unknown> = {
    doi_tuong: r() < 0.86 ? 'nguoi_dan' : 'to_chuc',
    gioi_tinh: r() < 0.52 ? 'nu' : 'nam',
    nhom_tuoi: pick(r, ['duoi_25', '25_34', '25_34', '35_44', '35_44', '45_54', '55_64', 'tu_65']),
    kenh: r() < 0.6 ? 'truc_tiep' : r() < 0.9 ? 'truc_tuyen' : 'buu_chinh',
  };
  if (a.kenh === 'truc_tiep') a.so_lan_di_lai = r() < 0.7 ? 1 : r() < 0.8 ? 2 : 3;
  const due = r();
  a.tra_ket_qua = due < 0.16 ? 'som_hen' : due < 0.92 - (1 - level) * 0.4 ? 'dung_hen' : 'tre_hen';
  if (a.tra_ket_qua === 'tre_hen') a.xin_loi_tre_hen = r() < 0.6 ? 'co' : 'khong';
  if (r() < 0.9) a.chi_phi_ngoai_quy_dinh = r() < 0.97 ? 'khong' : 'co';
  a.da_gop_y = r() < 0.22 ? 'co' : 'khong';
  for (const { item } of flattenItems(def)) {
    if (item.kind !== 'matrix') continue;
    if (item.code === 'yt5' && a.da_gop_y !== 'co') continue;
    const rows: Record<string, number | 'na'> = {};
    for (const row of item.rows) rows[row.code] = item.allowNa && r() < 0.02 ? 'na' : rating(r, level);
    a[item.code] = rows;
  }
  a.hai_long_chung = rating(r, level);
  const wishes = [
    'mo_rong_thong_tin',
    'co_so_vat_chat',
    'don_gian_thu_tuc',
    'thai_do_phuc_vu',
    'rut_ngan_thoi_gian',
    'dich_vu_truc_tuyen',
  ];
  a.mong_doi = r() < 0.1 ? ['khong_co'] : [...new Set([pick(r, wishes), pick(r, wishes)])];
  return a;
}

type DemoTarget = {
  unitId: string;
  population: number;
  level: number;
  responses: number;
  invitations?: number;
};
type DemoSurvey = {
  template: ShippedSurvey;
  year: number;
  title: string;
  status: SurveyStatus;
  opensOn: string | null;
  closesOn: string | null;
  parYear: number | null;
  note: string;
  targets: (DemoTarget & { group: 'citizen' | 'business' })[];
  /** Answers from this day over this many days. */
  from: string;
  days: number;
  seed: number;
  identicalOn?: { target: number; day: string; count: number };
};

async function seedSurvey(ctx: RequestContext, d: DemoSurvey, provinceId: string): Promise<void> {
  const def = d.template.definition;
  const hash = hashDefinition(def);
  const published = d.opensOn ? new Date(`${d.opensOn}T08:00:00+07:00`) : null;
  const [row] = await ctx.db
    .insert(surveys)
    .values({
      provinceId,
      kind: d.template.kind,
      year: d.year,
      title: d.title,
      intro: def.intro?.vi ?? '',
      status: d.status,
      anonymous: true,
      opensOn: d.opensOn,
      closesOn: d.closesOn,
      parYear: d.parYear,
      note: d.note,
      createdAt: published ?? new Date(),
      updatedAt: published ?? new Date(),
    })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'survey', entityId: row!.id, after: row });
  const [version] = await ctx.db
    .insert(surveyVersions)
    .values({
      surveyId: row!.id,
      number: 1,
      definition: def,
      indices: d.template.indices,
      definitionHash: hash,
      templateKey: d.template.key,
      publishedAt: d.status === 'draft' ? null : published,
    })
    .returning();
  await recordChange(ctx, {
    action: 'create',
    entity: 'survey_version',
    entityId: version!.id,
    after: { surveyId: row!.id, number: 1, templateKey: d.template.key, definitionHash: hash },
  });
  const codes = await newPublicCodes(ctx.db, d.targets.length);
  const targets = await ctx.db
    .insert(surveyTargets)
    .values(
      d.targets.map((t, i) => ({
        surveyId: row!.id,
        unitId: t.unitId,
        targetGroup: t.group,
        population: t.population,
        quota: sampleSize(t.population),
        publicCode: codes[i]!,
      })),
    )
    .returning();
  for (const t of targets)
    await recordChange(ctx, { action: 'create', entity: 'survey_target', entityId: t.id, after: t });

  const r = random(d.seed);
  const hex = () => Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('');
  const responses: (typeof surveyResponses.$inferInsert)[] = [];
  const store = (
    targetIndex: number,
    raw: Record<string, unknown>,
    day: string,
    channel: ResponseChannel,
  ) => {
    const normalised = normaliseAnswers(def, raw);
    // The generator follows the template; a draw the rules refuse would be a bug of this file.
    if (!normalised.ok)
      throw new Error(`demo survey answer refused: ${JSON.stringify(normalised.problems[0])}`);
    responses.push({
      surveyId: row!.id,
      versionId: version!.id,
      targetId: targets[targetIndex]!.id,
      channel,
      submittedOn: day,
      answers: normalised.answers,
      clientKey: hex(),
      minutes: 3 + Math.floor(r() * 12),
    });
  };
  d.targets.forEach((t, i) => {
    for (let n = 0; n < t.responses; n++) {
      const channel: ResponseChannel =
        n < (t.invitations ?? 0) / 2 ? 'invitation' : r() < 0.06 ? 'link' : 'qr';
      store(i, sipasAnswers(def, r, t.level), addDays(d.from, Math.floor(r() * d.days)), channel);
    }
  });
  if (d.identicalOn) {
    // The same sheet several times on one day at one counter: what the officer's flags are for.
    const same = sipasAnswers(def, random(d.seed + 1), 1);
    for (let n = 0; n < d.identicalOn.count; n++) store(d.identicalOn.target, same, d.identicalOn.day, 'qr');
  }
  if (responses.length) await ctx.db.insert(surveyResponses).values(responses);

  let invited = 0;
  for (const [i, t] of d.targets.entries()) {
    if (!t.invitations) continue;
    const sentAt = new Date(`${addDays(d.opensOn!, 1)}T09:00:00+07:00`);
    await ctx.db.insert(surveyInvitations).values(
      Array.from({ length: t.invitations }, (_, n) => ({
        surveyId: row!.id,
        targetId: targets[i]!.id,
        tokenHash: newToken().hash,
        // Erased at closing: a closed survey keeps no address.
        address: d.status === 'closed' ? null : `nguoidan${String(n + 1).padStart(2, '0')}@example.vn`,
        name: d.status === 'closed' ? '' : `Người dân ${n + 1}`,
        sentAt,
        used: n < t.invitations! / 2,
      })),
    );
    invited += t.invitations;
  }
  if (invited)
    await recordChange(ctx, {
      action: 'invite',
      entity: 'survey',
      entityId: row!.id,
      after: { created: invited, sent: invited },
    });
}

export async function seedDemoSurveys(ctx: RequestContext, facts: DemoFacts): Promise<boolean> {
  const [any] = await ctx.db.select({ id: surveys.id }).from(surveys).limit(1);
  if (any) return false;
  const sipas = shippedSurvey('sipas');
  const ddci = shippedSurvey('ddci-department');
  const vpubnd = facts.unitIds.get('vpubnd');
  const tuphap = facts.unitIds.get('tuphap');
  if (!sipas || !ddci || !vpubnd || !tuphap) return false;
  // A ward with its own one-stop counter (Vinh's wards since 1/7/2025), else any commune of the province.
  const communes = await listUnits(ctx.db, {
    asOf: '2026-10-01',
    parentId: facts.provinceId,
    kind: 'commune',
    limit: 400,
  });
  const ward =
    communes.find((u) => u.name === 'Vinh Hưng' || u.fullName === 'Phường Vinh Hưng') ??
    communes.find((u) => u.fullName?.startsWith('Phường')) ??
    communes[0];
  const xaydung = facts.unitIds.get('xaydung');
  const taichinh = facts.unitIds.get('taichinh');

  const sipasTitle = (year: number) => templateTitle(sipas, year);
  await seedSurvey(
    ctx,
    {
      template: sipas,
      year: 2025,
      title: sipasTitle(2025),
      status: 'closed',
      opensOn: '2025-09-01',
      closesOn: '2025-11-30',
      parYear: 2025,
      note: 'Kết quả đã dùng cho Chỉ số CCHC năm 2025.',
      targets: [
        { unitId: vpubnd, group: 'citizen', population: 11_800, level: 0.84, responses: 62 },
        { unitId: tuphap, group: 'citizen', population: 2_950, level: 0.76, responses: 40 },
        ...(ward
          ? [{ unitId: ward.id, group: 'citizen' as const, population: 1_700, level: 0.7, responses: 18 }]
          : []),
      ],
      from: '2025-09-03',
      days: 85,
      seed: 2025_17,
    },
    facts.provinceId,
  );
  await seedSurvey(
    ctx,
    {
      template: sipas,
      year: 2026,
      title: sipasTitle(2026),
      status: 'open',
      opensOn: '2026-10-01',
      closesOn: '2026-12-31',
      parYear: 2026,
      note: 'Phát phiếu tại Bộ phận Một cửa; mã QR dán tại quầy tiếp nhận. Sở Tư pháp gửi thêm thư mời theo danh sách người đã nhận kết quả.',
      targets: [
        { unitId: vpubnd, group: 'citizen', population: 12_400, level: 0.9, responses: 104 },
        { unitId: tuphap, group: 'citizen', population: 3_100, level: 0.8, responses: 69, invitations: 12 },
        ...(ward
          ? [{ unitId: ward.id, group: 'citizen' as const, population: 1_850, level: 0.72, responses: 3 }]
          : []),
      ],
      from: '2026-10-01',
      days: 66,
      seed: 2026_17,
      identicalOn: { target: 0, day: '2026-11-18', count: 4 },
    },
    facts.provinceId,
  );
  if (xaydung && taichinh)
    await seedSurvey(
      ctx,
      {
        template: ddci,
        year: 2026,
        title: templateTitle(ddci, 2026),
        status: 'draft',
        opensOn: null,
        closesOn: null,
        parYear: null,
        note: 'Dự kiến phối hợp với Hiệp hội Doanh nghiệp tỉnh gửi phiếu trong quý I/2027.',
        targets: [
          { unitId: xaydung, group: 'business', population: 860, level: 0, responses: 0 },
          { unitId: taichinh, group: 'business', population: 1_240, level: 0, responses: 0 },
        ],
        from: '2026-12-01',
        days: 0,
        seed: 2026_18,
      },
      facts.provinceId,
    );
  return true;
}
