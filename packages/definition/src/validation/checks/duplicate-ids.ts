import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { childPointer, pointer } from '../json-pointer.ts';
import { kindParams, type ElementKind } from './element-kinds.ts';

/** Tracks the ids of one namespace and reports each repeat at its id property. */
class Namespace {
  private readonly first = new Map<string, string>();
  constructor(
    private readonly kind: ElementKind,
    private readonly issues: Issue[],
  ) {}
  add(id: string, path: string): void {
    const first = this.first.get(id);
    if (first === undefined) this.first.set(id, path);
    else this.issues.push(createIssue('DUPLICATE_ID', path, { ...kindParams(this.kind), id, first }));
  }
}

/**
 * DUPLICATE_ID: ids must be unique per kind — across the definition for top-level elements and
 * timers (effects name timers), within their parent for inputs, outputs, rows, rules, sections
 * and the fields of one form.
 */
export function checkDuplicateIds(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  const topLevel = ['roles', 'states', 'transitions', 'decisions', 'ruleSets', 'forms', 'clocks', 'calendars'] as const;
  const kindOf: Record<(typeof topLevel)[number], ElementKind> = {
    roles: 'role',
    states: 'state',
    transitions: 'transition',
    decisions: 'decision',
    ruleSets: 'ruleSet',
    forms: 'form',
    clocks: 'clock',
    calendars: 'calendar',
  };
  for (const key of topLevel) {
    const namespace = new Namespace(kindOf[key], issues);
    definition[key].forEach((item, i) => namespace.add(item.id, pointer(key, i, 'id')));
  }
  const timers = new Namespace('timer', issues);
  definition.states.forEach((state, i) => {
    state.timers?.forEach((timer, j) => timers.add(timer.id, pointer('states', i, 'timers', j, 'id')));
  });
  definition.decisions.forEach((decision, i) => {
    const base = pointer('decisions', i);
    const inputs = new Namespace('input', issues);
    decision.inputs.forEach((input, j) => inputs.add(input.id, childPointer(base, 'inputs', j, 'id')));
    const outputs = new Namespace('output', issues);
    decision.outputs.forEach((output, j) => outputs.add(output.id, childPointer(base, 'outputs', j, 'id')));
    const rows = new Namespace('row', issues);
    decision.rows.forEach((row, j) => rows.add(row.id, childPointer(base, 'rows', j, 'id')));
  });
  definition.ruleSets.forEach((ruleSet, i) => {
    const rules = new Namespace('rule', issues);
    ruleSet.rules.forEach((rule, j) => rules.add(rule.id, pointer('ruleSets', i, 'rules', j, 'id')));
  });
  definition.forms.forEach((form, i) => {
    const sections = new Namespace('section', issues);
    const fields = new Namespace('formField', issues);
    form.sections.forEach((section, j) => {
      sections.add(section.id, pointer('forms', i, 'sections', j, 'id'));
      section.fields.forEach((field, k) =>
        fields.add(field.field, pointer('forms', i, 'sections', j, 'fields', k, 'field')),
      );
    });
  });
  return issues;
}
