/**
 * The hotline's public contract, read from the server's Zod schemas as types only (erased from the bundle):
 * a change on the server that the pages do not follow fails `tsc -p tsconfig.web.json`.
 */
import type { z } from 'zod';
import type {
  PublicCaseOut,
  PublicFeedbackIn,
  publicFormOut,
  publishedListOut,
  submittedOut,
} from '../../../../server/modules/hotline/hotline.schemas';

export type { PublicCaseOut };
export type PublicForm = z.infer<typeof publicFormOut>;
export type Category = PublicForm['categories'][number];
export type FormLimits = PublicForm['limits'];
export type Submitted = z.infer<typeof submittedOut>;
export type PublishedList = z.infer<typeof publishedListOut>;
export type PublishedItem = PublishedList['items'][number];
export type PublicStage = PublicCaseOut['stage'];
export type PublicStep = PublicCaseOut['steps'][number];
export type Satisfaction = NonNullable<PublicCaseOut['satisfaction']>;
/** The JSON sent in the `data` field of the submission (the server's input, after its defaults). */
export type FeedbackPayload = Omit<PublicFeedbackIn, 'subjectUnitId' | 'lat' | 'lng' | 'idempotencyKey'> & {
  subjectUnitId: string | null;
  lat: number | null;
  lng: number | null;
  idempotencyKey: string;
};
/** `GET /api/public/hotline/units?q=` (not in the schemas yet: the contract of the brief). */
export type UnitOption = { id: string; name: string };
export type UnitSearchOut = { items: UnitOption[] };
export type Bilingual = { vi: string; en: string };
