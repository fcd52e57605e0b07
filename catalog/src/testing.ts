/** Test support shared with other packages' tests (not product code). */
export { formTransitionCases, sampleValue, type FormTransitionCase } from './templates/form-transition-cases.ts';
