import type { App } from '../../core/http.js';

/** The public form's API (`/api/public/surveys…`). */
export async function publicSurveyRoutes(_app: App) {}
