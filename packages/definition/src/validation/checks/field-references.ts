import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { childPointer, pointer } from '../json-pointer.ts';
import { forEachCondition, forEachEffect, forEachFact, recordFields } from './visit.ts';

/**
 * UNKNOWN_FIELD: every field a definition names exists in the record schema — the title field,
 * `required`, decision inputs and outputs, rule conditions and `set`, form fields, effects,
 * guard and visibility conditions, clock targets and timer deadlines.
 */
export function checkFieldReferences(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  const fields = recordFields(definition);
  const expect = (field: string | undefined, path: string): void => {
    if (field !== undefined && !fields.has(field)) issues.push(createIssue('UNKNOWN_FIELD', path, { field }));
  };

  expect(definition.record.titleField, '/record/titleField');
  definition.record.schema.required?.forEach((field, i) => expect(field, pointer('record', 'schema', 'required', i)));

  definition.decisions.forEach((decision, i) => {
    decision.inputs.forEach((input, j) => expect(input.field, pointer('decisions', i, 'inputs', j, 'field')));
    decision.outputs.forEach((output, j) => expect(output.field, pointer('decisions', i, 'outputs', j, 'field')));
  });
  definition.ruleSets.forEach((ruleSet, i) => {
    ruleSet.rules.forEach((rule, j) => {
      for (const field of Object.keys(rule.set ?? {})) expect(field, pointer('ruleSets', i, 'rules', j, 'set', field));
    });
  });
  definition.forms.forEach((form, i) => {
    form.sections.forEach((section, j) => {
      section.fields.forEach((field, k) =>
        expect(field.field, pointer('forms', i, 'sections', j, 'fields', k, 'field')),
      );
    });
  });
  forEachCondition(definition, (condition, path) => forEachFact(condition, path, expect));
  forEachEffect(definition, (effect, path) => {
    if (effect.type === 'setField') {
      expect(effect.field, childPointer(path, 'field'));
      if ('field' in effect.from) expect(effect.from.field, childPointer(path, 'from', 'field'));
    }
    if (effect.type === 'createLinkedRecord') {
      for (const [target, source] of Object.entries(effect.copy ?? {}))
        expect(source, childPointer(path, 'copy', target));
    }
  });
  definition.clocks.forEach((clock, i) => expect(clock.target.byField, pointer('clocks', i, 'target', 'byField')));
  definition.states.forEach((state, i) => {
    state.timers?.forEach((timer, j) =>
      expect(timer.deadlineField, pointer('states', i, 'timers', j, 'deadlineField')),
    );
  });
  return issues;
}
