import type { RequestContext } from '../../core/context.js';
import type { DemoFacts } from '../../core/module.js';

/** The demo province's surveys. */
export async function seedDemoSurveys(_ctx: RequestContext, _facts: DemoFacts): Promise<boolean> {
  return false;
}
