/**
 * The one catalogue of runtime failure codes. Every {@link RuntimeError} and every coded
 * outcome of the runtime's stores carries one of these codes; `runtime-error-codes.test.ts`
 * checks each is documented in English and Chinese and that the source uses no other code.
 */

import type { LocalizedText } from '@clauseflow/common';

export type { LocalizedText };

/** Every failure code the runtime produces, with what it means. */
export const RUNTIME_ERROR_CODES = {
  CONFLICT: {
    en: 'Another writer appended to this instance first: the expected sequence number is taken. Reload and retry, or report the conflict to the caller.',
    zh: '另一个写入者先向该实例追加了事件：预期的序号已被占用。请重新加载后重试，或将冲突报告给调用方。',
  },
  DUPLICATE: {
    en: 'This idempotency key is already recorded for the instance; the recorded outcome is returned and nothing changes.',
    zh: '该实例已记录此幂等键；返回已记录的结果，不做任何更改。',
  },
  NOT_FOUND: {
    en: 'No such instance, event, timer or outbox message.',
    zh: '不存在此实例、事件、定时器或发件箱消息。',
  },
  CHAIN_BROKEN: {
    en: 'The hash chain of an event log does not verify: an event was altered, removed or inserted out of order.',
    zh: '事件日志的哈希链校验失败：某个事件被篡改、删除或乱序插入。',
  },
  INVALID_ARGUMENT: {
    en: 'An argument has the wrong type or is out of range (for example a non-string id, a negative duration or an invalid date).',
    zh: '参数类型错误或超出范围（例如非字符串的标识、负的时长或无效的日期）。',
  },
  INVALID_DOCUMENT: {
    en: 'A value cannot be stored: a key starts with `$` or contains `.`, an array directly contains an array, or a value is not plain JSON.',
    zh: '值无法存储：某个键以 `$` 开头或包含 `.`，数组直接包含数组，或值不是纯 JSON。',
  },
  INVALID_CALENDAR: {
    en: 'A business calendar is malformed: unknown time zone, a bad HH:mm time, an interval that ends before it starts, a bad holiday date, or no working time at all.',
    zh: '业务日历格式错误：未知时区、HH:mm 时间无效、时段结束早于开始、节假日日期无效，或完全没有工作时间。',
  },
  INVALID_CLOCK_TRANSITION: {
    en: 'The SLA clock cannot do this from its current status (for example resuming a stopped clock) or the given time is before its last change.',
    zh: 'SLA 时钟在当前状态下不能执行此操作（例如恢复已停止的时钟），或给定时间早于其上次变更。',
  },
  UNKNOWN_DELIVERY_CHANNEL: {
    en: 'An outbox message names a delivery channel for which no adapter is registered.',
    zh: '发件箱消息指定的投递渠道没有注册适配器。',
  },
  DELIVERY_FAILED: {
    en: 'Delivering an outbox message failed; it is retried with exponential backoff until the attempts run out.',
    zh: '发件箱消息投递失败；将按指数退避重试，直至用尽尝试次数。',
  },
  TIMER_FIRE_FAILED: {
    en: 'Raising the event of a due timer failed; the timer stays scheduled and is retried later.',
    zh: '到期定时器触发事件失败；定时器保持已调度状态，稍后重试。',
  },
} as const satisfies Record<string, LocalizedText>;

/** A runtime failure code. */
export type RuntimeErrorCode = keyof typeof RUNTIME_ERROR_CODES;

/** The description of a code in the requested language. */
export function describeRuntimeError(code: RuntimeErrorCode, lang: keyof LocalizedText = 'en'): string {
  return RUNTIME_ERROR_CODES[code][lang];
}

/** A coded failure of the runtime; `params` carries the data a caller needs to react. */
export class RuntimeError extends Error {
  readonly code: RuntimeErrorCode;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(code: RuntimeErrorCode, message: string, params: Record<string, unknown> = {}) {
    super(`${code}: ${message}`);
    this.name = 'RuntimeError';
    this.code = code;
    this.params = params;
  }
}

/** True when `error` is a {@link RuntimeError}, optionally with the given code. */
export function isRuntimeError(error: unknown, code?: RuntimeErrorCode): error is RuntimeError {
  return error instanceof RuntimeError && (code === undefined || error.code === code);
}
