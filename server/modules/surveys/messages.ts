/** The surveys office's messages (vi first, en), joined to the catalogs by ./surveys.module.ts. */
export const SURVEY_MESSAGES = {} as const;
