import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, type ProblemDetails } from './client.ts';

/** A form field's name path, as antd's Form names fields. */
export type FieldPath = (string | number)[];

/** The field path a JSON Pointer names (RFC 6901; array indexes become numbers). */
export function pointerToPath(pointer: string): FieldPath {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((token) => (/^(0|[1-9]\d*)$/.test(token) ? Number(token) : token));
}

/** A problem split into messages for known fields and what is left for a general message. */
export interface ProblemDisplay {
  fields: { name: FieldPath; errors: string[] }[];
  /** The general message with the code (undefined when every error sits beside its field). */
  message?: string;
  code?: string;
}

type FieldError = NonNullable<ProblemDetails['errors']>[number];

/** The longest known field (dotted, e.g. `name.en`) that a body path starts with. */
function knownField(path: FieldPath, knownFields: readonly string[]): FieldPath | undefined {
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    if (knownFields.includes(prefix.join('.'))) return prefix;
  }
  return undefined;
}

/**
 * How a failed call is shown: each body error beside the field its JSON Pointer names (the
 * longest known prefix, so `/groups/0` lands on `groups`), else as a message with its code.
 */
export function displayProblem(error: unknown, t: TFunction, knownFields: readonly string[]): ProblemDisplay {
  if (!(error instanceof ApiError) || !error.problem) {
    return { fields: [], message: t('problem.unknown') };
  }
  const { problem } = error;
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: FieldError[] = [];
  for (const item of problem.errors ?? []) {
    const field =
      item.in === undefined || item.in === 'body' ? knownField(pointerToPath(item.path), knownFields) : undefined;
    if (!field) {
      unplaced.push(item);
      continue;
    }
    const key = field.join('.');
    byField.set(key, { name: field, errors: [...(byField.get(key)?.errors ?? []), fieldMessage(item, t)] });
  }
  const fields = [...byField.values()];
  if (fields.length > 0 && unplaced.length === 0) return { fields };
  const text = t(`problem.codes.${problem.code}`, { defaultValue: problem.title });
  const details = unplaced.map((item) => `${item.path || '/'}: ${fieldMessage(item, t)}`);
  return { fields, code: problem.code, message: [text, problem.detail, ...details].filter(Boolean).join(' — ') };
}

function fieldMessage(item: FieldError, t: TFunction): string {
  // The server's message is English; Chinese shows the code's meaning and keeps the detail.
  const known = t(`problem.fields.${item.code}`, { defaultValue: '' });
  return t('problem.fieldMessage', { meaning: known || item.code, message: item.message });
}

/** Puts a failed call's field errors beside their fields; returns the rest for a message. */
export function showProblem<T>(
  form: FormInstance<T>,
  error: unknown,
  t: TFunction,
  knownFields: readonly string[],
): ProblemDisplay {
  const shown = displayProblem(error, t, knownFields);
  // antd types field names by the form's value type; these come from known field names.
  form.setFields(shown.fields as Parameters<FormInstance<T>['setFields']>[0]);
  return shown;
}
