import { describe, expect, test } from 'vitest';
import { parseDefinition } from '../validation/parse-definition.ts';
import { incidentExample } from '../validation/test-definitions.ts';
import { UNTRANSLATED_MARK } from './format-0.ts';
import { migrate0To1 } from './migrate-0-to-1.ts';
import { migrateDefinition } from './migrate-definition.ts';

type Json = Record<string, unknown>;

/** The incident example written back in format 0: `initial`, plain English labels, no calendars. */
function incidentInFormat0(): Json {
  const d = incidentExample() as unknown as Json;
  const english = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && 'en' in value ? (value as { en: string }).en : value;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) =>
        ['title', 'description', 'label', 'help', 'message', 'text', 'x-label'].includes(k) &&
        v !== null &&
        typeof v === 'object' &&
        'en' in v
          ? [k, english(v)]
          : [k, walk(v)],
      ),
    );
  };
  const doc = walk(d) as Json;
  const { initialState, calendars: _calendars, ...rest } = doc;
  const clocks = (rest.clocks as Json[]).map(({ calendar: _calendar, ...clock }) => clock);
  const states = (rest.states as Json[]).map((state) =>
    state.timers === undefined
      ? state
      : { ...state, timers: (state.timers as Json[]).map(({ time: _time, calendar: _calendar, ...timer }) => timer) },
  );
  return { ...rest, formatVersion: 0, initial: initialState, clocks, states };
}

describe('format migrations', () => {
  test('given a format-0 definition, when migrated, then it has format 1 shape with marked Chinese placeholders', () => {
    const v0 = incidentInFormat0();
    const before = JSON.stringify(v0);
    const v1 = migrate0To1(v0);
    expect(JSON.stringify(v0)).toBe(before);
    expect(v1.formatVersion).toBe(1);
    expect(v1.initialState).toBe('new');
    expect('initial' in v1).toBe(false);
    expect(v1.calendars).toEqual([]);
    expect(v1.title).toEqual({ en: 'Incident management', zh: `${UNTRANSLATED_MARK}Incident management` });
    const states = v1.states as { label: unknown; timers?: { time: string }[] }[];
    expect(states[0]!.label).toEqual({ en: 'New', zh: `${UNTRANSLATED_MARK}New` });
    expect(states[1]!.timers?.[0]?.time).toBe('calendar');
  });

  test('given a format-0 definition, when parsed, then it is upgraded, valid, and a MIGRATED warning names the original version', () => {
    const result = parseDefinition(incidentInFormat0());
    expect(result.issues).toEqual([
      {
        code: 'MIGRATED',
        severity: 'warning',
        path: '/formatVersion',
        message: 'Upgraded from format version 0 to 1; save it again to keep the new format.',
        params: { from: 0, to: 1 },
      },
    ]);
    expect(result.valid).toBe(true);
    expect(result.definition?.formatVersion).toBe(1);
  });

  test('given a format-1 definition, when migrated, then it is returned as is and no MIGRATED issue is reported', () => {
    const v1 = incidentExample();
    expect(migrateDefinition(v1)).toEqual({ document: v1 });
    expect(parseDefinition(v1).issues.filter((i) => i.code === 'MIGRATED')).toEqual([]);
  });

  test.each([null, 'x', [], { formatVersion: 7 }, { formatVersion: -1 }, { formatVersion: '0' }])(
    'given %j, when migrated, then it is returned unchanged for the schema to judge',
    (input) => {
      expect(migrateDefinition(input)).toEqual({ document: input });
    },
  );

  test('given a malformed format-0 document, when migrated, then it does not throw and keeps absent lists absent', () => {
    const v1 = migrate0To1({ formatVersion: 0, title: 'T', states: 'oops', forms: [null, { sections: 3 }] });
    expect(v1).toEqual({
      formatVersion: 1,
      title: { en: 'T', zh: `${UNTRANSLATED_MARK}T` },
      calendars: [],
      states: 'oops',
      forms: [null, { sections: 3 }],
    });
  });
});
