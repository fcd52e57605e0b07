import { describe, expect, it } from 'vitest';
import { check, type Verdict } from '@clauseflow/conformance';
import { conformingIncident, incidentFixture } from '@clauseflow/conformance/testing';
import type { Definition } from '@clauseflow/definition';
import { processRequirementsOf } from '../templates/shipped-templates.ts';
import { assertionMap, requirementSet } from './requirement-fixtures.ts';

/**
 * The conformance checker against the shipped ISO/IEC 20000-1:2018 requirement set and assertion
 * map: claims, tailored copies and the verdict of each kind of requirement.
 */

/** The process requirements of clause 8.6.1 (incident management) in the data. */
const incidentClaims = processRequirementsOf('8.6.1');

const verdict = (verdicts: Verdict[], id: string) => verdicts.find((v) => v.requirement === id)!;
const template = (): Definition => ({ ...conformingIncident(), claims: [...incidentClaims] });
const tailored = (claims: string[] | undefined): Definition => {
  const copy: Definition = {
    ...conformingIncident(),
    key: 'our-incidents',
    derivedFrom: { packName: 'iso-20000', templateKey: 'incident', version: 1 },
  };
  if (claims === undefined) delete copy.claims;
  else copy.claims = claims;
  return copy;
};

/**
 * Renames every state, field and role of a definition (ids and labels), keeping the tags: what a
 * process owner does when tailoring a template to the house vocabulary.
 */
function renameEverything(d: Definition): Definition {
  const state = (id: string) => `st-${id}`;
  const field = (id: string) => `fld_${id}`;
  const role = (id: string) => `team-${id}`;
  const text = JSON.stringify(d);
  const copy = JSON.parse(text) as Definition;
  copy.initialState = state(copy.initialState);
  for (const s of copy.states) {
    s.id = state(s.id);
    s.label = { en: `Renamed ${s.label.en}`, zh: `改名${s.label.zh}` };
    if (s.actors) s.actors = s.actors.map(role);
    for (const e of s.onEntry ?? []) {
      if (e.type === 'notify' || (e.type === 'assign' && e.role)) e.role = role(e.role!);
      if (e.type === 'setField') e.field = field(e.field);
    }
  }
  for (const t of copy.transitions) {
    t.from = state(t.from);
    t.to = state(t.to);
    if (t.actors) t.actors = t.actors.map(role);
    for (const e of t.effects ?? []) {
      if (e.type === 'notify' || (e.type === 'assign' && e.role)) e.role = role(e.role!);
      if (e.type === 'setField') e.field = field(e.field);
    }
  }
  for (const r of copy.roles) r.id = role(r.id);
  copy.record.schema.properties = Object.fromEntries(
    Object.entries(copy.record.schema.properties).map(([name, schema]) => [field(name), schema]),
  );
  copy.record.schema.required = copy.record.schema.required?.map(field);
  if (copy.record.titleField) copy.record.titleField = field(copy.record.titleField);
  for (const f of copy.forms) for (const s of f.sections) for (const x of s.fields) x.field = field(x.field);
  for (const dt of copy.decisions) {
    for (const i of dt.inputs) i.field = field(i.field);
    for (const o of dt.outputs) o.field = field(o.field);
  }
  for (const c of copy.clocks) if (c.target.byField) c.target.byField = field(c.target.byField);
  return copy;
}

describe('check()', () => {
  it('given the incident template claiming every incident requirement, then each one passes', () => {
    expect(incidentClaims.length).toBeGreaterThan(5);
    const result = check(template(), requirementSet, assertionMap);
    const failing = result.verdicts.filter((v) => v.status === 'fail');
    expect(failing).toEqual([]);
    for (const id of incidentClaims)
      expect(verdict(result.verdicts, id)).toMatchObject({ status: 'pass', claim: 'own' });
    expect(result.ok).toBe(true);
  });

  it('given the unmodified incident example claiming 8.6.1.c, then it fails with the open states that cannot escalate', () => {
    const d = { ...incidentFixture(), claims: ['8.6.1.c'] };
    const v = verdict(check(d, requirementSet, assertionMap).verdicts, '8.6.1.c');
    expect(v.status).toBe('fail');
    const subjects = v.status === 'fail' ? v.failures.map((f) => f.subject) : [];
    const at = (id: string) => `/states/${d.states.findIndex((s) => s.id === id)}`;
    expect(subjects).toEqual([at('new'), at('major-incident'), at('waiting-for-customer')]);
  });

  it('given a tailored copy that renames every state, field and role but keeps the tags, then it still passes', () => {
    const renamed = renameEverything(template());
    expect(renamed.states.every((s) => s.id.startsWith('st-'))).toBe(true);
    const result = check(renamed, requirementSet, assertionMap);
    for (const id of incidentClaims) expect(verdict(result.verdicts, id).status).toBe('pass');
    expect(result.ok).toBe(true);
  });

  it('given a tailored copy without a claims list, then it inherits the template claims and they are evaluated', () => {
    const result = check(tailored(undefined), requirementSet, assertionMap, { templateClaims: incidentClaims });
    for (const id of incidentClaims)
      expect(verdict(result.verdicts, id)).toMatchObject({ status: 'pass', claim: 'template' });
  });

  it('given an inherited claim the copy no longer meets, then it fails like its own claim would', () => {
    const copy = tailored(undefined);
    copy.transitions = copy.transitions.filter((t) => !t.tags?.includes('escalation'));
    const v = verdict(
      check(copy, requirementSet, assertionMap, { templateClaims: incidentClaims }).verdicts,
      '8.6.1.c',
    );
    expect(v).toMatchObject({ status: 'fail', claim: 'template' });
  });

  it('given a tailored copy that dropped a template claim, then that requirement fails with CLAIM_DROPPED at /claims', () => {
    const copy = tailored(incidentClaims.filter((id) => id !== '8.6.1.c'));
    // Dropping the claim does not help even when the copy also removed what it needs.
    copy.transitions = copy.transitions.filter((t) => !t.tags?.includes('escalation'));
    const result = check(copy, requirementSet, assertionMap, { templateClaims: incidentClaims });
    const v = verdict(result.verdicts, '8.6.1.c');
    expect(v).toMatchObject({ status: 'fail', claim: 'dropped' });
    const failures = v.status === 'fail' ? v.failures : [];
    expect(failures[0]).toMatchObject({ code: 'CLAIM_DROPPED', pointer: '/claims' });
    expect(failures[0]!.explanation.en).toContain('iso-20000/incident@1');
    expect(failures[0]!.explanation.en).toContain('8.6.1.c');
    expect(failures.slice(1).map((f) => f.code)).toContain('NO_ESCALATION_FROM_STATE');
    expect(result.ok).toBe(false);
  });

  it('given a tailored copy that dropped a claim it still meets, then it fails all the same', () => {
    const copy = tailored(incidentClaims.filter((id) => id !== '8.6.1.e'));
    const v = verdict(
      check(copy, requirementSet, assertionMap, { templateClaims: incidentClaims }).verdicts,
      '8.6.1.e',
    );
    expect(v.status).toBe('fail');
    expect(v.status === 'fail' && v.failures.map((f) => f.code)).toEqual(['CLAIM_DROPPED']);
  });

  it('given an unclaimed requirement, then it is not applicable (not claimed), or evaluated with scope applicable', () => {
    const d = incidentFixture();
    expect(verdict(check(d, requirementSet, assertionMap).verdicts, '8.6.1.c')).toMatchObject({
      status: 'not-applicable',
      reason: { code: 'NOT_CLAIMED' },
    });
    const v = verdict(check(d, requirementSet, assertionMap, { scope: 'applicable' }).verdicts, '8.6.1.c');
    expect(v).toMatchObject({ status: 'fail', claim: 'unclaimed' });
  });

  it('given a requirement of another process area, then it is not applicable with the areas in its reason', () => {
    const v = verdict(check(incidentFixture(), requirementSet, assertionMap).verdicts, '8.6.2.a');
    expect(v).toMatchObject({
      status: 'not-applicable',
      reason: { code: 'OTHER_PROCESS_AREA', processes: ['service-request-management'] },
    });
    if (v.status === 'not-applicable') expect(v.reason.text.zh).toContain('service-request-management');
  });

  it('given organizational and platform requirements, then their verdicts say where evidence is kept and what proves it', () => {
    const result = check(incidentFixture(), requirementSet, assertionMap);
    const organizational = requirementSet.requirements.find((r) => r.kind === 'organizational')!;
    const platform = requirementSet.requirements.find((r) => r.kind === 'platform')!;
    expect(verdict(result.verdicts, organizational.id)).toMatchObject({
      status: 'organizational',
      evidence: organizational.kind === 'organizational' ? organizational.organizational.evidence : {},
    });
    expect(verdict(result.verdicts, platform.id)).toMatchObject({ status: 'platform' });
  });

  it('given any definition, then there is one verdict per requirement in the set order, the same on every run', () => {
    const d = { ...incidentFixture(), claims: ['8.6.1.c', '99.9'] };
    const first = check(d, requirementSet, assertionMap);
    expect(first.verdicts.map((v) => v.requirement)).toEqual(requirementSet.requirements.map((r) => r.id));
    expect(check(d, requirementSet, assertionMap)).toEqual(first);
    expect(first.unknownClaims).toEqual(['99.9']);
    const total = Object.values(first.summary).reduce((a, b) => a + b, 0);
    expect(total).toBe(requirementSet.requirements.length);
  });

  it('given a claimed requirement with no assertions in the map, then it fails with REQUIREMENT_NOT_MAPPED', () => {
    const d = { ...incidentFixture(), claims: ['8.6.1.c'] };
    const v = verdict(check(d, requirementSet, { ...assertionMap, assertions: {} }).verdicts, '8.6.1.c');
    expect(v.status === 'fail' && v.failures[0]!.code).toBe('REQUIREMENT_NOT_MAPPED');
  });
});
