/** Shapes of the API shared by several features (each feature keeps its own types otherwise). */

export type Role =
  | 'admin'
  | 'standing_officer'
  | 'committee_leader'
  | 'committee_member'
  | 'focal_point'
  | 'unit_leader'
  | 'appraiser'
  | 'inspector'
  | 'hotline_officer';

export type SectionId =
  'home' | 'documents' | 'units' | 'users' | 'audit' | 'calendar' | 'profile' | (string & {});

export type Session = {
  user: { id: string; email: string; fullName: string; unitId: string | null; locale: string };
  grants: { id: string; role: Role; unitId: string }[];
  roles: Role[];
  csrfToken: string;
  expiresAt: string;
  navigation: SectionId[];
};

export type Unit = {
  id: string;
  code: string;
  name: string;
  fullName: string;
  kind: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  version: number;
};

export type JournalEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
};
