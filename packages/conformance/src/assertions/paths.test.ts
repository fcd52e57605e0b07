import { describe, expect, it } from 'vitest';
import { parseDefinition, type Definition } from '@clauseflow/definition';
import type { Assertion } from './assertion.ts';
import { askApproval, incidentFixture } from './fixtures/incident.ts';
import { text } from './fixtures/synthesize.ts';
import { evaluateAssertion } from './registry.ts';

const stateAt = (d: Definition, id: string) => d.states.findIndex((s) => s.id === id);
const transitionAt = (d: Definition, id: string) => d.transitions.findIndex((t) => t.id === id);

/** The fixture still parses without errors: the variants are valid designs, not broken documents. */
function expectValid(d: Definition): void {
  const { issues } = parseDefinition(d);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
}

function failuresOf(assertion: Assertion, d: Definition) {
  expectValid(d);
  return evaluateAssertion(assertion, d).failures;
}

/** Removes every transition into state `id` from another state: nothing can reach it any more. */
function cutOff(d: Definition, id: string): void {
  d.transitions = d.transitions.filter((t) => t.to !== id || t.from === id);
}

describe('behaviour assertions hold on reachable states only', () => {
  const tagged: Assertion[] = [
    { kind: 'stateExists', tag: 'major-incident' },
    { kind: 'transitionExists', fromTag: 'major-incident', toTag: 'resolved' },
    { kind: 'notifiesOnEntry', stateTag: 'major-incident', roleTag: 'top-management' },
    { kind: 'roleResponsible', roleTag: 'incident-manager', stateTag: 'major-incident' },
  ];
  for (const assertion of tagged) {
    it(`given the only state tagged major-incident is reachable, when checking ${assertion.kind}, then it holds`, () => {
      expect(failuresOf(assertion, incidentFixture())).toEqual([]);
    });

    it(`given no transition reaches the only major-incident state, when checking ${assertion.kind}, then it fails with STATE_UNREACHABLE at that state`, () => {
      const d = incidentFixture();
      cutOff(d, 'major-incident');
      const [f] = failuresOf(assertion, d);
      expect(f).toMatchObject({ code: 'STATE_UNREACHABLE', pointer: `/states/${stateAt(d, 'major-incident')}` });
      expect(f!.explanation.zh).toContain('major-incident');
    });
  }

  it('given an unreachable copy of a state tagged open without escalation, then only reachable open states are checked', () => {
    const d = incidentFixture();
    d.states.push({ id: 'limbo', label: text('Limbo'), tags: ['open'], kind: 'normal' });
    d.transitions.push({ id: 'give-up', from: 'limbo', event: 'give-up', to: 'resolved', label: text('Give up') });
    expect(failuresOf({ kind: 'escalationFromOpen', openTag: 'investigating' }, d)).toEqual([]);
    d.states[stateAt(d, 'limbo')]!.tags.push('investigating');
    expect(failuresOf({ kind: 'escalationFromOpen', openTag: 'investigating' }, d)).toEqual([]);
    d.transitions.push({ id: 'to-limbo', from: 'new', event: 'park', to: 'limbo', label: text('Park') });
    expect(failuresOf({ kind: 'escalationFromOpen', openTag: 'investigating' }, d)[0]).toMatchObject({
      code: 'NO_ESCALATION_FROM_STATE',
      subject: `/states/${stateAt(d, 'limbo')}`,
    });
  });

  it('given the final state exists but nothing reaches it, then everyPathPasses does not hold vacuously', () => {
    const d = incidentFixture();
    cutOff(d, 'closed');
    const [f] = evaluateAssertion({ kind: 'everyPathPasses', tag: 'resolved' }, d).failures;
    expect(f?.code).toBe('NO_FINAL_STATE');
  });

  it('given the only form requiring category is filled on an unreachable transition, then formCaptures fails; reachable again, it holds', () => {
    const d = incidentFixture();
    const assertion: Assertion = { kind: 'formCaptures', fieldTags: ['category'], required: true };
    d.states.push({ id: 'limbo', label: text('Limbo'), tags: [], kind: 'normal' });
    const accept = d.transitions[transitionAt(d, 'accept')]!;
    accept.from = 'limbo';
    expect(failuresOf(assertion, d)[0]).toMatchObject({
      code: 'NO_FORM_REQUIRES_FIELDS',
      pointer: '/forms/0/sections/0/fields',
    });
    d.transitions.push({ id: 'to-limbo', from: 'new', event: 'park', to: 'limbo', label: text('Park') });
    expect(failuresOf(assertion, d)).toEqual([]);
  });
});

/**
 * The incident fixture with the major-incident approval split in two: a `major-review` state
 * (tagged major-incident, no approval of its own) comes first, and the approving state after it.
 */
function splitMajorIncident(): Definition {
  const d = incidentFixture();
  askApproval(d, 'major-incident');
  d.states.push({ id: 'major-review', label: text('Major review'), tags: ['open', 'major-incident'], kind: 'normal' });
  for (const id of ['declare-major', 'declare-major-later']) d.transitions[transitionAt(d, id)]!.to = 'major-review';
  d.transitions.push({
    id: 'reviewed',
    from: 'major-review',
    event: 'reviewed',
    to: 'major-incident',
    label: text('Reviewed'),
  });
  return d;
}

describe('approvalRequired over paths: an approval in every visit before leaving the tagged states', () => {
  const assertion: Assertion = { kind: 'approvalRequired', stateTag: 'major-incident' };

  it('given a tagged preparation state before the approving one (state split), then it holds', () => {
    expect(failuresOf(assertion, splitMajorIncident())).toEqual([]);
  });

  it('given a briefing step during the review and back (sub-step loop), then it holds', () => {
    const d = splitMajorIncident();
    d.states.push({ id: 'briefing', label: text('Briefing'), tags: ['waiting'], kind: 'normal' });
    d.transitions.push(
      { id: 'brief', from: 'major-review', event: 'brief', to: 'briefing', label: text('Brief') },
      { id: 'briefed', from: 'briefing', event: 'briefed', to: 'major-review', label: text('Briefed') },
    );
    expect(failuresOf(assertion, d)).toEqual([]);
  });

  it("given a way out of the preparation state that skips the approving state, then it fails at that state's approval", () => {
    const d = splitMajorIncident();
    d.transitions.push({ id: 'skip', from: 'major-review', event: 'skip', to: 'resolved', label: text('Skip') });
    const s = stateAt(d, 'major-review');
    expect(failuresOf(assertion, d)[0]).toMatchObject({
      code: 'NO_APPROVAL_IN_STATE',
      pointer: `/states/${s}/approval`,
      subject: `/states/${s}`,
    });
  });

  it('given the approving state loses its approval, then it fails there', () => {
    const d = splitMajorIncident();
    const s = stateAt(d, 'major-incident');
    delete d.states[s]!.approval;
    expect(failuresOf(assertion, d)[0]).toMatchObject({
      code: 'NO_APPROVAL_IN_STATE',
      pointer: `/states/${s}/approval`,
    });
  });
});
