import Type from 'typebox';
import { BusinessCalendar } from './calendar.ts';
import { SlaClock } from './clock.ts';
import { Id, LocalizedText, Tags } from './common.ts';
import { ConditionCyclic } from './condition.ts';
import { DecisionTable, RuleSet } from './decision.ts';
import { Form } from './form.ts';
import { RecordSpec, Role } from './record.ts';
import { State } from './state.ts';
import { Transition } from './transition.ts';

/** The format version this package writes; older ones are upgraded by migrations. */
export const CURRENT_FORMAT_VERSION = 1;

/** A process key: kebab-case, stable across versions. */
export const ProcessKey = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' });

/**
 * One process definition version: a single JSON artifact holding the state machine, the
 * decision rules, forms, SLA clocks, roles and texts in English and Chinese.
 */
export const Definition = Type.Object(
  {
    formatVersion: Type.Literal(CURRENT_FORMAT_VERSION),
    key: ProcessKey,
    version: Type.Integer({ minimum: 1 }),
    title: LocalizedText,
    description: Type.Optional(LocalizedText),
    tags: Tags,
    /** For a tailored copy: the template it was derived from. */
    derivedFrom: Type.Optional(
      Type.Object(
        {
          packName: Type.String({ minLength: 1, maxLength: 128 }),
          templateKey: ProcessKey,
          version: Type.Integer({ minimum: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    /** Requirement ids (e.g. `8.6.1.a`) this definition claims to meet; checked by the conformance package. */
    claims: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9][0-9A-Za-z.-]{0,31}$' }), { uniqueItems: true })),
    record: RecordSpec,
    roles: Type.Array(Role, { minItems: 1, maxItems: 50 }),
    initialState: Id,
    /** The form a requester fills in to start a record. */
    startForm: Type.Optional(Id),
    states: Type.Array(State, { minItems: 1, maxItems: 5000 }),
    transitions: Type.Array(Transition, { maxItems: 20000 }),
    decisions: Type.Array(DecisionTable, { maxItems: 200 }),
    ruleSets: Type.Array(RuleSet, { maxItems: 200 }),
    forms: Type.Array(Form, { maxItems: 500 }),
    clocks: Type.Array(SlaClock, { maxItems: 50 }),
    calendars: Type.Array(BusinessCalendar, { maxItems: 20 }),
  },
  {
    additionalProperties: false,
    $id: 'https://clauseflow.dev/schema/definition-v1.json',
    title: 'ClauseFlow process definition',
    $defs: ConditionCyclic.$defs,
  },
);
export type Definition = Type.Static<typeof Definition>;
