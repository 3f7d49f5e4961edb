/** The standings' pure rules (./README.md of the module): dimensions, change, weakness, targets, the workbook's rows. */
export * from './dimensions.js';
export * from './assessment.js';
export * from './import-rows.js';
