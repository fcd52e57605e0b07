import type { Definition } from '../format/definition.ts';
import { CURRENT_FORMAT_VERSION } from '../format/definition.ts';
import { migrateDefinition } from '../migrations/migrate-definition.ts';
import { createIssue, hasErrors, type Issue } from './issue.ts';
import { validateDefinitionShape } from './schema-validation.ts';
import { validateDefinition } from './validate-definition.ts';

/** The outcome of {@link parseDefinition}. */
export interface ParseResult {
  /**
   * The definition, in the current format, whenever the document has the format's shape — even
   * with semantic errors, so an editor can keep working on it. Check `valid` before running or
   * publishing it.
   */
  definition?: Definition;
  /** No issue has error severity. */
  valid: boolean;
  /** Every problem found, as data; paths are JSON Pointers into the (migrated) document. */
  issues: Issue[];
}

/**
 * Reads any JSON value as a process definition: upgrades an older format version (a MIGRATED
 * warning), validates it against the format's JSON Schema (SCHEMA_VIOLATION issues), and, when
 * the shape is right, runs the semantic checks. Never throws.
 */
export function parseDefinition(json: unknown): ParseResult {
  const issues: Issue[] = [];
  try {
    const { document, migratedFrom } = migrateDefinition(json);
    if (migratedFrom !== undefined) {
      issues.push(createIssue('MIGRATED', '/formatVersion', { from: migratedFrom, to: CURRENT_FORMAT_VERSION }));
    }
    const shape = validateDefinitionShape(document);
    issues.push(...shape);
    if (shape.length > 0) return { valid: false, issues };
    const definition = document as Definition;
    issues.push(...validateDefinition(definition));
    return { definition, valid: !hasErrors(issues), issues };
  } catch (error) {
    // A stack overflow on absurdly deep input, for instance: still an answer, never a throw.
    const reason = error instanceof Error ? error.message : String(error);
    issues.push(createIssue('ANALYSIS_FAILED', '', { reason }));
    return { valid: false, issues };
  }
}
