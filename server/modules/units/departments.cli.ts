import { parseArgs } from 'node:util';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError } from '../../core/errors.js';
import { translate } from '../../core/messages.js';
import { loadDepartmentsTemplate } from './departments-template.js';
import {
  importDepartments,
  provinceByCode,
  provinceLines,
  provincesInForce,
  soleProvince,
  type DepartmentsImportResult,
  type EventOutcome,
} from './departments.service.js';

export const DEPARTMENTS_HELP = `  chidao units import-departments [--province CODE] [--with KEY,…|all] [--json]
                                      the standard departments and bodies before and after 1/3/2025 (Decree
                                      45/2025/NĐ-CP) with their lineage; matches what exists (idempotent)`;

const ddmmyyyy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

const REASONS: Record<NonNullable<EventOutcome['reason']>, string> = {
  not_included: 'không có trong tỉnh',
  already_ended: 'đã kết thúc vào ngày khác',
  not_in_force: 'không hoạt động vào ngày này',
};
const STATUS: Record<EventOutcome['status'], string> = {
  recorded: 'ghi mới',
  existing: 'đã có',
  skipped: 'bỏ qua',
};
const BY = { code: 'theo mã', name: 'theo tên', lineage: 'theo sự kiện đã ghi' } as const;

/** The import's summary in Vietnamese, as the command prints it. */
export function departmentsSummary(r: DepartmentsImportResult): string {
  const lines = [
    `Danh mục sở, ban, ngành (mẫu ${ddmmyyyy(r.templateVersion)}) cho ${r.province.fullName} (mã ${r.province.code}):`,
    `Tạo mới ${r.counts.created} đơn vị${r.created.length ? ':' : '.'}`,
    ...r.created.map((u) => `  ${u.code.padEnd(16)} ${u.fullName}`),
    `Đã có ${r.counts.matched} đơn vị (giữ nguyên)${r.matched.length ? ':' : '.'}`,
    ...r.matched.map((u) => `  ${u.code.padEnd(16)} ${u.fullName} (${BY[u.by]})`),
    `Sự kiện sắp xếp: ghi mới ${r.counts.recorded}, đã có ${r.counts.existing}, bỏ qua ${r.counts.skipped}.`,
    ...r.events.map(
      (e) =>
        `  ${STATUS[e.status].padEnd(8)} ${ddmmyyyy(e.date)} ${e.note}` +
        (e.reason ? ` — ${e.unit ?? ''}: ${REASONS[e.reason]}` : ''),
    ),
  ];
  if (r.notIncluded.length)
    lines.push(
      `Chưa nhập (không bắt buộc; thêm bằng --with MÃ,…): ${r.notIncluded.map((u) => `${u.key} ${u.name}`).join('; ')}.`,
    );
  return lines.join('\n');
}

function fail(message: string): number {
  console.error(message);
  return 64;
}

/** `chidao units import-departments …`. Returns the exit code. */
export async function importDepartmentsCommand(args: string[], ctx: RequestContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      province: { type: 'string' },
      with: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const optional = loadDepartmentsTemplate()
    .units.filter((u) => u.optional)
    .map((u) => u.key);
  const withKeys =
    values.with === 'all'
      ? ('all' as const)
      : (values.with ?? '')
          .split(',')
          .map((k) => k.trim().toUpperCase())
          .filter(Boolean);
  const unknown = withKeys === 'all' ? [] : withKeys.filter((k) => !optional.includes(k));
  if (unknown.length)
    return fail(
      `--with: không có đơn vị không bắt buộc ${unknown.join(', ')}; chọn trong ${optional.join(', ')} hoặc all.\n` +
        `--with: no optional unit ${unknown.join(', ')}; choose from ${optional.join(', ')} or all.`,
    );

  let code = values.province;
  const today = todayInVietnam();
  if (!code) {
    const choice = await soleProvince(ctx.db, today);
    if (choice.kind === 'none')
      return fail(
        'Sổ đăng ký đơn vị chưa có tỉnh nào đang hoạt động. Hãy nhập tỉnh trước: chidao units import-gso --province MÃ.\n' +
          'The unit registry has no province in force. Import one first: chidao units import-gso --province CODE.',
      );
    if (choice.kind === 'several')
      return fail(
        `Sổ đăng ký có ${choice.provinces.length} tỉnh đang hoạt động; hãy chọn một bằng --province MÃ.\n` +
          `The registry holds ${choice.provinces.length} provinces in force; choose one with --province CODE.\n` +
          provinceLines(choice.provinces),
      );
    code = choice.province.code;
  }
  if (!(await provinceByCode(ctx.db, code))) {
    const list = await provincesInForce(ctx.db, today);
    return fail(
      `Không có tỉnh mã ${code} trong sổ đăng ký đơn vị.\nNo province with code ${code} in the unit registry.` +
        (list.length ? `\n${provinceLines(list)}` : ''),
    );
  }
  try {
    const result = await importDepartments(ctx, { province: code, with: withKeys });
    console.log(values.json ? JSON.stringify(result, null, 2) : departmentsSummary(result));
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return fail(
      `${translate('vi', err.messageKey, err.params)}\n${translate('en', err.messageKey, err.params)}`,
    );
  }
}
