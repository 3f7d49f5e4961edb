/** The briefing pack's API contract (the web's types come from here: server/web-contract.test.ts). */
import { z } from 'zod';
import { meetingFileOut, meetingOut } from '../meetings/meetings.schemas.js';

export const briefingOut = z
  .object({
    /** The meeting as it is now, its files (the new pack among them) included. */
    meeting: meetingOut,
    /** The pack just made: the .docx, then the PDF. */
    files: z.array(meetingFileOut),
  })
  .meta({ id: 'BriefingPack' });
export type BriefingOut = z.infer<typeof briefingOut>;
