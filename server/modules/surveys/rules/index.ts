/**
 * The survey module's pure rules (issue 17), for the module's services and for other modules: definitions and
 * their checks, one response's answers, sampling and intervals, indices, duplicate patterns and anonymity.
 */
export * from './text.js';
export * from './definition.js';
export * from './answers.js';
export * from './sampling.js';
export * from './indices.js';
export * from './duplicates.js';
export * from './anonymity.js';
