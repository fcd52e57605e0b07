import type { LocalizedText } from '../format/common.ts';

/** How bad an issue is: errors make a definition unusable (not publishable); warnings do not. */
export type IssueSeverity = 'error' | 'warning';

/** One entry of the issue catalogue. */
export interface IssueCodeSpec {
  readonly severity: IssueSeverity;
  /** What the code means, for documentation and the designer's help panel. */
  readonly description: LocalizedText;
  /** The message of one issue; `{name}` is replaced by the issue's param `name`. */
  readonly message: LocalizedText;
  /** The params every issue of this code carries. */
  readonly params: readonly string[];
}

/**
 * The one catalogue of definition issue codes. Every problem `parseDefinition` and
 * `validateDefinition` report carries one of these codes.
 */
export const ISSUE_CODES = {
  SCHEMA_VIOLATION: {
    severity: 'error',
    description: {
      en: 'The document does not match the JSON Schema of the definition format.',
      zh: '文档不符合流程定义格式的 JSON Schema。',
    },
    message: { en: '{detail}', zh: '{detailZh}' },
    params: ['keyword', 'detail', 'detailZh'],
  },
  MIGRATED: {
    severity: 'warning',
    description: {
      en: 'The definition was written in an older format version and was upgraded before validation; paths point into the upgraded document.',
      zh: '该定义使用旧版格式编写，已在校验前升级；路径指向升级后的文档。',
    },
    message: {
      en: 'Upgraded from format version {from} to {to}; save it again to keep the new format.',
      zh: '已从格式版本 {from} 升级到 {to}；请重新保存以保留新格式。',
    },
    params: ['from', 'to'],
  },
  ANALYSIS_FAILED: {
    severity: 'error',
    description: {
      en: 'The definition could not be analysed (for example, it is nested too deeply).',
      zh: '无法分析该定义（例如嵌套过深）。',
    },
    message: { en: 'The definition could not be analysed: {reason}', zh: '无法分析该定义：{reason}' },
    params: ['reason'],
  },
  INVALID_RECORD_SCHEMA: {
    severity: 'error',
    description: {
      en: 'The record schema is not a JSON Schema (draft 2020-12) that can be compiled.',
      zh: '记录模式不是可编译的 JSON Schema（2020-12 草案）。',
    },
    message: { en: 'The record schema cannot be compiled: {reason}', zh: '记录模式无法编译：{reason}' },
    params: ['reason'],
  },
  FORBIDDEN_KEY: {
    severity: 'error',
    description: {
      en: 'A property name in the record schema or in record data starts with "$" or contains "."; the database cannot store it.',
      zh: '记录模式或记录数据中的属性名以“$”开头或包含“.”，数据库无法存储。',
    },
    message: {
      en: 'Property name "{key}" may not start with "$" or contain ".".',
      zh: '属性名“{key}”不能以“$”开头，也不能包含“.”。',
    },
    params: ['key'],
  },
  DUPLICATE_ID: {
    severity: 'error',
    description: {
      en: 'Two elements of the same kind share an id; ids must be unique so references are unambiguous.',
      zh: '同类的两个元素使用了相同的标识；标识必须唯一，引用才不会有歧义。',
    },
    message: {
      en: 'Duplicate {kind} id "{id}" (first used at {first}).',
      zh: '{kindZh}标识“{id}”重复（首次出现在 {first}）。',
    },
    params: ['kind', 'kindZh', 'id', 'first'],
  },
  UNKNOWN_STATE: {
    severity: 'error',
    description: { en: 'A reference names a state that does not exist.', zh: '引用了不存在的状态。' },
    message: { en: 'Unknown state "{id}".', zh: '未知状态“{id}”。' },
    params: ['id'],
  },
  UNKNOWN_ROLE: {
    severity: 'error',
    description: { en: 'A reference names a role the process does not define.', zh: '引用了流程未定义的角色。' },
    message: { en: 'Unknown role "{id}".', zh: '未知角色“{id}”。' },
    params: ['id'],
  },
  UNKNOWN_FORM: {
    severity: 'error',
    description: { en: 'A reference names a form that does not exist.', zh: '引用了不存在的表单。' },
    message: { en: 'Unknown form "{id}".', zh: '未知表单“{id}”。' },
    params: ['id'],
  },
  UNKNOWN_RULE: {
    severity: 'error',
    description: {
      en: 'A guard, effect or decision row names a decision, decision input or output, rule set or rule event that does not exist.',
      zh: '守卫条件、动作或决策行引用了不存在的决策表、决策输入/输出、规则集或规则事件。',
    },
    message: { en: 'Unknown {kind} "{id}".', zh: '未知的{kindZh}“{id}”。' },
    params: ['kind', 'kindZh', 'id'],
  },
  UNKNOWN_FIELD: {
    severity: 'error',
    description: {
      en: 'A rule, decision, form, effect, guard condition, clock target, timer or the title field names a field the record schema lacks.',
      zh: '规则、决策、表单、动作、守卫条件、时钟目标、定时器或标题字段引用了记录模式中不存在的字段。',
    },
    message: { en: 'Unknown record field "{field}".', zh: '未知记录字段“{field}”。' },
    params: ['field'],
  },
  UNKNOWN_CLOCK: {
    severity: 'error',
    description: { en: 'A reference names an SLA clock that does not exist.', zh: '引用了不存在的 SLA 时钟。' },
    message: { en: 'Unknown SLA clock "{id}".', zh: '未知 SLA 时钟“{id}”。' },
    params: ['id'],
  },
  UNKNOWN_CALENDAR: {
    severity: 'error',
    description: {
      en: 'A clock or timer names a business calendar that does not exist.',
      zh: '时钟或定时器引用了不存在的工作日历。',
    },
    message: { en: 'Unknown business calendar "{id}".', zh: '未知工作日历“{id}”。' },
    params: ['id'],
  },
  UNKNOWN_TIMER: {
    severity: 'error',
    description: {
      en: 'A schedule-timer or cancel-timer effect names a timer no state defines.',
      zh: '调度或取消定时器的动作引用了任何状态都未定义的定时器。',
    },
    message: { en: 'Unknown timer "{id}".', zh: '未知定时器“{id}”。' },
    params: ['id'],
  },
  UNHANDLED_EVENT: {
    severity: 'warning',
    description: {
      en: 'A timer or an approval of a state raises an event that no transition from that state handles, so it has no effect.',
      zh: '状态的定时器或审批触发的事件没有任何从该状态出发的迁移处理，因此不起作用。',
    },
    message: {
      en: 'Event "{event}" raised in state "{state}" is handled by no transition from it.',
      zh: '在状态“{state}”中触发的事件“{event}”没有从该状态出发的迁移处理。',
    },
    params: ['state', 'event'],
  },
  SYSTEM_TRANSITION_THROUGH_FORM: {
    severity: 'warning',
    description: {
      en: 'A transition the system takes (automatic, or on the event of a timer, a decided approval or an SLA clock) carries a form with required fields. Nobody fills a form there, so the runtime does not enforce it and the record may move on without those fields.',
      zh: '系统执行的迁移（自动迁移，或由定时器、已决审批或 SLA 时钟触发的事件）带有含必填字段的表单。此时无人填写表单，运行时不会强制执行，记录可能在缺少这些字段的情况下继续流转。',
    },
    message: {
      en: 'Transition "{transition}" is taken by the system ({raisedBy}) but its form "{form}" requires {fields}; give the system its own transition without the form, or require the fields earlier.',
      zh: '迁移“{transition}”由系统（{raisedBy}）执行，但其表单“{form}”要求填写 {fields}；请为系统单独设置不带表单的迁移，或在更早的步骤要求填写这些字段。',
    },
    params: ['transition', 'form', 'raisedBy', 'fields'],
  },
  UNREACHABLE_STATE: {
    severity: 'warning',
    description: {
      en: 'No sequence of transitions from the initial state reaches this state.',
      zh: '从初始状态出发，没有任何迁移序列能到达该状态。',
    },
    message: {
      en: 'State "{state}" cannot be reached from the initial state.',
      zh: '状态“{state}”无法从初始状态到达。',
    },
    params: ['state'],
  },
  DEAD_END_STATE: {
    severity: 'error',
    description: {
      en: 'A state that is not final has no transition to another state: records entering it are stuck.',
      zh: '非终止状态没有通往其他状态的迁移：进入该状态的记录将无法继续。',
    },
    message: {
      en: 'State "{state}" is not final but has no way out.',
      zh: '状态“{state}”不是终止状态，但没有出口。',
    },
    params: ['state'],
  },
  NO_PATH_TO_FINAL: {
    severity: 'error',
    description: {
      en: 'No sequence of transitions leads from this state to a final state.',
      zh: '从该状态出发，没有任何迁移序列能到达终止状态。',
    },
    message: {
      en: 'No final state can be reached from state "{state}".',
      zh: '从状态“{state}”无法到达任何终止状态。',
    },
    params: ['state'],
  },
  NONDETERMINISTIC_TRANSITION: {
    severity: 'error',
    description: {
      en: 'Two transitions without a guard leave the same state on the same event; which one is taken is undefined.',
      zh: '两个没有守卫条件的迁移在同一事件上离开同一状态；无法确定执行哪一个。',
    },
    message: {
      en: 'Transitions "{other}" and "{transition}" both leave "{state}" on "{event}" without a guard.',
      zh: '迁移“{other}”和“{transition}”都在事件“{event}”上无条件离开状态“{state}”。',
    },
    params: ['state', 'event', 'transition', 'other'],
  },
  CLOCK_NEVER_STOPS: {
    severity: 'error',
    description: {
      en: 'Some path from where an SLA clock starts reaches a final state without stopping the clock.',
      zh: '从 SLA 时钟启动处出发，存在一条到达终止状态却从未停止该时钟的路径。',
    },
    message: {
      en: 'Clock "{clock}" started here can reach final state "{final}" without being stopped.',
      zh: '在此启动的时钟“{clock}”可能到达终止状态“{final}”而从未停止。',
    },
    params: ['clock', 'final'],
  },
  DECISION_TABLE_GAP: {
    severity: 'warning',
    description: {
      en: 'A unique-hit-policy decision table has input combinations that no row matches.',
      zh: '唯一命中策略的决策表存在没有任何行匹配的输入组合。',
    },
    message: {
      en: 'Decision "{decision}": no row matches {combination}.',
      zh: '决策表“{decision}”：没有任何行匹配 {combination}。',
    },
    params: ['decision', 'combination'],
  },
  DECISION_TABLE_OVERLAP: {
    severity: 'error',
    description: {
      en: 'Two rows of a unique-hit-policy decision table match the same input combination.',
      zh: '唯一命中策略的决策表中有两行匹配同一输入组合。',
    },
    message: {
      en: 'Decision "{decision}": rows "{other}" and "{row}" both match {combination}.',
      zh: '决策表“{decision}”：行“{other}”和行“{row}”都匹配 {combination}。',
    },
    params: ['decision', 'row', 'other', 'combination'],
  },
  INVALID_RECORD_REFERENCE: {
    severity: 'error',
    description: {
      en: 'A record-reference field (x-ref) is malformed: its process key is not kebab-case, its type cannot hold record ids (a string, or with "many" an array of strings), or a form shows a field without x-ref with the record widget.',
      zh: '记录引用字段（x-ref）格式有误：其流程键不是短横线小写格式，其类型无法保存记录标识（应为字符串，或在 "many" 时为字符串数组），或表单对没有 x-ref 的字段使用了记录控件。',
    },
    message: { en: 'Record reference "{field}": {detail}', zh: '记录引用“{field}”：{detailZh}' },
    params: ['field', 'detail', 'detailZh'],
  },
  UNKNOWN_REFERENCED_PROCESS: {
    severity: 'error',
    description: {
      en: 'A record-reference field names a process that has no published version (checked when the definition is published).',
      zh: '记录引用字段引用的流程没有已发布的版本（在发布定义时检查）。',
    },
    message: {
      en: 'Field "{field}" refers to records of process "{process}", which is not published.',
      zh: '字段“{field}”引用流程“{process}”的记录，但该流程尚未发布。',
    },
    params: ['field', 'process'],
  },
} as const satisfies Record<string, IssueCodeSpec>;

/** A definition issue code (UPPER_SNAKE_CASE), a key of {@link ISSUE_CODES}. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** Every issue code, in catalogue order. */
export const ISSUE_CODE_LIST = Object.keys(ISSUE_CODES) as IssueCode[];
