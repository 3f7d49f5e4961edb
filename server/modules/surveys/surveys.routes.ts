import type { App } from '../../core/http.js';

/** The office's surveys API (`/api/surveys…`). */
export async function surveysRoutes(_app: App) {}
