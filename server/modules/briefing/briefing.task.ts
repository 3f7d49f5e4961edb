/**
 * The briefing pack's files, made in a worker thread (server/core/jobs, decision 0006): rasterising the charts
 * and writing the .docx and the PDF take seconds of CPU that no request should wait behind. The main thread
 * gathers the facts and builds the content; the worker never opens the database.
 */
import { defineTask } from '../../core/jobs/task.js';
import type { BriefingContent } from './briefing-content.js';
import { renderBriefing } from './briefing-render.js';

export type BriefingTaskInput = { content: BriefingContent; fontsDir: string };

export const task = defineTask(async ({ content, fontsDir }: BriefingTaskInput) =>
  renderBriefing(content, fontsDir),
);
