/**
 * Who acts next on an item of the task workflow (./task-status.ts), in plain words for the confirmation
 * a person sees after acting: the lead unit while the work is open or returned, the standing agency
 * while a report awaits verification, nobody once it is verified or cancelled.
 */
import type { TaskStatus } from './task-status.js';

export type NextActor = { vi: string; en: string } | null;

export function taskNextActor(status: TaskStatus, unitName: string): NextActor {
  switch (status) {
    case 'not_started':
    case 'in_progress':
      return {
        vi: `${unitName} thực hiện và báo cáo kết quả kèm minh chứng.`,
        en: `${unitName} does the work and reports the result with evidence.`,
      };
    case 'returned':
      return {
        vi: `${unitName} bổ sung theo ý kiến trả lại và báo cáo lại.`,
        en: `${unitName} completes what was asked and reports again.`,
      };
    case 'reported_done':
      return {
        vi: 'Cơ quan thường trực (Sở Nội vụ) kiểm tra, xác nhận hoặc trả lại.',
        en: 'The standing agency (Department of Home Affairs) checks it, then verifies or returns it.',
      };
    case 'verified':
    case 'cancelled':
      return null;
  }
}
