import { formatLocalized } from '@clauseflow/common';
import type { LocalizedText } from '@clauseflow/common';
/**
 * The catalogue of conformance failure codes: every way an assertion or a claim can fail, with
 * its explanation in English and Simplified Chinese. `{name}` placeholders are filled from the
 * failure's params. One file for the conformance layer; each code is documented and tested.
 */
export const CONFORMANCE_FAILURE_CODES = {
  NO_STATE_WITH_TAG: {
    en: "No state is tagged '{tag}'. Add a state with that tag (or tag an existing one).",
    zh: '没有标记为“{tag}”的状态。请添加带此标记的状态（或为现有状态加上此标记）。',
  },
  NO_FINAL_STATE: {
    en: 'No final state is reachable from the initial state, so no path can be checked.',
    zh: '从初始状态无法到达任何终止状态，无法检查路径。',
  },
  PATH_BYPASSES_TAG: {
    en: "A path reaches final state '{state}' without passing a state tagged '{tag}' (path: {path}). Route it through such a state.",
    zh: '有一条路径未经过标记为“{tag}”的状态就到达了终止状态“{state}”（路径：{path}）。请让它经过这样的状态。',
  },
  REACHED_BEFORE_TAG: {
    en: "State '{state}' (tagged '{before}') can be reached before any state tagged '{tag}' (path: {path}).",
    zh: '可以在经过标记为“{tag}”的状态之前到达状态“{state}”（标记为“{before}”）（路径：{path}）。',
  },
  NO_FIELD_WITH_TAG: {
    en: "No record field is tagged '{tag}'. Add such a field to the record schema.",
    zh: '记录中没有标记为“{tag}”的字段。请在记录结构中添加此字段。',
  },
  FIELD_NOT_REQUIRED_BEFORE_LEAVING: {
    en: "Transition '{transition}' leaves state '{state}' without requiring the field tagged '{tag}'. Require it on the transition's form or on the state's form.",
    zh: '转换“{transition}”离开状态“{state}”时未要求填写标记为“{tag}”的字段。请在该转换或该状态的表单中将其设为必填。',
  },
  FIELD_NOT_REQUIRED_ON_ENTRY: {
    en: "Transition '{transition}' enters state '{state}' without requiring the field tagged '{tag}'. Require it on the transition's form.",
    zh: '转换“{transition}”进入状态“{state}”时未要求填写标记为“{tag}”的字段。请在该转换的表单中将其设为必填。',
  },
  NO_FORM_CAPTURES_FIELDS: {
    en: 'No form captures the fields tagged {tags}. Add them to a form.',
    zh: '没有表单采集标记为 {tags} 的字段。请把它们加入表单。',
  },
  NO_FORM_REQUIRES_FIELDS: {
    en: 'No form requires the fields tagged {tags}. Add them to a form as required fields.',
    zh: '没有表单将标记为 {tags} 的字段设为必填。请把它们作为必填字段加入表单。',
  },
  NO_DECISION_SETS_FIELD: {
    en: "No decision table writes the field tagged '{tag}'. Add a decision whose output is that field.",
    zh: '没有决策表写入标记为“{tag}”的字段。请添加以该字段为输出的决策表。',
  },
  DECISION_INPUT_MISSING: {
    en: "Decision '{decision}' sets the field tagged '{output}' but does not read the field tagged '{tag}'. Add it as an input.",
    zh: '决策表“{decision}”设置了标记为“{output}”的字段，但没有读取标记为“{tag}”的字段。请把它加为输入。',
  },
  NO_ESCALATION_FROM_STATE: {
    en: "No escalation leaves open state '{state}'. Add a transition tagged '{tag}' from it (manual, or raised by a timer).",
    zh: '未结状态“{state}”没有升级途径。请从该状态添加标记为“{tag}”的转换（手动或由定时器触发）。',
  },
  NO_NOTIFICATION_ON_ENTRY: {
    en: "Entering state '{state}' does not notify the role tagged '{role}'. Add a notify effect on entry.",
    zh: '进入状态“{state}”时没有通知标记为“{role}”的角色。请在进入时添加通知动作。',
  },
  NO_ROLE_WITH_TAG: {
    en: "No role is tagged '{tag}'. Add such a role.",
    zh: '没有标记为“{tag}”的角色。请添加此角色。',
  },
  ROLE_NOT_RESPONSIBLE: {
    en: "No role tagged '{role}' may act in state '{state}'. Add it to the state's actors or assign it on entry.",
    zh: '标记为“{role}”的角色不能在状态“{state}”中处理。请把它加入该状态的处理人或在进入时指派。',
  },
  NO_PERIODIC_TIMER: {
    en: 'No repeating timer exists. Add a timer with repeat so the activity happens at planned intervals.',
    zh: '不存在重复定时器。请添加重复定时器，使该活动按计划的时间间隔进行。',
  },
  NO_PERIODIC_TIMER_IN_STATE: {
    en: "No state tagged '{tag}' has a repeating timer. Add a timer with repeat so the activity happens at planned intervals.",
    zh: '没有标记为“{tag}”的状态带有重复定时器。请添加重复定时器，使该活动按计划的时间间隔进行。',
  },
  NO_APPROVAL_IN_STATE: {
    en: "State '{state}' asks for no approval. Add an approval to it.",
    zh: '状态“{state}”没有要求审批。请为其添加审批。',
  },
  REQUESTER_MAY_APPROVE: {
    en: "In state '{state}' the record's requester may approve. Segregation of duties requires that they may not.",
    zh: '在状态“{state}”中记录的请求人可以审批。职责分离要求请求人不得审批。',
  },
  IMPLEMENTER_MAY_APPROVE: {
    en: "In state '{state}' the record's implementer may approve. Segregation of duties requires that they may not.",
    zh: '在状态“{state}”中记录的实施人可以审批。职责分离要求实施人不得审批。',
  },
  NO_TRANSITION_WITH_TAG: {
    en: "No transition is tagged '{tag}'. Add such a transition.",
    zh: '没有标记为“{tag}”的转换。请添加此转换。',
  },
  TRANSITION_ACTORS_UNRESTRICTED: {
    en: "Transition '{transition}' names no actors, so anyone acting in its state may take it. Name its actor roles.",
    zh: '转换“{transition}”未指定处理角色，任何能在其状态中处理的人都可执行。请指定处理角色。',
  },
  SAME_ACTOR_MAY_DO_BOTH: {
    en: "Roles {roles} may take both '{transitionA}' and '{transitionB}'. The two must be done by different actors.",
    zh: '角色 {roles} 既可执行“{transitionA}”也可执行“{transitionB}”。两者必须由不同的人执行。',
  },
  NO_CLOCK_WITH_TAG: {
    en: "No SLA clock is tagged '{tag}'. Add such a clock.",
    zh: '没有标记为“{tag}”的服务级别时钟。请添加此时钟。',
  },
  CLOCK_NOT_STARTED: {
    en: "Clock '{clock}' is not started in any state tagged '{tag}'. Start it on entry.",
    zh: '时钟“{clock}”未在任何标记为“{tag}”的状态中启动。请在进入时启动它。',
  },
  CLOCK_NOT_STOPPED: {
    en: "Clock '{clock}' is not stopped in state '{state}'. Stop it on entry.",
    zh: '时钟“{clock}”未在状态“{state}”中停止。请在进入时停止它。',
  },
  NO_TRANSITION_BETWEEN: {
    en: "No transition leads from a state tagged '{from}' to a state tagged '{to}'. Add one.",
    zh: '没有从标记为“{from}”的状态到标记为“{to}”的状态的转换。请添加。',
  },
  NO_LINKED_RECORD: {
    en: "Nothing creates a linked '{process}' record. Add a createLinkedRecord effect.",
    zh: '没有任何动作创建关联的“{process}”记录。请添加创建关联记录的动作。',
  },
  NO_LINKED_RECORD_IN_STATE: {
    en: "Nothing in or around a state tagged '{tag}' creates a linked '{process}' record. Add a createLinkedRecord effect there.",
    zh: '标记为“{tag}”的状态及其转换中没有任何动作创建关联的“{process}”记录。请在此添加创建关联记录的动作。',
  },
  CLAIM_DROPPED: {
    en: "Template '{template}' claims requirement {requirement}, and this tailored copy dropped the claim. A tailored copy keeps its template's claims: restore the claim and meet the requirement.",
    zh: '模板“{template}”声明满足要求 {requirement}，而此定制副本删除了该声明。定制副本必须保留模板的声明：请恢复该声明并满足该要求。',
  },
  REQUIREMENT_NOT_MAPPED: {
    en: 'Requirement {requirement} is claimed but has no machine check in the assertion map.',
    zh: '声明满足要求 {requirement}，但断言映射中没有对应的机器检查。',
  },
} as const satisfies Record<string, LocalizedText>;

/** A conformance failure code. */
export type ConformanceFailureCode = keyof typeof CONFORMANCE_FAILURE_CODES;

/** Fills `{name}` placeholders of a catalogue text; unknown names stay visible. */
export function formatFailure(code: ConformanceFailureCode, params: Readonly<Record<string, string>>): LocalizedText {
  return formatLocalized(CONFORMANCE_FAILURE_CODES[code], params);
}
