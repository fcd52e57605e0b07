import { defineCodeCatalogue } from '@clauseflow/common';
import reportIssues from './report-issues.json' with { type: 'json' };

/**
 * Why a report request was refused. Each is sent as the `issue` of an `INVALID_VALUE` entry of a
 * `VALIDATION_FAILED` problem, with a JSON Pointer into the query string (`/from`, `/to`, `/tz`).
 * The texts are data, in `report-issues.json`.
 */
export const REPORT_ISSUES = defineCodeCatalogue('report issue', reportIssues);

/** A report issue code. */
export type ReportIssue = keyof typeof REPORT_ISSUES;
