import { describe, expect, it } from 'vitest';
import type { Assertion } from './assertion.ts';
import { askApproval, incidentFixture } from './fixtures/incident.ts';
import { evaluateAssertion } from './registry.ts';
import type { Definition } from '@clauseflow/definition';

const stateAt = (d: Definition, id: string) => d.states.findIndex((s) => s.id === id);
const transitionAt = (d: Definition, id: string) => d.transitions.findIndex((t) => t.id === id);

interface Case {
  name: string;
  assertion: Assertion;
  /** Breaks the passing incident fixture; returns the pointer the failure must name. */
  breakIt: (d: Definition) => string;
  code: string;
}

const cases: Case[] = [
  {
    name: 'a state tagged resolved exists',
    assertion: { kind: 'stateExists', tag: 'resolved' },
    breakIt: (d) => {
      d.states[stateAt(d, 'resolved')]!.tags = [];
      return '/states';
    },
    code: 'NO_STATE_WITH_TAG',
  },
  {
    name: 'every path passes resolved',
    assertion: { kind: 'everyPathPasses', tag: 'resolved' },
    breakIt: (d) => {
      d.transitions.push({
        id: 'shortcut',
        from: 'in-progress',
        event: 'drop',
        to: 'closed',
        label: { en: 'x', zh: 'x' },
      });
      return `/transitions/${d.transitions.length - 1}`;
    },
    code: 'PATH_BYPASSES_TAG',
  },
  {
    name: 'an open state is passed before resolved',
    assertion: { kind: 'everyPathPasses', tag: 'open', before: 'resolved' },
    breakIt: (d) => {
      for (const id of ['new', 'major-incident']) d.states[stateAt(d, id)]!.tags = ['recorded'];
      return `/transitions/${transitionAt(d, 'resolve-major')}`;
    },
    code: 'REACHED_BEFORE_TAG',
  },
  {
    name: 'a field tagged category exists',
    assertion: { kind: 'fieldExists', fieldTag: 'category' },
    breakIt: (d) => {
      delete d.record.schema.properties['category']!['x-tags'];
      return '/record/schema/properties';
    },
    code: 'NO_FIELD_WITH_TAG',
  },
  {
    name: 'resolution is required before leaving in-progress',
    assertion: { kind: 'fieldRequiredBefore', fieldTag: 'resolution', leavingStateTag: 'major-incident' },
    breakIt: (d) => {
      const resolveForm = d.forms.findIndex((f) => f.id === 'resolve');
      d.forms[resolveForm]!.sections[0]!.fields[0]!.required = false;
      return `/forms/${resolveForm}/sections/0/fields/0/required`;
    },
    code: 'FIELD_NOT_REQUIRED_BEFORE_LEAVING',
  },
  {
    name: 'a form captures impact and urgency',
    assertion: { kind: 'formCaptures', fieldTags: ['impact', 'urgency', 'category'], required: true },
    breakIt: (d) => {
      const triage = d.forms.findIndex((f) => f.id === 'triage');
      d.forms[triage]!.sections[0]!.fields[0]!.required = false;
      return '/forms/0/sections/0/fields';
    },
    code: 'NO_FORM_REQUIRES_FIELDS',
  },
  {
    name: 'a decision sets priority from impact and urgency',
    assertion: { kind: 'decisionSets', outputFieldTag: 'priority', fromFieldTags: ['impact', 'urgency'] },
    breakIt: (d) => {
      d.decisions[0]!.inputs.pop();
      return '/decisions/0/inputs';
    },
    code: 'DECISION_INPUT_MISSING',
  },
  {
    name: 'every open state can escalate',
    assertion: { kind: 'escalationFromOpen', openTag: 'investigating' },
    breakIt: (d) => {
      d.transitions[transitionAt(d, 'escalate')]!.tags = [];
      return '/transitions';
    },
    code: 'NO_ESCALATION_FROM_STATE',
  },
  {
    name: 'entering a major incident notifies top management',
    assertion: { kind: 'notifiesOnEntry', stateTag: 'major-incident', roleTag: 'top-management' },
    breakIt: (d) => {
      const s = stateAt(d, 'major-incident');
      d.states[s]!.onEntry = d.states[s]!.onEntry!.filter((e) => e.type !== 'notify');
      return `/states/${s}/onEntry`;
    },
    code: 'NO_NOTIFICATION_ON_ENTRY',
  },
  {
    name: 'an incident manager role exists',
    assertion: { kind: 'roleExists', roleTag: 'incident-manager' },
    breakIt: (d) => {
      d.roles = d.roles.filter((r) => r.id !== 'incident-manager');
      return '/roles';
    },
    code: 'NO_ROLE_WITH_TAG',
  },
  {
    name: 'the incident manager is responsible for major incidents',
    assertion: { kind: 'roleResponsible', roleTag: 'incident-manager', stateTag: 'major-incident' },
    breakIt: (d) => {
      const s = stateAt(d, 'major-incident');
      d.states[s]!.actors = ['agent'];
      d.states[s]!.onEntry = d.states[s]!.onEntry!.filter((e) => e.type !== 'assign');
      return `/states/${s}/actors`;
    },
    code: 'ROLE_NOT_RESPONSIBLE',
  },
  {
    name: 'a resolution clock runs from recorded to resolved',
    assertion: { kind: 'clockCovers', clockTag: 'resolution-sla', startTag: 'recorded', stopTag: 'resolved' },
    breakIt: (d) => {
      const s = stateAt(d, 'resolved');
      d.states[s]!.clocks = [];
      return `/states/${s}/clocks`;
    },
    code: 'CLOCK_NOT_STOPPED',
  },
  {
    name: 'a transition leads from resolved to closed',
    assertion: { kind: 'transitionExists', fromTag: 'resolved', toTag: 'closed' },
    breakIt: (d) => {
      d.transitions.splice(transitionAt(d, 'close'), 1);
      return '/transitions';
    },
    code: 'NO_TRANSITION_BETWEEN',
  },
];

/** Cases whose passing form needs additions to the incident fixture first. */
const extended: (Case & { prepare: (d: Definition) => void })[] = [
  {
    name: 'a repeating review timer exists in a state tagged resolved',
    assertion: { kind: 'periodicReviewTimer', stateTag: 'resolved' },
    prepare: (d) => {
      d.states[stateAt(d, 'resolved')]!.timers!.push({
        id: 'review',
        after: 'P30D',
        time: 'calendar',
        event: 'review',
        repeat: true,
      });
    },
    breakIt: (d) => {
      const s = stateAt(d, 'resolved');
      d.states[s]!.timers = d.states[s]!.timers!.filter((t) => t.repeat !== true);
      return `/states/${s}/timers`;
    },
    code: 'NO_PERIODIC_TIMER_IN_STATE',
  },
  {
    name: 'major incidents ask for an approval',
    assertion: { kind: 'approvalRequired', stateTag: 'major-incident' },
    prepare: (d) => askApproval(d, 'major-incident'),
    breakIt: (d) => {
      const s = stateAt(d, 'major-incident');
      delete d.states[s]!.approval;
      return `/states/${s}/approval`;
    },
    code: 'NO_APPROVAL_IN_STATE',
  },
  {
    name: 'the implementer may not approve',
    assertion: { kind: 'segregationOfDuties', approvalStateTag: 'major-incident' },
    prepare: (d) => askApproval(d, 'major-incident'),
    breakIt: (d) => {
      const s = stateAt(d, 'major-incident');
      d.states[s]!.approval!.implementerMayApprove = true;
      return `/states/${s}/approval/implementerMayApprove`;
    },
    code: 'IMPLEMENTER_MAY_APPROVE',
  },
  {
    name: 'resolving and closing are done by different roles',
    assertion: { kind: 'differentActors', transitionTagA: 'resolution', transitionTagB: 'closure' },
    prepare: (d) => {
      d.transitions[transitionAt(d, 'close')]!.actors = ['requester'];
    },
    breakIt: (d) => {
      const t = transitionAt(d, 'close');
      d.transitions[t]!.actors = ['requester', 'agent'];
      return `/transitions/${t}/actors`;
    },
    code: 'SAME_ACTOR_MAY_DO_BOTH',
  },
  {
    name: 'a major incident creates a linked problem record',
    assertion: { kind: 'createsLinkedRecord', process: 'problem-management', stateTag: 'major-incident' },
    prepare: (d) => {
      d.transitions[transitionAt(d, 'resolve-major')]!.effects = [
        { type: 'createLinkedRecord', process: 'problem-management', link: 'problem' },
      ];
    },
    breakIt: (d) => {
      delete d.transitions[transitionAt(d, 'resolve-major')]!.effects;
      return `/states/${stateAt(d, 'major-incident')}/onEntry`;
    },
    code: 'NO_LINKED_RECORD_IN_STATE',
  },
];

describe('assertion evaluators', () => {
  for (const c of [...cases, ...extended.map((e) => ({ ...e }))]) {
    const prepare = 'prepare' in c ? (c.prepare as (d: Definition) => void) : () => undefined;
    it(`given the tagged incident process, when checking that ${c.name}, then it holds`, () => {
      const d = incidentFixture();
      prepare(d);
      const result = evaluateAssertion(c.assertion, d);
      expect(result.failures).toEqual([]);
      expect(result.ok).toBe(true);
    });
    it(`given a process broken for "${c.name}", then it fails with ${c.code} pointing where the fix belongs`, () => {
      const d = incidentFixture();
      prepare(d);
      const expected = c.breakIt(d);
      const result = evaluateAssertion(c.assertion, d);
      expect(result.ok).toBe(false);
      expect(result.failures[0]).toMatchObject({ code: c.code, pointer: expected });
      expect(result.failures[0]!.explanation.en.length).toBeGreaterThan(0);
      expect(result.failures[0]!.explanation.zh.length).toBeGreaterThan(0);
    });
  }

  it('given an open state without escalation, then the failure names that state as its subject', () => {
    const d = incidentFixture();
    d.transitions[transitionAt(d, 'escalate')]!.tags = [];
    const [f] = evaluateAssertion({ kind: 'escalationFromOpen', openTag: 'investigating' }, d).failures;
    expect(f!.subject).toBe(`/states/${stateAt(d, 'in-progress')}`);
  });

  it('given a transition open to anyone, then differentActors fails at its actors', () => {
    const d = incidentFixture();
    const t = transitionAt(d, 'declare-major');
    d.transitions[t]!.tags = ['closure'];
    const { failures } = evaluateAssertion(
      { kind: 'differentActors', transitionTagA: 'resolution', transitionTagB: 'closure' },
      d,
    );
    expect(failures.map((f) => f.code)).toContain('SAME_ACTOR_MAY_DO_BOTH');
  });

  it('given a definition without final states, then everyPathPasses says no final state exists', () => {
    const d = incidentFixture();
    for (const s of d.states) s.kind = 'normal';
    expect(evaluateAssertion({ kind: 'everyPathPasses', tag: 'resolved' }, d).failures[0]!.code).toBe('NO_FINAL_STATE');
  });
});
