import { describe, expect, it } from 'vitest';
import { parseDefinition, type Definition, type State, type Transition } from '@clauseflow/definition';
import type { FailVerdict } from '@clauseflow/conformance';
import { checkShipped, shippedTemplate } from '../templates/shipped-templates.ts';

/**
 * Issue 20: tailorings that reorganize the work but keep each requirement met pass, and
 * breaking changes fail on the right requirement with a JSON Pointer to where the fix belongs.
 * Every variant is built from a shipped template and still parses without errors.
 */

const label = (en: string, zh: string) => ({ en, zh });
const stateAt = (d: Definition, id: string) => d.states.findIndex((s) => s.id === id);
const transitionAt = (d: Definition, id: string) => d.transitions.findIndex((t) => t.id === id);
const formAt = (d: Definition, id: string) => d.forms.findIndex((f) => f.id === id);
const transition = (d: Definition, id: string) => d.transitions[transitionAt(d, id)]!;

function addState(d: Definition, state: Omit<State, 'label' | 'kind'> & { kind?: State['kind'] }): void {
  d.states.push({ label: label(state.id, `状态 ${state.id}`), kind: 'normal', ...state });
}

function addTransition(d: Definition, t: Omit<Transition, 'label' | 'event'> & { event?: string }): void {
  d.transitions.push({ event: t.id, label: label(t.id, `转换 ${t.id}`), ...t });
}

/** An escalation (tagged so, on the escalate form) from state `from` to itself. */
function addEscalation(d: Definition, from: string, actors: string[]): void {
  addTransition(d, {
    id: `escalate-${from}`,
    event: 'escalate',
    from,
    to: from,
    tags: ['escalation'],
    actors,
    form: 'escalate',
  });
}

/** The pointer to `required` of `field` on form `formId` (the fix a failure there names). */
function requiredAt(d: Definition, formId: string, field: string): string {
  const f = formAt(d, formId);
  for (const [s, section] of d.forms[f]!.sections.entries()) {
    const i = section.fields.findIndex((x) => x.field === field);
    if (i >= 0) return `/forms/${f}/sections/${s}/fields/${i}/required`;
  }
  throw new Error(`${field} is not on form ${formId}`);
}

/** Makes `field` optional on form `formId`; returns the pointer to its `required`. */
function unrequire(d: Definition, formId: string, field: string): string {
  const at = requiredAt(d, formId, field);
  const [, , f, , s, , i] = at.split('/');
  d.forms[Number(f)]!.sections[Number(s)]!.fields[Number(i)]!.required = false;
  return at;
}

function checked(d: Definition) {
  const { issues } = parseDefinition(d);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return checkShipped(d);
}

function expectPasses(d: Definition, requirements: readonly string[]): void {
  const result = checked(d);
  for (const id of requirements) {
    expect(result.verdicts.find((v) => v.requirement === id)?.status, id).toBe('pass');
  }
  expect(result.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
}

function expectFails(d: Definition, requirement: string, code: string, pointer: string): void {
  const verdict = checked(d).verdicts.find((v) => v.requirement === requirement);
  expect(verdict?.status, requirement).toBe('fail');
  expect((verdict as FailVerdict).failures).toContainEqual(expect.objectContaining({ code, pointer }));
}

// ---- incident ----

/** Classification moves out of `new` into a triage state (tagged recorded) that comes before any work. */
function triageInserted(): Definition {
  const d = shippedTemplate('incident/definition.json');
  addState(d, { id: 'triage', tags: ['recorded', 'open'], actors: ['agent'] });
  const accept = transition(d, 'accept');
  accept.to = 'triage';
  delete accept.form;
  addTransition(d, { id: 'classify', from: 'triage', to: 'in-progress', actors: ['agent'], form: 'triage' });
  addEscalation(d, 'triage', ['agent']);
  return d;
}

/** Resolving is split: the agent proposes a resolution (on the resolve form), the record then enters `resolved`. */
function resolutionProposed(): Definition {
  const d = shippedTemplate('incident/definition.json');
  addState(d, { id: 'resolution-proposed', tags: ['open'], actors: ['agent'] });
  transition(d, 'resolve').to = 'resolution-proposed';
  addTransition(d, { id: 'confirm', from: 'resolution-proposed', to: 'resolved', actors: ['agent'], form: 'close' });
  addEscalation(d, 'resolution-proposed', ['agent']);
  return d;
}

describe('incident: conforming reorganizations pass', () => {
  it('given a triage state inserted before work, classifying on the way out of it, then classification (8.6.1.a), recording and escalation pass', () => {
    expectPasses(triageInserted(), ['8.6.1.a', '8.6.1-1', '8.6.1.c']);
  });

  it('given resolution proposed in a state of its own before resolved, then resolution and closure code on entry (8.6.1.d, 8.6.1.e) pass', () => {
    expectPasses(resolutionProposed(), ['8.6.1.d', '8.6.1.e']);
  });
});

describe('incident: breaking changes fail with the JSON Pointer', () => {
  it('given the triage state is left without requiring the category, then 8.6.1.a fails at that transition', () => {
    const d = triageInserted();
    delete transition(d, 'classify').form;
    expectFails(d, '8.6.1.a', 'FIELD_NOT_REQUIRED_BEFORE_LEAVING', `/transitions/${transitionAt(d, 'classify')}/form`);
  });

  it('given the inserted open triage state cannot escalate, then 8.6.1.c fails with the state as subject', () => {
    const d = triageInserted();
    d.transitions.splice(transitionAt(d, 'escalate-triage'), 1);
    expectFails(d, '8.6.1.c', 'NO_ESCALATION_FROM_STATE', '/transitions');
  });

  it('given a shortcut into resolved that skips the resolution form, then 8.6.1.d fails at the shortcut', () => {
    const d = resolutionProposed();
    addTransition(d, { id: 'quick-resolve', from: 'in-progress', to: 'resolved', actors: ['agent'] });
    expectFails(d, '8.6.1.d', 'FIELD_NOT_REQUIRED_ON_ENTRY', `/transitions/${transitionAt(d, 'quick-resolve')}/form`);
  });

  it('given the triage state routed straight to closed, then 8.6.1.d (resolved before closed) fails at that transition', () => {
    const d = triageInserted();
    // A closed-tagged end reached from triage, before anything is resolved.
    addState(d, {
      id: 'withdrawn',
      tags: ['closed'],
      kind: 'final',
      clocks: [{ clock: 'resolution', action: 'stop' }],
    });
    addTransition(d, { id: 'discard', from: 'triage', to: 'withdrawn', actors: ['agent'], form: 'close' });
    expectFails(d, '8.6.1.d', 'REACHED_BEFORE_TAG', `/transitions/${transitionAt(d, 'discard')}`);
  });

  it('given no transition reaches the major-incident state any more, then 8.6.1-4 fails with STATE_UNREACHABLE at it; reachable again, it passes', () => {
    const d = shippedTemplate('incident/definition.json');
    const declare = transitionAt(d, 'declare-major-later');
    const [removed] = d.transitions.splice(declare, 1);
    expectFails(d, '8.6.1-4', 'STATE_UNREACHABLE', `/states/${stateAt(d, 'major-incident')}`);
    d.transitions.splice(declare, 0, removed!);
    expectPasses(d, ['8.6.1-4']);
  });
});

// ---- problem management ----

/** During root-cause analysis the problem is handed to a vendor and comes back. */
function vendorLoop(): Definition {
  const d = shippedTemplate('problem-management/definition.json');
  addState(d, { id: 'with-vendor', tags: ['waiting'], actors: ['agent', 'problem-manager'] });
  addTransition(d, {
    id: 'hand-to-vendor',
    from: 'investigation',
    to: 'with-vendor',
    actors: ['agent'],
    form: 'investigate',
  });
  addTransition(d, {
    id: 'vendor-replied',
    from: 'with-vendor',
    to: 'investigation',
    actors: ['agent'],
    form: 'investigate',
  });
  return d;
}

/** Root-cause analysis is split into investigation and a second analysis state, both tagged so. */
function analysisSplit(): Definition {
  const d = shippedTemplate('problem-management/definition.json');
  const investigation = d.states[stateAt(d, 'investigation')]!;
  addState(d, { id: 'analysis', tags: [...investigation.tags], actors: investigation.actors!, form: 'investigate' });
  transition(d, 'record-known-error').from = 'analysis';
  addTransition(d, { id: 'analyse', from: 'investigation', to: 'analysis', actors: ['agent'], form: 'investigate' });
  addEscalation(d, 'analysis', ['agent', 'problem-manager']);
  return d;
}

/** The workaround is required on entry to known-error (recording it) and no longer on the known-error form. */
function workaroundOnEntry(): Definition {
  const d = shippedTemplate('problem-management/definition.json');
  unrequire(d, 'known-error', 'workaround');
  return d;
}

describe('problem management: conforming reorganizations pass', () => {
  it('given a hand-off to a vendor and back during root-cause analysis, then 8.6.3-2 and 8.6.3-7 pass', () => {
    expectPasses(vendorLoop(), ['8.6.3-2', '8.6.3-7']);
  });

  it('given root-cause analysis split into two tagged states, then 8.6.3-2, 8.6.3-7 and escalation pass', () => {
    expectPasses(analysisSplit(), ['8.6.3-2', '8.6.3-7', '8.6.3.c']);
  });

  it('given the workaround required on entry to known-error rather than on its form, then 8.6.3-6 passes', () => {
    expectPasses(workaroundOnEntry(), ['8.6.3-6']);
  });
});

describe('problem management: breaking changes fail with the JSON Pointer', () => {
  it('given the vendor can hand back a known error directly, then 8.6.3-2 fails at the hand-off that leaves analysis', () => {
    const d = vendorLoop();
    addTransition(d, {
      id: 'vendor-workaround',
      from: 'with-vendor',
      to: 'known-error',
      actors: ['agent'],
      form: 'known-error',
    });
    expectFails(
      d,
      '8.6.3-2',
      'FIELD_NOT_REQUIRED_BEFORE_LEAVING',
      // The hand-off now leaves analysis for good: the fix is the root cause required on its form.
      requiredAt(d, 'investigate', 'rootCause'),
    );
  });

  it('given the split analysis records a known error without requiring the root cause, then 8.6.3-2 fails at that field', () => {
    const d = analysisSplit();
    const at = unrequire(d, 'record-known-error', 'rootCause');
    expectFails(d, '8.6.3-2', 'FIELD_NOT_REQUIRED_BEFORE_LEAVING', at);
  });

  it('given the workaround required neither on entry to known-error nor on its form, then 8.6.3-6 fails', () => {
    const d = workaroundOnEntry();
    unrequire(d, 'record-known-error', 'workaround');
    const f = formAt(d, 'request-change');
    expectFails(d, '8.6.3-6', 'FIELD_NOT_REQUIRED_BEFORE_LEAVING', `/forms/${f}/sections/0/fields`);
  });

  it('given a shortcut from new to resolved, then 8.6.3-2 (analysis before resolved) fails at the shortcut', () => {
    const d = shippedTemplate('problem-management/definition.json');
    addTransition(d, { id: 'quick-fix', from: 'new', to: 'resolved', actors: ['problem-manager'], form: 'resolve' });
    expectFails(d, '8.6.3-2', 'REACHED_BEFORE_TAG', `/transitions/${transitionAt(d, 'quick-fix')}`);
  });
});
