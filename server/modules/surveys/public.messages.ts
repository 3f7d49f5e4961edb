/** The public survey form's messages (vi first, en), joined to the catalogs by ./surveys.module.ts. */
export const PUBLIC_SURVEY_MESSAGES = {} as const;
