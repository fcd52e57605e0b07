/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   the cases deliberately break the definition's types: they mutate a loosely typed copy. */
import { describe, expect, test } from 'vitest';
import { ISSUE_CODE_LIST, type IssueCode } from './issue-codes.ts';
import { parseDefinition } from './parse-definition.ts';
import { incidentExample } from './test-definitions.ts';

/** Loose access for mutating a cloned example into a broken one. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const label = (en: string) => ({ en, zh: en });
const state = (id: string, kind: 'normal' | 'final' = 'normal') => ({ id, label: label(id), tags: [], kind });
const transition = (id: string, from: string, to: string, event = id) => ({ id, from, event, to, label: label(id) });
const field = { type: 'string', 'x-label': label('Cost centre') };
const ref = (process: string, many = false) => ({
  'x-label': label('Configuration item'),
  'x-ref': many ? { process, many } : { process },
});

/** An approval of the resolved state that raises `close` or `rejectedEvent`. */
const closeApproval = (rejectedEvent: string) => ({
  approvers: { roles: ['requester'] },
  policy: 'any',
  requesterMayApprove: true,
  implementerMayApprove: false,
  approvedEvent: 'close',
  rejectedEvent,
});

/** Adds two states reached from `new` that loop into each other; returns the transitions to extend. */
function limbo(d: Loose): Loose[] {
  d.states.push(state('limbo-a'), state('limbo-b'));
  d.transitions.push(
    transition('to-limbo', 'new', 'limbo-a'),
    transition('a-b', 'limbo-a', 'limbo-b'),
    transition('b-a', 'limbo-b', 'limbo-a'),
  );
  return d.transitions;
}

interface Case {
  code: IssueCode;
  /** What is wrong, in words, for the test name. */
  when: string;
  trigger: (d: Loose) => void;
  paths: string[];
  /** A near miss that must not raise the code. */
  clean: (d: Loose) => void;
}

const cases: Case[] = [
  {
    code: 'SCHEMA_VIOLATION',
    when: 'a tag is not kebab-case',
    trigger: (d) => (d.tags = ['Incident Management']),
    paths: ['/tags/0'],
    clean: (d) => (d.tags = ['incident-management', 'itsm']),
  },
  {
    code: 'SCHEMA_VIOLATION',
    when: 'a state kind is not one of the allowed values',
    trigger: (d) => (d.states[0].kind = 'terminal'),
    paths: ['/states/0/kind'],
    clean: (d) => (d.states[0].kind = 'normal'),
  },
  {
    code: 'SCHEMA_VIOLATION',
    when: 'an effect misses a property',
    trigger: (d) => (d.transitions[3].effects[0] = { type: 'setField', field: 'escalated' }),
    paths: ['/transitions/3/effects/0'],
    clean: (d) => (d.transitions[3].effects[0] = { type: 'setField', field: 'escalated', from: { value: false } }),
  },
  {
    code: 'SCHEMA_VIOLATION',
    when: 'a state has a property the format does not know',
    trigger: (d) => (d.states[1].colour = 'red'),
    paths: ['/states/1/colour'],
    clean: (d) => (d.states[1].tags = ['open']),
  },
  {
    code: 'FORBIDDEN_KEY',
    when: 'a record field name contains a dot',
    trigger: (d) => (d.record.schema.properties['cost.centre'] = field),
    paths: ['/record/schema/properties/cost.centre'],
    clean: (d) => (d.record.schema.properties.costCentre = field),
  },
  {
    code: 'FORBIDDEN_KEY',
    when: 'a set-field value holds a $-prefixed key',
    trigger: (d) => (d.states[2].onEntry[1].from.value = { $set: true }),
    paths: ['/states/2/onEntry/1/from/value/$set'],
    clean: (d) => (d.states[2].onEntry[1].from.value = { set: true }),
  },
  {
    code: 'INVALID_RECORD_SCHEMA',
    when: 'a record field has a type JSON Schema does not define',
    trigger: (d) => (d.record.schema.properties.title.type = 'text'),
    paths: ['/record/schema'],
    clean: (d) => (d.record.schema.properties.title.type = ['string', 'null']),
  },
  {
    code: 'INVALID_RECORD_SCHEMA',
    when: 'a record field uses a misspelt keyword',
    trigger: (d) => (d.record.schema.properties.title.maxLenght = 10),
    paths: ['/record/schema'],
    clean: (d) => (d.record.schema.properties.title.maxLength = 10),
  },
  {
    code: 'DUPLICATE_ID',
    when: 'two transitions share an id',
    trigger: (d) => (d.transitions[1].id = 'accept'),
    paths: ['/transitions/1/id'],
    clean: (d) => (d.transitions[1].id = 'declare-major-now'),
  },
  {
    code: 'DUPLICATE_ID',
    when: 'two rows of a decision share an id',
    trigger: (d) => (d.decisions[0].rows[1].id = 'r-high-high'),
    paths: ['/decisions/0/rows/1/id'],
    clean: (d) => (d.decisions[0].rows[1].id = 'r-high-med'),
  },
  {
    code: 'UNKNOWN_STATE',
    when: 'a transition leads to a state that does not exist',
    trigger: (d) => (d.transitions[0].to = 'triage'),
    paths: ['/transitions/0/to'],
    clean: (d) => (d.transitions[0].to = 'waiting-for-customer'),
  },
  {
    code: 'UNKNOWN_STATE',
    when: 'the initial state does not exist',
    trigger: (d) => (d.initialState = 'start'),
    paths: ['/initialState'],
    clean: (d) => (d.initialState = 'new'),
  },
  {
    code: 'UNKNOWN_ROLE',
    when: 'a state names an undefined actor role',
    trigger: (d) => (d.states[0].actors = ['agent', 'dispatcher']),
    paths: ['/states/0/actors/1'],
    clean: (d) => (d.states[0].actors = ['agent', 'incident-manager']),
  },
  {
    code: 'UNKNOWN_ROLE',
    when: 'a notify effect names an undefined role',
    trigger: (d) => (d.states[2].onEntry[2].role = 'board'),
    paths: ['/states/2/onEntry/2/role'],
    clean: (d) => (d.states[2].onEntry[2].role = 'requester'),
  },
  {
    code: 'UNKNOWN_FORM',
    when: 'a transition names a form that does not exist',
    trigger: (d) => (d.transitions[0].form = 'classify'),
    paths: ['/transitions/0/form'],
    clean: (d) => (d.transitions[0].form = 'report'),
  },
  {
    code: 'UNKNOWN_RULE',
    when: 'a guard names a decision output that does not exist',
    trigger: (d) => (d.transitions[1].guard.output = 'severity'),
    paths: ['/transitions/1/guard/output'],
    clean: (d) => (d.transitions[1].guard.output = 'priority'),
  },
  {
    code: 'UNKNOWN_RULE',
    when: 'an effect evaluates a decision that does not exist',
    trigger: (d) => (d.transitions[0].effects[1].decision = 'impact-matrix'),
    paths: ['/transitions/0/effects/1/decision'],
    clean: (d) => (d.transitions[0].effects[1].decision = 'priority-matrix'),
  },
  {
    code: 'UNKNOWN_RULE',
    when: 'a guard names a rule set that does not exist',
    trigger: (d) => (d.transitions[1].guard = { ruleSet: 'routing', event: 'major' }),
    paths: ['/transitions/1/guard/ruleSet'],
    clean: (d) => {
      d.ruleSets = [
        {
          id: 'routing',
          label: label('Routing'),
          rules: [
            {
              id: 'major',
              conditions: { all: [{ fact: 'impact', operator: 'equal', value: 'high' }] },
              event: { type: 'major' },
            },
          ],
        },
      ];
      d.transitions[1].guard = { ruleSet: 'routing', event: 'major' };
    },
  },
  {
    code: 'UNKNOWN_FIELD',
    when: 'a decision input reads a field the record lacks',
    trigger: (d) => (d.decisions[0].inputs[1].field = 'urgent'),
    paths: ['/decisions/0/inputs/1/field'],
    clean: (d) => (d.decisions[0].inputs[1].field = 'urgency'),
  },
  {
    code: 'UNKNOWN_FIELD',
    when: 'a guard condition compares a fact the record lacks',
    trigger: (d) =>
      (d.transitions[1].guard = { condition: { any: [{ not: { fact: 'severity', operator: 'equal', value: 1 } }] } }),
    paths: ['/transitions/1/guard/condition/any/0/not/fact'],
    clean: (d) =>
      (d.transitions[1].guard = { condition: { any: [{ not: { fact: 'impact', operator: 'equal', value: 'low' } }] } }),
  },
  {
    code: 'UNKNOWN_FIELD',
    when: 'a form, the title field and a clock target name fields the record lacks',
    trigger: (d) => {
      d.forms[0].sections[0].fields[1].field = 'details';
      d.record.titleField = 'summary';
      d.clocks[0].target.byField = 'severity';
    },
    paths: ['/record/titleField', '/forms/0/sections/0/fields/1/field', '/clocks/0/target/byField'],
    clean: (d) => (d.record.titleField = 'description'),
  },
  {
    code: 'INVALID_RECORD_REFERENCE',
    when: 'a single record reference sits on a number field',
    trigger: (d) => (d.record.schema.properties.ci = { ...ref('cmdb-ci'), type: 'integer' }),
    paths: ['/record/schema/properties/ci/type'],
    clean: (d) => (d.record.schema.properties.ci = { ...ref('cmdb-ci'), type: ['string', 'null'] }),
  },
  {
    code: 'INVALID_RECORD_REFERENCE',
    when: 'a list of record references holds numbers',
    trigger: (d) =>
      (d.record.schema.properties.cis = { ...ref('cmdb-ci', true), type: 'array', items: { type: 'number' } }),
    paths: ['/record/schema/properties/cis/type'],
    clean: (d) =>
      (d.record.schema.properties.cis = {
        ...ref('cmdb-ci', true),
        type: 'array',
        items: { type: 'string' },
        maxItems: 20,
      }),
  },
  {
    code: 'INVALID_RECORD_REFERENCE',
    when: 'a record reference names a process key that is not kebab-case',
    trigger: (d) => (d.record.schema.properties.ci = { ...ref('CMDB_CI'), type: 'string' }),
    paths: ['/record/schema/properties/ci/x-ref/process'],
    clean: (d) => (d.record.schema.properties.ci = { ...ref('cmdb-ci-2'), type: 'string' }),
  },
  {
    code: 'INVALID_RECORD_REFERENCE',
    when: 'a form shows a plain text field with the record widget',
    trigger: (d) => (d.forms[0].sections[0].fields[1].widget = 'record'),
    paths: ['/forms/0/sections/0/fields/1/widget'],
    clean: (d) => {
      d.record.schema.properties.description = { ...ref('known-error'), type: 'string' };
      d.forms[0].sections[0].fields[1].widget = 'record';
    },
  },
  {
    code: 'UNKNOWN_CLOCK',
    when: 'a state acts on a clock that does not exist',
    trigger: (d) => (d.states[3].clocks[0].clock = 'response'),
    paths: ['/states/3/clocks/0/clock'],
    clean: (d) => (d.states[3].clocks[0].action = 'pause'),
  },
  {
    code: 'UNKNOWN_CALENDAR',
    when: 'a clock runs on a calendar that does not exist',
    trigger: (d) => (d.clocks[0].calendar = 'office-hours'),
    paths: ['/clocks/0/calendar'],
    clean: (d) => delete d.clocks[0].calendar,
  },
  {
    code: 'UNKNOWN_TIMER',
    when: 'an effect cancels a timer no state defines',
    trigger: (d) =>
      d.transitions[6].effects?.push({ type: 'cancelTimer', timer: 'reminder' }) ??
      (d.transitions[6].effects = [{ type: 'cancelTimer', timer: 'reminder' }]),
    paths: ['/transitions/6/effects/0/timer'],
    clean: (d) => (d.transitions[6].effects = [{ type: 'cancelTimer', timer: 'escalation' }]),
  },
  {
    code: 'SYSTEM_TRANSITION_THROUGH_FORM',
    when: 'a timer raises the event of a transition whose form has required fields',
    trigger: (d) => (d.states[1].timers[0].event = 'resolve'),
    paths: ['/transitions/6/form'],
    clean: (d) => (d.states[1].timers[0].event = 'escalate'),
  },
  {
    code: 'UNHANDLED_EVENT',
    when: 'a timer raises an event no transition from its state handles',
    trigger: (d) => (d.states[1].timers[0].event = 'remind'),
    paths: ['/states/1/timers/0/event'],
    clean: (d) => (d.states[1].timers[0].event = 'escalate'),
  },
  {
    code: 'UNHANDLED_EVENT',
    when: 'an approval raises events no transition from its state handles',
    trigger: (d) => (d.states[4].approval = closeApproval('rejected')),
    paths: ['/states/4/approval/rejectedEvent'],
    clean: (d) => (d.states[4].approval = closeApproval('reopen')),
  },
  {
    code: 'UNREACHABLE_STATE',
    when: 'no transition leads to a state',
    trigger: (d) => {
      d.states.push(state('orphan'));
      d.transitions.push(transition('orphan-close', 'orphan', 'closed'));
    },
    paths: ['/states/6'],
    clean: (d) => {
      d.states.push(state('orphan'));
      d.transitions.push(transition('orphan-close', 'orphan', 'closed'), transition('to-orphan', 'new', 'orphan'));
    },
  },
  {
    code: 'DEAD_END_STATE',
    when: 'a non-final state loses its only way out',
    trigger: (d) => d.transitions.splice(5, 1),
    paths: ['/states/3'],
    clean: (d) => (d.transitions[5].to = 'resolved'),
  },
  {
    code: 'DEAD_END_STATE',
    when: 'a non-final state can only loop back to itself',
    trigger: (d) => (d.transitions[5].to = 'waiting-for-customer'),
    paths: ['/states/3'],
    clean: (d) => (d.transitions[5].to = 'in-progress'),
  },
  {
    code: 'NO_PATH_TO_FINAL',
    when: 'two states form a loop with no way to a final state',
    trigger: (d) => limbo(d),
    paths: ['/states/6', '/states/7'],
    clean: (d) => limbo(d).push(transition('b-close', 'limbo-b', 'closed')),
  },
  {
    code: 'NONDETERMINISTIC_TRANSITION',
    when: 'two unguarded transitions leave a state on the same event',
    trigger: (d) => d.transitions.push(transition('resolve-wait', 'in-progress', 'waiting-for-customer', 'resolve')),
    paths: ['/transitions/10'],
    clean: (d) =>
      d.transitions.push({
        ...transition('resolve-wait', 'in-progress', 'waiting-for-customer', 'resolve'),
        guard: { condition: { all: [{ fact: 'resolution', operator: 'equal', value: '' }] } },
      }),
  },
  {
    code: 'CLOCK_NEVER_STOPS',
    when: 'the state that stopped the resolution clock no longer does',
    trigger: (d) => delete d.states[4].clocks,
    paths: ['/states/0/clocks/0'],
    clean: (d) => {
      delete d.states[4].clocks;
      d.transitions[9].effects = [{ type: 'stopClock', clock: 'resolution' }];
    },
  },
  {
    code: 'DECISION_TABLE_GAP',
    when: 'a unique table loses the row for low impact and low urgency',
    trigger: (d) => d.decisions[0].rows.splice(8, 1),
    paths: ['/decisions/0/rows'],
    clean: (d) => {
      d.decisions[0].rows.splice(8, 1);
      d.decisions[0].hitPolicy = 'first';
    },
  },
  {
    code: 'DECISION_TABLE_OVERLAP',
    when: 'a unique table row matches urgency low or medium',
    trigger: (d) => (d.decisions[0].rows[8].when.urgency = { operator: 'in', value: ['low', 'medium'] }),
    paths: ['/decisions/0/rows/8'],
    clean: (d) => (d.decisions[0].rows[8].when.urgency = { operator: 'notIn', value: ['high', 'medium'] }),
  },
];

function parseMutated(mutate: (d: Loose) => void) {
  const d = incidentExample() as Loose;
  mutate(d);
  return parseDefinition(d);
}

describe('parseDefinition', () => {
  test.each(cases)('given $when, when parsed, then $code is reported at exactly $paths', (c) => {
    const issues = parseMutated(c.trigger).issues.filter((issue) => issue.code === c.code);
    expect(issues.map((issue) => issue.path)).toEqual(c.paths);
  });

  test.each(cases)('given a near miss of "$when", when parsed, then no $code is reported', (c) => {
    const issues = parseMutated(c.clean).issues.filter((issue) => issue.code === c.code);
    expect(issues).toEqual([]);
  });

  test('given the cases above, then every catalogued code except MIGRATED, ANALYSIS_FAILED and UNKNOWN_REFERENCED_PROCESS is covered (those have tests of their own)', () => {
    const covered = new Set([...cases.map((c) => c.code), 'MIGRATED', 'ANALYSIS_FAILED', 'UNKNOWN_REFERENCED_PROCESS']);
    expect(ISSUE_CODE_LIST.filter((code) => !covered.has(code))).toEqual([]);
  });
});
