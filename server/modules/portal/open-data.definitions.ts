/**
 * The open datasets (issue 18, item 3): each file's name, title, description and columns (name, type, meaning),
 * in Vietnamese and English — the documented schema of the catalogue and of `datapackage.json`. Pure data; the rows
 * are read by ./open-data.service.ts through the same functions as the public API. README.md lists them too.
 */
import type { OpenDataset, PortalSection } from './portal.schemas.js';

type Text = { vi: string; en: string };
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';
export type ColumnDef = { name: string; type: ColumnType; title: Text; description: Text };
export type DatasetDef = {
  name: OpenDataset;
  section: PortalSection;
  title: Text;
  description: Text;
  columns: ColumnDef[];
};

const col = (name: string, type: ColumnType, vi: string, en: string, dvi = vi, den = en): ColumnDef => ({
  name,
  type,
  title: { vi, en },
  description: { vi: dvi, en: den },
});

const pctCol = (name: string, vi: string, en: string) =>
  col(
    name,
    'number',
    `${vi} (%)`,
    `${en} (%)`,
    `${vi}, phần trăm từ 0 đến 100; trống khi không có mẫu số.`,
    `${en}, a percentage 0–100; empty when there is nothing to divide by.`,
  );

const unitCols = (what: Text) => [
  col(
    'unit_id',
    'string',
    'Mã định danh đơn vị',
    'Unit identifier',
    `Mã định danh (UUID) của ${what.vi} trong hệ thống; không đổi khi đơn vị đổi tên.`,
    `The identifier (UUID) of the ${what.en}; it stays when the unit is renamed.`,
  ),
  col(
    'unit_name',
    'string',
    'Tên đơn vị',
    'Unit name',
    `Tên ${what.vi} tại thời điểm của số liệu.`,
    `The ${what.en}'s name at the time of the figures.`,
  ),
];

export const OPEN_DATA_DEFINITIONS: readonly DatasetDef[] = [
  {
    name: 'par-results',
    section: 'par',
    title: { vi: 'Kết quả Chỉ số cải cách hành chính', en: 'PAR Index results' },
    description: {
      vi: 'Kết quả Chỉ số CCHC đã công bố của các cơ quan, đơn vị: điểm, chỉ số (%), xếp loại và thứ hạng trong nhóm, mỗi dòng một đơn vị một năm.',
      en: 'The published PAR Index results of the agencies and localities: points, index (%), grade and rank within the group; one row a unit and year.',
    },
    columns: [
      col('year', 'integer', 'Năm đánh giá', 'Year assessed'),
      col(
        'unit_group',
        'string',
        'Nhóm đơn vị',
        'Unit group',
        'department (sở, ban, ngành), commune (UBND cấp xã) hoặc other.',
        'department, commune or other.',
      ),
      col(
        'unit_group_name',
        'string',
        'Tên nhóm đơn vị',
        'Unit group name',
        'Tên nhóm bằng tiếng Việt.',
        'The group’s name in Vietnamese.',
      ),
      ...unitCols({ vi: 'đơn vị được đánh giá', en: 'unit assessed' }),
      col(
        'rank',
        'integer',
        'Thứ hạng',
        'Rank',
        'Thứ hạng trong nhóm (đồng hạng khi bằng điểm).',
        'Rank within the group (ties share a rank).',
      ),
      col('rank_of', 'integer', 'Số đơn vị trong nhóm', 'Units in the group'),
      col('points', 'number', 'Tổng điểm', 'Points'),
      col('max_points', 'number', 'Điểm tối đa', 'Maximum points'),
      col(
        'index_percent',
        'number',
        'Chỉ số (%)',
        'Index (%)',
        'Tổng điểm trên điểm tối đa, phần trăm.',
        'Points over the maximum, as a percentage.',
      ),
      col('grade', 'string', 'Mã xếp loại', 'Grade code'),
      col(
        'grade_name',
        'string',
        'Xếp loại',
        'Grade',
        'Tên mức xếp loại bằng tiếng Việt.',
        'The grade’s name in Vietnamese.',
      ),
      col(
        'previous_percent',
        'number',
        'Chỉ số năm trước (%)',
        'Previous year’s index (%)',
        'Chỉ số năm trước của đơn vị (hoặc các đơn vị tiền thân); trống khi không có.',
        'The unit’s (or its predecessors’) index of the year before; empty when none.',
      ),
      col(
        'change',
        'number',
        'Tăng, giảm (điểm %)',
        'Change (points of %)',
        'Chỉ số trừ chỉ số năm trước.',
        'Index minus the previous year’s.',
      ),
    ],
  },
  {
    name: 'dossier-figures',
    section: 'dossiers',
    title: {
      vi: 'Số liệu giải quyết thủ tục hành chính theo đơn vị',
      en: 'Administrative procedure figures by unit',
    },
    description: {
      vi: 'Các chỉ số chính theo Quyết định 766/QĐ-TTg của từng cơ quan, đơn vị tiếp nhận, mỗi dòng một đơn vị một năm (năm đang diễn ra tính đến ngày xuất dữ liệu).',
      en: 'The key figures of Decision 766/QĐ-TTg of each receiving agency; one row a unit and year (the running year to the day of the file).',
    },
    columns: [
      col('year', 'integer', 'Năm', 'Year'),
      col(
        'period_from',
        'date',
        'Từ ngày',
        'From',
        'Ngày đầu kỳ số liệu (yyyy-mm-dd).',
        'The period’s first day (yyyy-mm-dd).',
      ),
      col(
        'period_to',
        'date',
        'Đến ngày',
        'To',
        'Ngày cuối kỳ số liệu, hoặc ngày xuất dữ liệu khi kỳ chưa kết thúc.',
        'The period’s last day, or the day of the file while it runs.',
      ),
      ...unitCols({ vi: 'đơn vị tiếp nhận hồ sơ', en: 'receiving unit' }),
      col(
        'received',
        'integer',
        'Hồ sơ tiếp nhận',
        'Dossiers received',
        'Số hồ sơ tiếp nhận trong kỳ.',
        'Dossiers received in the period.',
      ),
      col('resolved', 'integer', 'Hồ sơ đã giải quyết', 'Dossiers resolved'),
      col(
        'processing',
        'integer',
        'Hồ sơ đang giải quyết',
        'Dossiers in progress',
        'Số hồ sơ đang giải quyết vào cuối kỳ.',
        'Dossiers in progress at the end of the period.',
      ),
      pctCol('on_time_percent', 'Tỷ lệ hồ sơ đúng hạn', 'On-time rate'),
      pctCol(
        'resolved_early_or_on_time_percent',
        'Tỷ lệ giải quyết trước và đúng hạn',
        'Resolved early or on time',
      ),
      pctCol('online_percent', 'Tỷ lệ hồ sơ trực tuyến', 'Online rate'),
      pctCol('online_payment_percent', 'Tỷ lệ thanh toán trực tuyến', 'Online payment rate'),
      pctCol('digitisation_percent', 'Tỷ lệ số hóa hồ sơ', 'Digitisation rate'),
      pctCol('e_result_percent', 'Tỷ lệ trả kết quả điện tử', 'Electronic results rate'),
      pctCol('satisfaction_percent', 'Mức độ hài lòng', 'Satisfaction'),
      col(
        'average_processing_days',
        'number',
        'Thời gian giải quyết trung bình (ngày làm việc)',
        'Average processing time (working days)',
      ),
    ],
  },
  {
    name: 'plan-tasks',
    section: 'plan',
    title: { vi: 'Nhiệm vụ kế hoạch CCHC của tỉnh', en: 'Tasks of the province’s PAR plan' },
    description: {
      vi: 'Các nhiệm vụ trong kế hoạch cải cách hành chính hằng năm của Ban Chỉ đạo tỉnh: lĩnh vực, đơn vị chủ trì, thời hạn và tình trạng.',
      en: 'The tasks of the steering committee’s yearly PAR plan: reform area, lead unit, deadline and status.',
    },
    columns: [
      col('year', 'integer', 'Năm kế hoạch', 'Plan year'),
      col('task_id', 'string', 'Mã định danh nhiệm vụ', 'Task identifier'),
      col('title', 'string', 'Nhiệm vụ', 'Task'),
      col('reform_area', 'string', 'Mã lĩnh vực CCHC', 'Reform area code'),
      col(
        'reform_area_name',
        'string',
        'Lĩnh vực CCHC',
        'Reform area',
        'Tên lĩnh vực bằng tiếng Việt.',
        'The area’s name in Vietnamese.',
      ),
      col('lead_unit_id', 'string', 'Mã định danh đơn vị chủ trì', 'Lead unit identifier'),
      col('lead_unit_name', 'string', 'Đơn vị chủ trì', 'Lead unit'),
      col('due_date', 'date', 'Thời hạn', 'Deadline'),
      col(
        'status',
        'string',
        'Tình trạng',
        'Status',
        'done (hoàn thành, đã được xác nhận), in_progress (đang thực hiện) hoặc overdue (quá hạn).',
        'done (verified), in_progress or overdue.',
      ),
      col('done_on', 'date', 'Ngày hoàn thành', 'Done on'),
    ],
  },
  {
    name: 'pilot-items',
    section: 'pilots',
    title: { vi: 'Nội dung chỉ đạo điểm về CCHC', en: 'Pilot units’ items' },
    description: {
      vi: 'Các đơn vị được chọn chỉ đạo điểm hằng năm và nội dung mỗi đơn vị thực hiện, tình trạng và kết quả.',
      en: 'The units chosen each year as pilots, what each undertook, its status and result.',
    },
    columns: [
      col('year', 'integer', 'Năm', 'Year'),
      ...unitCols({ vi: 'đơn vị chỉ đạo điểm', en: 'pilot unit' }),
      col('item_id', 'string', 'Mã định danh nội dung', 'Item identifier'),
      col('title', 'string', 'Nội dung', 'Item'),
      col('reform_area', 'string', 'Mã lĩnh vực CCHC', 'Reform area code'),
      col('reform_area_name', 'string', 'Lĩnh vực CCHC', 'Reform area'),
      col('due_date', 'date', 'Thời hạn', 'Deadline'),
      col(
        'status',
        'string',
        'Tình trạng',
        'Status',
        'done, in_progress hoặc overdue.',
        'done, in_progress or overdue.',
      ),
      col('done_on', 'date', 'Ngày hoàn thành', 'Done on'),
      col(
        'result',
        'string',
        'Kết quả',
        'Result',
        'Kết quả đơn vị đạt được (khi đã hoàn thành).',
        'What the unit achieved (once done).',
      ),
    ],
  },
  {
    name: 'feedback-answered',
    section: 'feedback',
    title: { vi: 'Phản ánh, kiến nghị đã trả lời', en: 'Answered feedback' },
    description: {
      vi: 'Các phản ánh, kiến nghị về thủ tục hành chính đã được trả lời công khai (không có thông tin cá nhân của người gửi).',
      en: 'Feedback on administrative procedures answered in public (no personal data of the senders).',
    },
    columns: [
      col('code', 'string', 'Mã tra cứu', 'Tracking code'),
      col('title', 'string', 'Tiêu đề', 'Title'),
      col('category', 'string', 'Lĩnh vực', 'Category'),
      col('subject_unit', 'string', 'Đơn vị bị phản ánh', 'Unit concerned'),
      col('handling_unit', 'string', 'Đơn vị trả lời', 'Answering unit'),
      col('received_on', 'date', 'Ngày tiếp nhận', 'Received on'),
      col('answered_on', 'date', 'Ngày trả lời', 'Answered on'),
      col(
        'on_time',
        'boolean',
        'Đúng hạn',
        'On time',
        'true khi trả lời trong thời hạn; trống khi không xác định.',
        'true when answered by the deadline; empty when unknown.',
      ),
    ],
  },
];

export const datasetDef = (name: string) => OPEN_DATA_DEFINITIONS.find((d) => d.name === name);
