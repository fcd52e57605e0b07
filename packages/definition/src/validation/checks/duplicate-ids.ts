import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { childPointer, pointer } from '../json-pointer.ts';

interface Kind {
  en: string;
  zh: string;
}

const KINDS = {
  role: { en: 'role', zh: '角色' },
  state: { en: 'state', zh: '状态' },
  transition: { en: 'transition', zh: '迁移' },
  decision: { en: 'decision', zh: '决策表' },
  ruleSet: { en: 'rule set', zh: '规则集' },
  form: { en: 'form', zh: '表单' },
  clock: { en: 'clock', zh: '时钟' },
  calendar: { en: 'calendar', zh: '日历' },
  timer: { en: 'timer', zh: '定时器' },
  input: { en: 'decision input', zh: '决策输入' },
  output: { en: 'decision output', zh: '决策输出' },
  row: { en: 'decision row', zh: '决策行' },
  rule: { en: 'rule', zh: '规则' },
  section: { en: 'form section', zh: '表单分节' },
  formField: { en: 'form field', zh: '表单字段' },
} satisfies Record<string, Kind>;

/** Tracks the ids of one namespace and reports each repeat at its id property. */
class Namespace {
  private readonly first = new Map<string, string>();
  constructor(
    private readonly kind: Kind,
    private readonly issues: Issue[],
  ) {}
  add(id: string, path: string): void {
    const first = this.first.get(id);
    if (first === undefined) this.first.set(id, path);
    else this.issues.push(createIssue('DUPLICATE_ID', path, { kind: this.kind.en, kindZh: this.kind.zh, id, first }));
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
  const kindOf = {
    roles: KINDS.role,
    states: KINDS.state,
    transitions: KINDS.transition,
    decisions: KINDS.decision,
    ruleSets: KINDS.ruleSet,
    forms: KINDS.form,
    clocks: KINDS.clock,
    calendars: KINDS.calendar,
  };
  for (const key of topLevel) {
    const namespace = new Namespace(kindOf[key], issues);
    definition[key].forEach((item, i) => namespace.add(item.id, pointer(key, i, 'id')));
  }
  const timers = new Namespace(KINDS.timer, issues);
  definition.states.forEach((state, i) => {
    state.timers?.forEach((timer, j) => timers.add(timer.id, pointer('states', i, 'timers', j, 'id')));
  });
  definition.decisions.forEach((decision, i) => {
    const base = pointer('decisions', i);
    const inputs = new Namespace(KINDS.input, issues);
    decision.inputs.forEach((input, j) => inputs.add(input.id, childPointer(base, 'inputs', j, 'id')));
    const outputs = new Namespace(KINDS.output, issues);
    decision.outputs.forEach((output, j) => outputs.add(output.id, childPointer(base, 'outputs', j, 'id')));
    const rows = new Namespace(KINDS.row, issues);
    decision.rows.forEach((row, j) => rows.add(row.id, childPointer(base, 'rows', j, 'id')));
  });
  definition.ruleSets.forEach((ruleSet, i) => {
    const rules = new Namespace(KINDS.rule, issues);
    ruleSet.rules.forEach((rule, j) => rules.add(rule.id, pointer('ruleSets', i, 'rules', j, 'id')));
  });
  definition.forms.forEach((form, i) => {
    const sections = new Namespace(KINDS.section, issues);
    const fields = new Namespace(KINDS.formField, issues);
    form.sections.forEach((section, j) => {
      sections.add(section.id, pointer('forms', i, 'sections', j, 'id'));
      section.fields.forEach((field, k) =>
        fields.add(field.field, pointer('forms', i, 'sections', j, 'fields', k, 'field')),
      );
    });
  });
  return issues;
}
