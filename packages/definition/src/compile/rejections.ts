import type { LocalizedText } from '../format/common.ts';

/**
 * Why `step()` refused an event. One catalogue for the stepping layer; each code is
 * documented in English and Chinese (the runtime maps them to HTTP problems).
 */
export const STEP_REJECTIONS = {
  INSTANCE_DONE: {
    en: 'The record is in a final state and accepts no more events.',
    zh: '该记录已处于终止状态，不再接受事件。',
  },
  EVENT_NOT_ALLOWED: {
    en: 'This event is not available in the current state.',
    zh: '当前状态下不可执行此事件。',
  },
  ACTOR_NOT_ALLOWED: {
    en: 'You do not hold a role that may do this in the current state.',
    zh: '您没有在当前状态下执行此操作的角色。',
  },
  GUARD_FAILED: {
    en: 'The conditions for this action do not hold.',
    zh: '此操作的条件不满足。',
  },
  DATA_INVALID: {
    en: 'The data does not satisfy the form: a required field is missing from the record and the event, or a value is not allowed. `problems` lists each with a JSON Pointer.',
    zh: '数据不满足表单：某个必填字段在记录和事件中都缺失，或某个值不被允许。`problems` 用 JSON Pointer 列出每个问题。',
  },
  UNKNOWN_FIELD: {
    en: 'The event carries a field the record does not have.',
    zh: '事件包含记录中不存在的字段。',
  },
  TIMER_NOT_OPEN: {
    en: 'The timer that raised this event is no longer open.',
    zh: '触发此事件的定时器已不再有效。',
  },
  NO_APPROVAL_PENDING: {
    en: 'No approval is pending in the current state.',
    zh: '当前状态下没有待审批事项。',
  },
  NOT_AN_APPROVER: {
    en: 'You are not one of the approvers.',
    zh: '您不是审批人。',
  },
  SEGREGATION_OF_DUTIES: {
    en: 'The requester or implementer of this record may not approve it.',
    zh: '该记录的请求人或实施人不得审批。',
  },
  ALREADY_VOTED: {
    en: 'You have already voted on this approval.',
    zh: '您已对此审批投过票。',
  },
} as const satisfies Record<string, LocalizedText>;

/** A rejection code of `step()`. */
export type StepRejectionCode = keyof typeof STEP_REJECTIONS;

/** A coded rejection, as data. */
export interface StepRejection {
  code: StepRejectionCode;
  message: LocalizedText;
  params: Record<string, unknown>;
}

/** Makes a rejection with its catalogued message. */
export function rejection(code: StepRejectionCode, params: Record<string, unknown> = {}): StepRejection {
  return { code, message: STEP_REJECTIONS[code], params };
}
