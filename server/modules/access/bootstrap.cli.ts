import { parseArgs } from 'node:util';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { translate } from '../../core/messages.js';
import { provinceLines, provincesInForce } from '../units/departments.service.js';
import { todayInVietnam } from '../../core/dates.js';
import { createAdministrator, ProvinceChoiceError, type GsoData } from './bootstrap.service.js';

export const ADMIN_HELP = `  chidao admin create --email E --name "Full Name" [--password P] [--unit CODE]
                                      create an administrator over the only province in the registry, or over
                                      --unit CODE (on an empty registry: a GSO province code, imported first)`;

/** `chidao admin create …` (the arguments after `create`). Returns the exit code. */
export async function adminCreateCommand(
  args: string[],
  ctx: RequestContext,
  options: { gso?: GsoData } = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      unit: { type: 'string' },
    },
  });
  const password = values.password ?? process.env.CHIDAO_ADMIN_PASSWORD;
  if (!values.email || !values.name || !password) {
    console.error(
      'admin create cần --email, --name và --password (hoặc CHIDAO_ADMIN_PASSWORD).\n' +
        'admin create needs --email, --name and --password (or CHIDAO_ADMIN_PASSWORD).',
    );
    return 64;
  }
  try {
    const { user, unitName, importedUnits } = await createAdministrator(ctx, {
      email: values.email,
      fullName: values.name,
      password,
      unitCode: values.unit,
      gso: options.gso,
    });
    if (importedUnits)
      console.log(
        `Đã nhập ${importedUnits.toLocaleString('vi-VN')} đơn vị của ${unitName} từ dữ liệu GSO.\n` +
          `Imported ${importedUnits.toLocaleString('en-US')} units of ${unitName} from the GSO data.`,
      );
    console.log(
      `Đã tạo quản trị viên ${user.email} cho ${unitName}.\nAdministrator ${user.email} created over ${unitName}.`,
    );
    return 0;
  } catch (err) {
    if (err instanceof ProvinceChoiceError) {
      console.error(err.message);
      return 64;
    }
    if (err instanceof AppError && err.messageKey === 'unit.not_found') {
      const list = await provincesInForce(ctx.db, todayInVietnam());
      console.error(
        [
          `Không có đơn vị mã ${values.unit} đang hoạt động trong sổ đăng ký.`,
          `No unit with code ${values.unit} is in force in the registry.`,
          ...(list.length ? [provinceLines(list)] : []),
        ].join('\n'),
      );
      return 64;
    }
    if (err instanceof AppError) {
      console.error(
        `${translate('vi', err.messageKey, err.params)}\n${translate('en', err.messageKey, err.params)}`,
      );
      return 1;
    }
    throw err;
  }
}
