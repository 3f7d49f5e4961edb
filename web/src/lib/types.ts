/** Shapes of the API shared by several features: the server's own types (its Zod schemas). */

export type { Role } from '../../../server/modules/access/access.schemas';
export type { SectionId, SessionOut as Session } from '../../../server/modules/auth/auth.schemas';

/** A unit as it stood on a date (`GET /api/units`, `/api/units/:id`). */
export type { UnitOut as Unit } from '../../../server/modules/units/units.schemas';

export type { JournalEntryOut as JournalEntry } from '../../../server/modules/audit/audit.schemas';
