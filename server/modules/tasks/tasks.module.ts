/** The steering rules shared by plan tasks and pilot items: their refusals' messages. (See server/core/module.ts.) */
import { defineModule } from '../../core/module.js';
import { TASK_MESSAGES } from './messages.js';

export const tasksModule = defineModule({ name: 'tasks', messages: TASK_MESSAGES });
