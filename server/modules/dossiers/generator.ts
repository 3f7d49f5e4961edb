/**
 * Realistic demo and benchmark dossiers (pure, deterministic: same seed and inputs → same output).
 *
 * - A procedure catalogue of a few hundred plausible procedures (codes shaped like the national procedure
 *   database's `1.001234`), by field, with the tier that receives them (department; district before
 *   1/7/2025 and commune), their online capability, time limit, fee and relative volume.
 * - Dossiers received on each day between `from` and `to` by the units in force that day (the caller passes
 *   every unit of the province with its validity): departments, districts and old communes before the 2025
 *   reorganisations, the merged departments and the new communes after. Volume follows the season (dip
 *   around Tết, rush before it, peaks before the year's end) and grows a little each year; the online share
 *   rises from the seeds' 28.84% (2023) toward the 80% target of 2025; about 99.x% are resolved early or on
 *   time, with a small late share, suspensions, withdrawals, and the dossiers still open on `asOf`.
 *
 * Orders of magnitude (domain notes): a province handles about 10⁶ dossiers a year, most of them at the
 * commune level (civil status, certification). The demo uses far fewer (`chidao seed dossiers --rows N`).
 */
import { addDays, lunarToSolar, type Calendar, type IsoDate } from '../calendar/index.js';
import type { Channel, DossierStatus, Suspension } from './dossier-timing.js';
import { DEFAULT_MAPPING, type ImportField } from './import/column-mapping.js';
import type { Rating } from './rollup.js';

// ---------------------------------------------------------------------------------------------------
// Seeded PRNG

/** mulberry32: a small, fast, seedable generator (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of a string (FNV-1a). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------------
// Procedure catalogue

/** Who receives a procedure's dossiers: a provincial department, or the local level (district before
 *  1/7/2025, commune after; commune-tier procedures always at the commune). */
export type Tier = 'department' | 'district' | 'commune';
export type OnlineCapability = 'none' | 'partial' | 'full';

export type CatalogueEntry = {
  code: string;
  name: string;
  field: string;
  level: 'province' | 'commune';
  onlineCapability: OnlineCapability;
  /**
   * Publicly posted on the national and provincial portals. Most are; a few newly announced ones (the
   * "(liên thông)" shapes more often) are not yet — drawn from the code, so the catalogue's codes and
   * every other draw stay what they were.
   */
  published: boolean;
  timeLimitDays: number;
  tier: Tier;
  /** Department codes (`40.<key>`) that receive it, first in force wins (mergers of 2025). */
  departments: readonly string[];
  /** Share of its dossiers that carry a fee or charge. */
  feeShare: number;
  /** Relative volume. */
  weight: number;
};

type FieldSpec = {
  field: string;
  tier: Tier;
  departments?: readonly string[];
  /** [name, time limit in working days, capability, fee share, relative volume] */
  items: readonly (readonly [string, number, OnlineCapability, number, number])[];
  /** Variants that make several procedures of one base (cấp lại, điều chỉnh…), applied to the first
   *  `variantsOf` items. */
  variants?: readonly string[];
  variantsOf?: number;
};

const D = (...keys: string[]) => keys.map((k) => `40.${k}`);

const FIELDS: readonly FieldSpec[] = [
  {
    field: 'Hộ tịch',
    tier: 'commune',
    items: [
      ['Đăng ký khai sinh', 0, 'full', 0.05, 60],
      ['Đăng ký khai tử', 0, 'full', 0.02, 18],
      ['Đăng ký kết hôn', 0, 'partial', 0.05, 22],
      ['Cấp bản sao trích lục hộ tịch', 0, 'full', 0.9, 40],
      ['Cấp Giấy xác nhận tình trạng hôn nhân', 3, 'full', 0.6, 30],
      ['Đăng ký nhận cha, mẹ, con', 3, 'partial', 0.3, 3],
      ['Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 3, 'partial', 0.8, 8],
      ['Đăng ký giám hộ', 3, 'partial', 0.1, 1],
      ['Đăng ký khai sinh kết hợp nhận cha, mẹ, con', 3, 'partial', 0.1, 2],
      ['Đăng ký lại khai sinh', 5, 'partial', 0.1, 3],
      ['Đăng ký lại kết hôn', 5, 'partial', 0.1, 1],
      ['Đăng ký lại khai tử', 5, 'partial', 0.1, 1],
      ['Đăng ký khai sinh lưu động', 5, 'none', 0, 1],
      ['Đăng ký kết hôn lưu động', 5, 'none', 0, 0.5],
      [
        'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi',
        5,
        'full',
        0,
        25,
      ],
      ['Liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất', 5, 'full', 0, 6],
    ],
  },
  {
    field: 'Chứng thực',
    tier: 'commune',
    items: [
      ['Cấp bản sao từ sổ gốc', 0, 'partial', 1, 6],
      ['Chứng thực bản sao từ bản chính giấy tờ, văn bản', 0, 'full', 1, 120],
      ['Chứng thực chữ ký trong các giấy tờ, văn bản', 0, 'partial', 1, 35],
      ['Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', 2, 'none', 1, 6],
      ['Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất, nhà ở', 2, 'none', 1, 18],
      ['Chứng thực di chúc', 2, 'none', 1, 1],
      ['Chứng thực văn bản thỏa thuận phân chia di sản', 2, 'none', 1, 3],
      ['Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', 2, 'none', 1, 2],
    ],
  },
  {
    field: 'Đất đai',
    tier: 'district',
    items: [
      ['Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu', 20, 'partial', 1, 20],
      ['Đăng ký biến động quyền sử dụng đất, tài sản gắn liền với đất', 10, 'partial', 1, 35],
      ['Cấp đổi Giấy chứng nhận quyền sử dụng đất', 7, 'partial', 1, 12],
      ['Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất', 10, 'partial', 1, 3],
      ['Đăng ký thế chấp quyền sử dụng đất', 1, 'full', 1, 25],
      ['Xóa đăng ký thế chấp quyền sử dụng đất', 1, 'full', 1, 18],
      ['Tách thửa hoặc hợp thửa đất', 15, 'partial', 1, 8],
      ['Chuyển mục đích sử dụng đất phải được phép', 15, 'partial', 1, 5],
      ['Hòa giải tranh chấp đất đai', 30, 'none', 0, 2],
      ['Gia hạn sử dụng đất nông nghiệp', 7, 'partial', 0.5, 1],
    ],
  },
  {
    field: 'Đất đai (cấp tỉnh)',
    tier: 'department',
    departments: D('tnmt', 'nnmt'),
    items: [
      ['Giao đất, cho thuê đất cho tổ chức', 20, 'partial', 1, 1.5],
      ['Chuyển mục đích sử dụng đất đối với tổ chức', 20, 'partial', 1, 0.8],
      ['Thu hồi đất do tổ chức tự nguyện trả lại', 20, 'partial', 0, 0.3],
      ['Đăng ký biến động đất đai của tổ chức', 10, 'partial', 1, 1.5],
      ['Cung cấp thông tin, dữ liệu đất đai', 3, 'full', 1, 2],
    ],
  },
  {
    field: 'Môi trường',
    tier: 'department',
    departments: D('tnmt', 'nnmt'),
    items: [
      ['Cấp giấy phép môi trường', 30, 'partial', 1, 0.6],
      ['Thẩm định báo cáo đánh giá tác động môi trường', 30, 'partial', 1, 0.4],
      ['Đăng ký môi trường', 10, 'full', 0, 0.5],
      ['Cấp giấy phép khai thác nước dưới đất', 30, 'partial', 1, 0.3],
      ['Cấp giấy phép thăm dò khoáng sản', 45, 'partial', 1, 0.1],
      ['Cấp giấy phép xả nước thải vào nguồn nước', 30, 'partial', 1, 0.2],
    ],
    variants: ['Cấp lại', 'Điều chỉnh'],
    variantsOf: 2,
  },
  {
    field: 'Nông nghiệp và thủy sản',
    tier: 'department',
    departments: D('nnptnt', 'nnmt'),
    items: [
      ['Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông lâm thủy sản', 15, 'full', 1, 1.5],
      ['Cấp giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi tỉnh', 1, 'full', 1, 4],
      ['Cấp giấy phép khai thác thủy sản', 6, 'full', 1, 1],
      ['Đăng ký tàu cá', 3, 'partial', 1, 0.8],
      ['Cấp chứng chỉ hành nghề thú y', 5, 'full', 1, 0.3],
      ['Cấp giấy chứng nhận đủ điều kiện buôn bán phân bón', 15, 'full', 1, 0.4],
      ['Cấp giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 15, 'full', 1, 0.4],
      ['Phê duyệt phương án khai thác thực vật rừng', 10, 'partial', 0, 0.2],
    ],
    variants: ['Cấp lại', 'Gia hạn'],
    variantsOf: 3,
  },
  {
    field: 'Đường bộ',
    tier: 'department',
    departments: D('gtvt', 'xaydung'),
    items: [
      ['Cấp đổi giấy phép lái xe', 5, 'full', 1, 35],
      ['Cấp lại giấy phép lái xe', 10, 'full', 1, 4],
      ['Cấp giấy phép lái xe quốc tế', 5, 'full', 1, 1.5],
      ['Cấp phù hiệu xe kinh doanh vận tải', 2, 'full', 0, 6],
      ['Cấp giấy phép kinh doanh vận tải bằng xe ô tô', 5, 'full', 1, 0.8],
      ['Cấp giấy phép thi công công trình trên đường bộ đang khai thác', 7, 'full', 0, 0.6],
      ['Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn', 2, 'full', 1, 1.2],
      ['Đăng ký khai thác tuyến vận tải hành khách cố định', 5, 'full', 0, 0.3],
    ],
  },
  {
    field: 'Hoạt động xây dựng',
    tier: 'department',
    departments: D('xaydung'),
    items: [
      ['Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng', 25, 'partial', 1, 0.5],
      ['Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở', 30, 'partial', 1, 0.6],
      ['Cấp giấy phép xây dựng công trình cấp I, II', 20, 'partial', 1, 0.4],
      ['Cấp chứng chỉ hành nghề hoạt động xây dựng', 20, 'full', 1, 1.2],
      ['Cấp chứng chỉ năng lực hoạt động xây dựng', 20, 'full', 1, 0.5],
      ['Công nhận đủ điều kiện thực hiện dịch vụ kiểm định xây dựng', 10, 'partial', 1, 0.1],
    ],
    variants: ['Cấp lại', 'Điều chỉnh, bổ sung'],
    variantsOf: 2,
  },
  {
    field: 'Xây dựng (cấp huyện, xã)',
    tier: 'district',
    items: [
      ['Cấp giấy phép xây dựng nhà ở riêng lẻ', 15, 'partial', 1, 8],
      ['Cấp giấy phép sửa chữa, cải tạo nhà ở riêng lẻ', 15, 'partial', 1, 2],
      ['Cấp giấy phép di dời công trình', 15, 'partial', 1, 0.2],
      ['Thẩm định báo cáo kinh tế - kỹ thuật đầu tư xây dựng', 20, 'partial', 1, 0.6],
      ['Cấp giấy phép xây dựng có thời hạn', 15, 'partial', 1, 0.5],
    ],
  },
  {
    field: 'Thành lập và hoạt động doanh nghiệp',
    tier: 'department',
    departments: D('khdt', 'taichinh'),
    items: [
      ['Đăng ký thành lập công ty trách nhiệm hữu hạn', 3, 'full', 1, 3],
      ['Đăng ký thành lập công ty cổ phần', 3, 'full', 1, 1.2],
      ['Đăng ký thành lập doanh nghiệp tư nhân', 3, 'full', 1, 0.6],
      ['Đăng ký thay đổi nội dung đăng ký doanh nghiệp', 3, 'full', 1, 6],
      ['Thông báo tạm ngừng kinh doanh', 3, 'full', 0, 2],
      ['Giải thể doanh nghiệp', 5, 'full', 0, 0.8],
      ['Đăng ký hoạt động chi nhánh, văn phòng đại diện', 3, 'full', 1, 1.5],
      ['Cấp lại Giấy chứng nhận đăng ký doanh nghiệp', 3, 'full', 1, 0.3],
    ],
  },
  {
    field: 'Đầu tư',
    tier: 'department',
    departments: D('khdt', 'taichinh'),
    items: [
      ['Chấp thuận chủ trương đầu tư', 35, 'partial', 0, 0.3],
      ['Cấp Giấy chứng nhận đăng ký đầu tư', 15, 'partial', 0, 0.3],
      ['Điều chỉnh dự án đầu tư', 15, 'partial', 0, 0.4],
      ['Gia hạn thời hạn hoạt động của dự án đầu tư', 15, 'partial', 0, 0.1],
    ],
  },
  {
    field: 'Hộ kinh doanh và hợp tác xã',
    tier: 'district',
    items: [
      ['Đăng ký thành lập hộ kinh doanh', 3, 'full', 1, 10],
      ['Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 3, 'full', 1, 5],
      ['Tạm ngừng, chấm dứt hoạt động hộ kinh doanh', 3, 'full', 0, 3],
      ['Đăng ký thành lập hợp tác xã', 5, 'full', 1, 0.3],
      ['Cấp giấy phép kinh doanh bán lẻ rượu', 10, 'full', 1, 0.6],
      ['Cấp giấy phép bán lẻ sản phẩm thuốc lá', 10, 'full', 1, 0.5],
    ],
  },
  {
    field: 'Tài chính - Quản lý công sản',
    tier: 'department',
    departments: D('taichinh'),
    items: [
      ['Cấp mã số đơn vị có quan hệ với ngân sách', 2, 'full', 0, 1.5],
      ['Thẩm định giá tài sản công', 15, 'partial', 0, 0.2],
      ['Quyết toán dự án hoàn thành sử dụng vốn nhà nước', 60, 'partial', 0, 0.6],
      ['Xác lập quyền sở hữu toàn dân đối với tài sản', 30, 'partial', 0, 0.1],
    ],
  },
  {
    field: 'Công nghiệp và thương mại',
    tier: 'department',
    departments: D('congthuong'),
    items: [
      ['Cấp giấy phép kinh doanh bán buôn rượu', 15, 'full', 1, 0.2],
      ['Cấp giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu', 20, 'full', 1, 0.3],
      ['Cấp giấy phép hoạt động điện lực', 10, 'full', 1, 0.2],
      ['Đăng ký tổ chức hội chợ, triển lãm thương mại', 5, 'full', 0, 0.3],
      ['Cấp giấy chứng nhận xuất xứ hàng hóa', 1, 'full', 1, 1],
      ['Đăng ký hoạt động khuyến mại', 5, 'full', 0, 2],
      ['Cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm (công thương)', 15, 'full', 1, 0.5],
      ['Cấp giấy phép sử dụng vật liệu nổ công nghiệp', 10, 'partial', 1, 0.1],
    ],
    variants: ['Cấp lại', 'Điều chỉnh'],
    variantsOf: 3,
  },
  {
    field: 'Y tế',
    tier: 'department',
    departments: D('yte'),
    items: [
      ['Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh', 20, 'full', 1, 1.5],
      ['Cấp giấy phép hoạt động cơ sở khám bệnh, chữa bệnh', 45, 'partial', 1, 0.4],
      ['Cấp chứng chỉ hành nghề dược', 20, 'full', 1, 1.2],
      ['Cấp giấy chứng nhận đủ điều kiện kinh doanh dược', 20, 'full', 1, 0.8],
      ['Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (y tế)', 15, 'full', 1, 0.6],
      ['Công bố cơ sở đủ điều kiện sản xuất trang thiết bị y tế', 5, 'full', 0, 0.1],
      ['Cấp giấy tiếp nhận hồ sơ quảng cáo thực phẩm', 10, 'full', 1, 0.3],
      ['Giám định y khoa', 30, 'none', 1, 0.5],
    ],
    variants: ['Cấp lại', 'Điều chỉnh'],
    variantsOf: 4,
  },
  {
    field: 'Giáo dục và đào tạo',
    tier: 'department',
    departments: D('gddt'),
    items: [
      ['Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 1, 'full', 1, 3],
      ['Chỉnh sửa nội dung văn bằng, chứng chỉ', 5, 'full', 0, 0.5],
      ['Công nhận văn bằng tốt nghiệp do cơ sở nước ngoài cấp', 20, 'full', 0, 0.3],
      ['Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục', 20, 'partial', 0, 0.2],
      ['Cấp giấy phép tổ chức dạy thêm, học thêm', 10, 'full', 0, 0.6],
      ['Thành lập trường trung học phổ thông tư thục', 20, 'partial', 0, 0.05],
    ],
  },
  {
    field: 'Giáo dục (cấp huyện, xã)',
    tier: 'district',
    items: [
      ['Chuyển trường đối với học sinh trung học cơ sở', 3, 'full', 0, 2],
      ['Cho phép cơ sở giáo dục mầm non độc lập hoạt động', 20, 'partial', 0, 0.3],
      ['Xét, duyệt chính sách hỗ trợ học sinh bán trú', 10, 'partial', 0, 0.6],
      ['Công nhận xã đạt chuẩn phổ cập giáo dục', 20, 'none', 0, 0.05],
    ],
  },
  {
    field: 'Lao động, việc làm và người có công',
    tier: 'department',
    departments: D('ldtbxh', 'noivu'),
    items: [
      ['Cấp giấy phép lao động cho người nước ngoài', 5, 'full', 1, 1.5],
      ['Cấp lại giấy phép lao động cho người nước ngoài', 3, 'full', 1, 0.4],
      ['Gia hạn giấy phép lao động cho người nước ngoài', 5, 'full', 1, 0.5],
      ['Đăng ký nội quy lao động', 7, 'full', 0, 0.4],
      ['Giải quyết chế độ người có công với cách mạng', 20, 'partial', 0, 1],
      ['Cấp giấy phép hoạt động dịch vụ việc làm', 7, 'full', 1, 0.05],
      ['Giải quyết hưởng trợ cấp thất nghiệp', 20, 'full', 0, 4],
    ],
  },
  {
    field: 'Bảo trợ xã hội',
    tier: 'commune',
    items: [
      ['Trợ cấp xã hội hàng tháng cho đối tượng bảo trợ xã hội', 10, 'full', 0, 8],
      ['Hỗ trợ chi phí mai táng', 5, 'full', 0, 4],
      ['Xác định, xác định lại mức độ khuyết tật', 20, 'partial', 0, 3],
      ['Đăng ký hộ nghèo, hộ cận nghèo', 15, 'partial', 0, 3],
      ['Thay đổi nơi nhận trợ cấp xã hội', 5, 'full', 0, 1],
      ['Cấp giấy xác nhận khuyết tật', 5, 'partial', 0, 2],
    ],
  },
  {
    field: 'Văn hóa và thể thao',
    tier: 'department',
    departments: D('vhtt', 'vhttdl'),
    items: [
      ['Cấp giấy phép tổ chức lễ hội', 15, 'partial', 0, 0.2],
      ['Cấp giấy phép phổ biến phim', 10, 'full', 1, 0.1],
      ['Cấp giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao', 7, 'full', 1, 0.5],
      ['Cấp giấy phép tổ chức biểu diễn nghệ thuật', 5, 'full', 0, 0.6],
      ['Cấp giấy phép kinh doanh karaoke, vũ trường', 5, 'full', 1, 0.4],
    ],
  },
  {
    field: 'Du lịch',
    tier: 'department',
    departments: D('dulich', 'vhttdl'),
    items: [
      ['Cấp thẻ hướng dẫn viên du lịch nội địa', 10, 'full', 1, 0.4],
      ['Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa', 10, 'full', 1, 0.2],
      ['Công nhận hạng cơ sở lưu trú du lịch', 30, 'partial', 1, 0.2],
      ['Cấp đổi thẻ hướng dẫn viên du lịch', 10, 'full', 1, 0.1],
    ],
  },
  {
    field: 'Thông tin và truyền thông',
    tier: 'department',
    departments: D('tttt', 'khcn'),
    items: [
      ['Cấp giấy phép xuất bản bản tin', 15, 'full', 0, 0.1],
      ['Cấp giấy phép hoạt động in', 10, 'full', 0, 0.1],
      ['Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp', 10, 'full', 0, 0.1],
      ['Cấp giấy phép tổ chức triển lãm tài liệu', 7, 'full', 0, 0.05],
      ['Đăng ký hoạt động cơ sở in', 5, 'full', 0, 0.1],
    ],
  },
  {
    field: 'Khoa học và công nghệ',
    tier: 'department',
    departments: D('khcn'),
    items: [
      ['Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ', 15, 'full', 1, 0.1],
      ['Cấp giấy phép tiến hành công việc bức xạ', 20, 'full', 1, 0.2],
      ['Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ', 10, 'full', 0, 0.1],
      ['Cấp chứng chỉ nhân viên bức xạ', 10, 'full', 1, 0.1],
    ],
  },
  {
    field: 'Nội vụ',
    tier: 'department',
    departments: D('noivu'),
    items: [
      ['Thẩm định hồ sơ đề nghị khen thưởng', 20, 'partial', 0, 1.5],
      ['Công nhận ban vận động thành lập hội', 30, 'partial', 0, 0.05],
      ['Phê duyệt điều lệ hội', 30, 'partial', 0, 0.05],
      ['Thi tuyển, xét tuyển viên chức', 30, 'none', 0, 0.2],
      ['Cấp bản sao và chứng thực lưu trữ', 1, 'full', 1, 0.5],
    ],
  },
  {
    field: 'Dân tộc và tôn giáo',
    tier: 'department',
    departments: D('bandantoc', 'dantoctongiao', 'noivu'),
    items: [
      ['Công nhận người có uy tín trong đồng bào dân tộc thiểu số', 15, 'partial', 0, 0.1],
      ['Đăng ký hoạt động tôn giáo ở nhiều huyện', 30, 'partial', 0, 0.05],
      ['Thông báo tổ chức hội nghị thường niên của tổ chức tôn giáo', 15, 'full', 0, 0.05],
    ],
  },
  {
    field: 'Khu kinh tế, khu công nghiệp',
    tier: 'department',
    departments: D('bqlkkt'),
    items: [
      ['Cấp giấy phép lao động trong khu kinh tế', 5, 'full', 1, 0.3],
      ['Cấp Giấy chứng nhận đăng ký đầu tư trong khu kinh tế', 15, 'partial', 0, 0.1],
      ['Cấp giấy phép xây dựng trong khu kinh tế', 20, 'partial', 1, 0.1],
      ['Xác nhận hợp đồng cung ứng lao động', 5, 'full', 0, 0.1],
    ],
  },
  {
    field: 'Giải quyết khiếu nại, tố cáo',
    tier: 'department',
    departments: D('thanhtra', 'vpubnd'),
    items: [
      ['Giải quyết khiếu nại lần đầu', 30, 'none', 0, 0.1],
      ['Giải quyết khiếu nại lần hai', 45, 'none', 0, 0.05],
      ['Tiếp công dân', 1, 'none', 0, 0.2],
    ],
  },
  {
    field: 'Văn hóa, thông tin cơ sở',
    tier: 'district',
    items: [
      ['Công nhận gia đình văn hóa', 5, 'partial', 0, 0.6],
      ['Đăng ký tổ chức lễ hội cấp xã', 5, 'partial', 0, 0.3],
      ['Cấp giấy phép hoạt động thư viện cộng đồng', 10, 'partial', 0, 0.05],
      ['Cấp giấy chứng nhận đủ điều kiện kinh doanh dịch vụ karaoke (cấp huyện)', 5, 'full', 1, 0.3],
    ],
  },
  {
    field: 'Nông nghiệp (cấp huyện, xã)',
    tier: 'district',
    items: [
      ['Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai', 10, 'partial', 0, 1],
      ['Xác nhận nguồn gốc gỗ khai thác', 3, 'partial', 0, 0.5],
      ['Phê duyệt kế hoạch khuyến nông địa phương', 10, 'partial', 0, 0.05],
      ['Thẩm định, phê duyệt phương án ứng phó thiên tai', 10, 'none', 0, 0.1],
    ],
  },
];

const NATIONAL_PREFIX = ['1', '2'] as const;

/**
 * The catalogue: ~300 procedures. Codes are unique and stable for a given seed (`1.00xxxx` for procedures
 * defined by central ministries, `2.00xxxx` for those of localities — the shape of the national database).
 */
export function procedureCatalogue(seed = 2025): CatalogueEntry[] {
  const rnd = prng(seed ^ 0x5eed);
  const used = new Set<string>();
  const out: CatalogueEntry[] = [];
  const code = () => {
    for (;;) {
      const prefix = NATIONAL_PREFIX[rnd() < 0.8 ? 0 : 1];
      const n = String(Math.floor(rnd() * 10_000)).padStart(4, '0');
      const c = `${prefix}.00${n}`;
      if (!used.has(c)) {
        used.add(c);
        return c;
      }
    }
  };
  for (const f of FIELDS) {
    const names: (readonly [string, number, OnlineCapability, number, number])[] = [];
    f.items.forEach((item, i) => {
      names.push(item);
      if (i < (f.variantsOf ?? 0))
        for (const v of f.variants ?? []) {
          const base = item[0].replace(/^Cấp /, '');
          names.push([
            `${v} ${base.charAt(0).toLowerCase()}${base.slice(1)}`,
            item[1],
            item[2],
            item[3],
            item[4] * 0.15,
          ]);
        }
    });
    // Each base also exists in the "(thủ tục nội bộ)" and "(liên thông)" shapes at a lower volume, as in a
    // real provincial catalogue where many procedures are rarely used.
    for (const [name, limit, cap, fee, weight] of names) {
      const entries: [string, number][] = [[name, weight]];
      if (weight >= 1) entries.push([`${name} (liên thông)`, weight * 0.05]);
      for (const [n, w] of entries) {
        const c = code();
        out.push({
          code: c,
          name: n,
          field: f.field,
          level: f.tier === 'department' ? 'province' : 'commune',
          onlineCapability: cap,
          published: hash32(`published:${c}`) % 100 >= (n.endsWith('(liên thông)') ? 15 : 4),
          timeLimitDays: limit,
          tier: f.tier,
          departments: f.departments ?? [],
          feeShare: fee,
          weight: w,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Dossiers

/** A unit of the province with its whole validity (`validTo` inclusive, null = still in force). */
export type GeneratorUnit = {
  id: string;
  code: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
};

export type GeneratedDossier = {
  code: string;
  procedureCode: string;
  unitId: string;
  unitCode: string;
  channel: Channel;
  receivedAt: string;
  dueAt: string | null;
  resolvedAt: string | null;
  returnedAt: string | null;
  withdrawnAt: string | null;
  status: DossierStatus;
  statusReason: string | null;
  suspensions: Suspension[];
  feePayable: boolean;
  paidOnline: boolean;
  digitised: boolean;
  eResult: boolean;
  rating: Rating | null;
  complained: boolean;
};

export type GeneratorOptions = {
  seed: number;
  /** Exact number of dossiers to make. */
  rows: number;
  from: IsoDate;
  to: IsoDate;
  /** The day the data is exported: later events are not known yet (open dossiers). Default `to`. */
  asOf?: IsoDate;
  units: readonly GeneratorUnit[];
  catalogue: readonly CatalogueEntry[];
  calendar: Calendar;
};

/** Online share target on a day: the seeds' 28.84% level 3–4 share (about 2023), rising to the 80% target
 *  of 2025 (Nghị quyết/Quyết định on digital government), then slowly higher. */
export function onlineTarget(day: IsoDate): number {
  const t = (Date.parse(day) - Date.parse('2023-01-01')) / (365.25 * 86_400_000);
  if (t <= 0) return 0.2;
  if (t <= 3) return 0.2 + (0.8 - 0.2) * (t / 3);
  return Math.min(0.88, 0.8 + 0.03 * (t - 3));
}

const MONTH_FACTOR = [1.0, 0.85, 1.05, 0.95, 1.0, 1.05, 0.95, 0.95, 1.0, 1.05, 1.15, 1.25];

const CAPABILITY_FACTOR: Record<OnlineCapability, number> = { none: 0, partial: 0.75, full: 1.12 };

const SUSPENSION_REASONS = [
  'Chờ công dân bổ sung hồ sơ',
  'Chờ kết quả xác minh của cơ quan liên quan',
  'Chờ thực hiện nghĩa vụ tài chính',
  'Chờ ý kiến của cơ quan phối hợp',
];
const WITHDRAW_REASONS = ['Công dân xin rút hồ sơ', 'Tổ chức đề nghị dừng giải quyết'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** An instant at local time (UTC+7) on a day, `minutes` after midnight, as ISO 8601 with offset. */
const at = (day: IsoDate, minutes: number) => {
  const m = Math.min(Math.max(minutes, 0), 24 * 60 - 1);
  return `${day}T${pad(Math.floor(m / 60))}:${pad(Math.floor(m % 60))}:${pad(Math.floor((m * 60) % 60))}+07:00`;
};
const OPEN = 7 * 60 + 30;
const CLOSE = 17 * 60;
const officeTime = (r: () => number) => OPEN + r() * (CLOSE - OPEN - 1);

/** Days of Tết (the lunar new year's day) in a solar year. */
function tetDay(year: number): IsoDate {
  const d = lunarToSolar(year, 1, 1);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Relative volume of a day (before the working-day filter): season, Tết, the 2025 start-up, growth. */
export function dayWeight(cal: Calendar, day: IsoDate, tet: IsoDate): number {
  const month = Number(day.slice(5, 7));
  const year = Number(day.slice(0, 4));
  let w = MONTH_FACTOR[month - 1]! * (1 + 0.08 * (year - 2023));
  const sinceTet = (Date.parse(day) - Date.parse(tet)) / 86_400_000;
  if (sinceTet >= -14 && sinceTet < -5) w *= 1.3; // the rush before Tết
  if (sinceTet >= -5 && sinceTet <= 12) w *= 0.45; // Tết and the week after
  if (day >= '2025-07-01' && day <= '2025-07-15') w *= 0.8; // new communes start up
  return cal.isWorkingDay(day) ? w : w * 0.06; // online submissions on days off
}

/** Cumulative weights for weighted picks (binary search). */
class Picker<T> {
  private readonly cum: number[] = [];
  constructor(
    readonly items: readonly T[],
    weight: (t: T) => number,
  ) {
    let s = 0;
    for (const it of items) {
      s += Math.max(0, weight(it));
      this.cum.push(s);
    }
  }
  get empty() {
    return this.items.length === 0 || this.cum.at(-1)! <= 0;
  }
  pick(r: number): T {
    const target = r * this.cum.at(-1)!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

type Pool = {
  departments: Map<string, GeneratorUnit>;
  anyDepartment: Picker<GeneratorUnit>;
  local: Picker<GeneratorUnit>;
  communes: Picker<GeneratorUnit>;
};

/** Relative size of a local unit (stable across databases: from its code). */
const unitSize = (u: GeneratorUnit) =>
  (u.kind === 'district' ? 6 : 1) * (0.4 + ((hash32(u.code) % 1000) / 1000) * 1.6);

const validOn = (u: GeneratorUnit, day: IsoDate) =>
  u.validFrom <= day && (u.validTo === null || u.validTo >= day);

/**
 * The dossiers, one at a time in receipt order (a million never sit in memory). Every dossier is
 * received by a unit in force on both its submission day and its receipt day.
 */
export function* generateDossiers(o: GeneratorOptions): Generator<GeneratedDossier> {
  const cal = o.calendar;
  const asOf = o.asOf ?? o.to;
  const rnd = prng(o.seed);
  const units = [...o.units].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : a.validFrom < b.validFrom ? -1 : a.id < b.id ? -1 : 1,
  );

  // Days and how many dossiers each receives (exact total: cumulative rounding).
  const days: IsoDate[] = [];
  const weights: number[] = [];
  const tets = new Map<number, IsoDate>();
  for (let d = o.from; d <= o.to; d = addDays(d, 1)) {
    const year = Number(d.slice(0, 4));
    if (!tets.has(year)) tets.set(year, tetDay(year));
    days.push(d);
    weights.push(dayWeight(cal, d, tets.get(year)!));
  }
  const total = weights.reduce((a, b) => a + b, 0);

  const pools = new Map<IsoDate, Pool>();
  const poolOn = (day: IsoDate): Pool => {
    let p = pools.get(day);
    if (p) return p;
    const here = units.filter((u) => validOn(u, day));
    const departments = here.filter((u) => u.kind === 'department' || u.kind === 'management_board');
    const districts = here.filter((u) => u.kind === 'district');
    const communes = here.filter((u) => u.kind === 'commune');
    p = {
      departments: new Map(departments.map((u) => [u.code, u])),
      anyDepartment: new Picker(departments, () => 1),
      // District-tier procedures: the district while there is one, else the commune.
      local: new Picker(districts.length ? districts : communes, unitSize),
      communes: new Picker(communes, unitSize),
    };
    pools.set(day, p);
    return p;
  };
  const receiverOf = (proc: CatalogueEntry, day: IsoDate, r: number): GeneratorUnit | null => {
    const p = poolOn(day);
    if (proc.tier === 'department') {
      for (const code of proc.departments) {
        const u = p.departments.get(code);
        if (u) return u;
      }
      return p.anyDepartment.empty ? null : p.anyDepartment.pick(r);
    }
    const picker = proc.tier === 'district' ? p.local : p.communes;
    return picker.empty ? null : picker.pick(r);
  };

  const anyProcedure = new Picker(o.catalogue, (p) => p.weight);
  const onlineProcedure = new Picker(
    o.catalogue.filter((p) => p.onlineCapability !== 'none'),
    (p) => p.weight,
  );
  // Some units are slower than others (the late share differs by unit).
  const lateFactor = (u: GeneratorUnit) => 0.3 + ((hash32(`late:${u.code}`) % 1000) / 1000) * 2.4;

  let cumulative = 0;
  let emitted = 0;
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    cumulative += weights[i]!;
    const upTo = i === days.length - 1 ? o.rows : Math.round((cumulative / total) * o.rows);
    const count = upTo - emitted;
    emitted = upTo;
    if (count <= 0) continue;
    const working = cal.isWorkingDay(day);
    const target = onlineTarget(day);
    const yymmdd = day.slice(2).replaceAll('-', '');
    const seq = new Map<string, number>();
    const progress = Math.min(
      1,
      Math.max(0, (Date.parse(day) - Date.parse('2023-01-01')) / (3 * 365.25 * 86_400_000)),
    );

    for (let k = 0; k < count; k++) {
      const proc = (working ? anyProcedure : onlineProcedure).pick(rnd());
      let channel: Channel;
      if (!working) channel = 'online';
      else if (rnd() < Math.min(0.97, target * CAPABILITY_FACTOR[proc.onlineCapability])) channel = 'online';
      else channel = rnd() < 0.03 ? 'post' : 'in_person';

      // Submission time: office hours for counters; online also evenings and days off (received the next
      // working day). The receiving unit must be in force on both days.
      let submitted = day;
      let minutes: number;
      if (!working) minutes = 6 * 60 + rnd() * 17 * 60;
      else if (channel === 'online' && rnd() < 0.25) minutes = CLOSE + rnd() * (24 * 60 - CLOSE - 1);
      else minutes = officeTime(rnd);
      let receivedAt = at(submitted, minutes);
      let received = cal.effectiveReceiptDay(new Date(receivedAt));
      const pickR = rnd();
      let unit = receiverOf(proc, received, pickR);
      if (unit && !validOn(unit, submitted)) {
        // Across a reorganisation: count it as submitted on the receipt day, in office hours.
        submitted = received;
        minutes = officeTime(rnd);
        receivedAt = at(submitted, minutes);
        received = cal.effectiveReceiptDay(new Date(receivedAt));
        unit = receiverOf(proc, received, pickR);
      }
      if (!unit) continue; // no unit of that tier that day (not in the demo registry)
      const n = (seq.get(unit.code) ?? 0) + 1;
      seq.set(unit.code, n);

      const limit = proc.timeLimitDays;
      const dueDay = cal.addWorkingDays(received, limit);
      const receivedMinutes = submitted === received ? minutes : -1;

      // Outcome: withdrawn, early, on time, late (the late share falls over the years).
      const u = rnd();
      const lateShare = 0.003 * (1 - 0.6 * progress) * lateFactor(unit);
      let withdrawn = false;
      let wd: number;
      if (u < 0.004) {
        withdrawn = true;
        wd = 1 + Math.floor(rnd() * Math.max(1, Math.min(limit, 3)));
      } else if (u < 0.004 + lateShare) {
        wd = limit + 1 + Math.floor(rnd() * rnd() * (rnd() < 0.05 ? 60 : 10)); // late
      } else if (limit === 0 || rnd() < 0.14) {
        wd = limit; // on time
      } else {
        wd = Math.floor(rnd() * rnd() * limit); // early
      }

      // A suspension (tạm dừng) for some longer procedures: starts before the due day, moves it.
      const suspensions: Suspension[] = [];
      let s = 0;
      if (!withdrawn && limit >= 2 && rnd() < 0.025) {
        s = 2 + Math.floor(rnd() * 8);
        const from = cal.addWorkingDays(received, Math.floor(rnd() * Math.min(wd, limit)));
        suspensions.push({
          from,
          to: cal.addWorkingDays(from, s),
          reason: SUSPENSION_REASONS[Math.floor(rnd() * SUSPENSION_REASONS.length)]!,
        });
      }

      let status: DossierStatus;
      let statusReason: string | null = null;
      let resolvedAt: string | null = null;
      let returnedAt: string | null = null;
      let withdrawnAt: string | null = null;
      const closeDay = cal.addWorkingDays(received, wd + s);
      const closeMinutes = Math.max(officeTime(rnd), closeDay === received ? receivedMinutes + 30 : 0);
      if (closeDay > asOf) {
        // Still open on the export day: processing, or suspended when a suspension is open then.
        const open = suspensions[0];
        if (open && open.from <= asOf) {
          if (open.to! > asOf) {
            open.to = null;
            status = 'suspended';
            statusReason = open.reason;
          } else status = 'processing';
        } else {
          suspensions.length = 0;
          status = 'processing';
        }
      } else if (withdrawn) {
        status = 'withdrawn';
        statusReason = WITHDRAW_REASONS[Math.floor(rnd() * WITHDRAW_REASONS.length)]!;
        withdrawnAt = at(closeDay, closeMinutes);
      } else {
        resolvedAt = at(closeDay, closeMinutes);
        status = 'resolved';
        if (rnd() < 0.94) {
          const back = cal.addWorkingDays(closeDay, Math.floor(rnd() * rnd() * 4));
          if (back <= asOf) {
            status = 'returned';
            returnedAt =
              back === closeDay
                ? at(back, Math.min(closeMinutes + 45, 24 * 60 - 1))
                : at(back, officeTime(rnd));
          }
        }
      }
      const resolved = resolvedAt !== null;
      const online = channel === 'online';
      const feePayable = rnd() < proc.feeShare;
      const rated = resolved && rnd() < (online ? 0.3 : 0.12);
      const ru = rnd();
      yield {
        code: `${unit.code}-${yymmdd}-${pad(n, 4)}`,
        procedureCode: proc.code,
        unitId: unit.id,
        unitCode: unit.code,
        channel,
        receivedAt,
        dueAt: at(dueDay, CLOSE - 1),
        resolvedAt,
        returnedAt,
        withdrawnAt,
        status,
        statusReason,
        suspensions,
        feePayable,
        paidOnline: feePayable && rnd() < (online ? 0.35 + 0.45 * progress : 0.05 + 0.1 * progress),
        digitised: rnd() < 0.35 + 0.55 * progress,
        eResult: resolved && rnd() < (online ? 0.3 + 0.6 * progress : 0.1 + 0.4 * progress),
        rating: rated ? (ru < 0.56 ? 'very_satisfied' : ru < 0.985 ? 'satisfied' : 'not_satisfied') : null,
        complained: resolved && rnd() < 0.0004,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// CSV: a one-stop system's export in the default layout of the file import
// (import/column-mapping.ts DEFAULT_MAPPING, docs/templates/dossiers-import.md)

/** The header row: the default mapping's column names, in its order. */
export const CSV_HEADER: readonly string[] = Object.keys(DEFAULT_MAPPING.columns);

const csvCell = (v: string | boolean | null): string => {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
};

/**
 * One CSV line (no line break) of a generated dossier: the receiving unit by its code, times as ISO
 * instants, codes for channel, status and rating, booleans as "Có"/"Không"; at most one suspension, as
 * exports carry it, with its reason in "Lý do" when the status has none of its own.
 */
export function dossierCsvLine(d: GeneratedDossier): string {
  const s = d.suspensions[0];
  const value: Record<ImportField, string | boolean | null> = {
    code: d.code,
    procedureCode: d.procedureCode,
    unitCode: d.unitCode,
    unitId: d.unitId,
    channel: d.channel,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    resolvedAt: d.resolvedAt,
    returnedAt: d.returnedAt,
    withdrawnAt: d.withdrawnAt,
    status: d.status,
    statusReason: d.statusReason ?? s?.reason ?? null,
    suspendedFrom: s?.from ?? null,
    suspendedTo: s?.to ?? null,
    feePayable: d.feePayable,
    paidOnline: d.paidOnline,
    digitised: d.digitised,
    eResult: d.eResult,
    rating: d.rating,
    complained: d.complained,
  };
  return CSV_HEADER.map((h) => csvCell(value[DEFAULT_MAPPING.columns[h]!]!)).join(',');
}
