import { UNTRANSLATED_MARK } from './format-0.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A plain string becomes `{ en, zh }` with the Chinese marked as an untranslated copy. */
function localized(value: unknown): unknown {
  return typeof value === 'string' ? { en: value, zh: `${UNTRANSLATED_MARK}${value}` } : value;
}

/** A copy of `object` with the listed text properties localized (only those present). */
function withTexts(object: Json, keys: readonly string[]): Json {
  const copy: Json = { ...object };
  for (const key of keys) if (Object.hasOwn(copy, key)) copy[key] = localized(copy[key]);
  return copy;
}

/** Maps a list when it is one; leaves anything else for schema validation to report. */
function mapList(value: unknown, map: (item: Json) => Json): unknown {
  return Array.isArray(value) ? (value as unknown[]).map((item) => (isObject(item) ? map(item) : item)) : value;
}

/** Maps an object property when it is an object. */
function mapProperty(object: Json, key: string, map: (value: Json) => Json): Json {
  return isObject(object[key]) ? { ...object, [key]: map(object[key]) } : object;
}

const effect = (e: Json): Json => {
  if (e.type === 'notify') return withTexts(e, ['message']);
  if (e.type === 'appendWorkNote') return withTexts(e, ['text']);
  return e;
};

const field = (f: Json): Json => withTexts(f, ['x-label']);

/**
 * Upgrades a format-0 document to format 1 (see {@link FORMAT_0}). Pure: the input is not
 * modified; parts that do not change are shared. Malformed parts are left as they are, for the
 * schema validation to report.
 */
export function migrate0To1(document: Json): Json {
  const { initial, ...rest } = document;
  let doc: Json = withTexts(rest, ['title', 'description']);
  doc = { ...doc, formatVersion: 1, calendars: [] };
  if (initial !== undefined) doc.initialState = initial;
  doc = mapProperty(doc, 'record', (record) =>
    mapProperty(record, 'schema', (schema) =>
      mapProperty(schema, 'properties', (properties) =>
        Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, isObject(v) ? field(v) : v])),
      ),
    ),
  );
  doc.roles = mapList(doc.roles, (role) => withTexts(role, ['label', 'description']));
  doc.states = mapList(doc.states, (state) => ({
    ...withTexts(state, ['label']),
    ...(Object.hasOwn(state, 'onEntry') ? { onEntry: mapList(state.onEntry, effect) } : {}),
    ...(Object.hasOwn(state, 'timers')
      ? { timers: mapList(state.timers, (timer) => ({ time: 'calendar', ...timer })) }
      : {}),
  }));
  doc.transitions = mapList(doc.transitions, (transition) => ({
    ...withTexts(transition, ['label']),
    ...(Object.hasOwn(transition, 'effects') ? { effects: mapList(transition.effects, effect) } : {}),
  }));
  doc.decisions = mapList(doc.decisions, (decision) => ({
    ...withTexts(decision, ['label']),
    inputs: mapList(decision.inputs, (input) => withTexts(input, ['label'])),
    outputs: mapList(decision.outputs, (output) => withTexts(output, ['label'])),
    rows: mapList(decision.rows, (row) => withTexts(row, ['description'])),
  }));
  doc.ruleSets = mapList(doc.ruleSets, (ruleSet) => withTexts(ruleSet, ['label']));
  doc.forms = mapList(doc.forms, (form) => ({
    ...withTexts(form, ['label']),
    sections: mapList(form.sections, (section) => ({
      ...withTexts(section, ['label']),
      fields: mapList(section.fields, (f) => withTexts(f, ['label', 'help'])),
    })),
  }));
  doc.clocks = mapList(doc.clocks, (clock) => withTexts(clock, ['label']));
  // Keep absent lists absent: the schema then names what is missing.
  for (const key of ['roles', 'states', 'transitions', 'decisions', 'ruleSets', 'forms', 'clocks']) {
    if (!Object.hasOwn(document, key)) delete doc[key];
  }
  return doc;
}
