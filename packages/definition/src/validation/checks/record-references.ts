import type { Definition } from '../../format/definition.ts';
import { recordReferenceFields, type FieldSchema } from '../../format/record.ts';
import { createIssue, type Issue } from '../issue.ts';
import { pointer } from '../json-pointer.ts';

const PROCESS_KEY = /^[a-z][a-z0-9-]{0,63}$/;

/** Is `type` the given JSON type, alone or together with `null`? */
function isType(type: unknown, expected: string): boolean {
  if (type === expected) return true;
  return Array.isArray(type) && type.includes(expected) && type.every((t) => t === expected || t === 'null');
}

/** Can the field's schema hold what a reference stores: one record id, or with `many` a list of them? */
function holdsIds(schema: FieldSchema, many: boolean): boolean {
  if (!many) return isType(schema['type'], 'string');
  const items = schema['items'];
  return (
    isType(schema['type'], 'array') &&
    items !== null &&
    typeof items === 'object' &&
    !Array.isArray(items) &&
    isType((items as Record<string, unknown>)['type'], 'string')
  );
}

/**
 * INVALID_RECORD_REFERENCE: an `x-ref` names a kebab-case process key and sits on a field that
 * can hold record ids (a string; with `many`, an array of strings); a form's `record` widget is
 * used only on such a field. Whether the named process exists is checked at publish
 * ({@link checkReferencedProcesses}): the definition alone cannot know.
 */
export function checkRecordReferences(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  const properties = definition.record.schema.properties;
  for (const ref of recordReferenceFields(definition.record.schema)) {
    const at = pointer('record', 'schema', 'properties', ref.field);
    if (!PROCESS_KEY.test(ref.process)) {
      issues.push(
        createIssue('INVALID_RECORD_REFERENCE', `${at}/x-ref/process`, {
          field: ref.field,
          detail: `the process key "${ref.process}" is not kebab-case (a lowercase letter, then lowercase letters, digits or "-"; 64 at most).`,
          detailZh: `流程键“${ref.process}”不是短横线小写格式（小写字母开头，其后为小写字母、数字或“-”，最多 64 个字符）。`,
        }),
      );
    }
    const schema = properties[ref.field]!;
    if (!holdsIds(schema, ref.many)) {
      issues.push(
        createIssue('INVALID_RECORD_REFERENCE', Object.hasOwn(schema, 'type') ? `${at}/type` : at, {
          field: ref.field,
          detail: ref.many
            ? 'a list of references ("many") must be of type "array" with items of type "string" (record ids).'
            : 'a reference must be of type "string" (a record id); set "many" for a list.',
          detailZh: ref.many
            ? '引用列表（"many"）的类型必须为 "array"，且其 items 的类型为 "string"（记录标识）。'
            : '引用的类型必须为 "string"（记录标识）；如需列表，请设置 "many"。',
        }),
      );
    }
  }
  definition.forms.forEach((form, i) => {
    form.sections.forEach((section, j) => {
      section.fields.forEach((field, k) => {
        if (field.widget !== 'record' || !Object.hasOwn(properties, field.field)) return;
        if (properties[field.field]!['x-ref'] !== undefined) return;
        issues.push(
          createIssue('INVALID_RECORD_REFERENCE', pointer('forms', i, 'sections', j, 'fields', k, 'widget'), {
            field: field.field,
            detail: 'the "record" widget needs a record-reference field (one with "x-ref").',
            detailZh: '“record”控件只能用于记录引用字段（带有 "x-ref" 的字段）。',
          }),
        );
      });
    });
  });
  return issues;
}

/**
 * UNKNOWN_REFERENCED_PROCESS: every process an `x-ref` names is published (`published` holds
 * the keys that are) or is the definition's own process. Run by the server at publish; keys
 * that are not kebab-case are left to {@link checkRecordReferences}.
 */
export function checkReferencedProcesses(definition: Definition, published: ReadonlySet<string>): Issue[] {
  return recordReferenceFields(definition.record.schema)
    .filter((ref) => PROCESS_KEY.test(ref.process) && ref.process !== definition.key && !published.has(ref.process))
    .map((ref) =>
      createIssue(
        'UNKNOWN_REFERENCED_PROCESS',
        pointer('record', 'schema', 'properties', ref.field, 'x-ref', 'process'),
        { field: ref.field, process: ref.process },
      ),
    );
}
