import type {
  DataProblem,
  InstanceState,
  LocalizedText,
  StepRejection,
  StepResult,
  TraceEntry,
} from '@clauseflow/definition';
import type { StoredEvent } from '../event-log.ts';

/** Why the engine refused a request; nothing was recorded. */
export type EngineFailureCode =
  'NOT_FOUND' | 'PROCESS_NOT_PUBLISHED' | 'CONFLICT' | 'VALIDATION_FAILED' | 'INVALID_ARGUMENT' | StepRejection['code'];

export interface EngineFailure {
  ok: false;
  code: EngineFailureCode;
  message: LocalizedText;
  params: Record<string, unknown>;
  /** Payload problems (VALIDATION_FAILED), with JSON Pointers into the payload. */
  problems?: DataProblem[];
  /** The rule trace up to the refusal (e.g. failing guards). */
  trace?: TraceEntry[];
}

export interface EngineSuccess {
  ok: true;
  instanceId: string;
  seq: number;
  state: InstanceState;
  event: StoredEvent;
  /** True when an idempotency key replayed a recorded outcome: nothing changed now. */
  replayed: boolean;
}

export type EngineResult = EngineSuccess | EngineFailure;

/** A timer that is no longer open fired: nothing was recorded, and nothing needs to be. */
export interface StaleTimer {
  ok: true;
  stale: true;
}

/** The engine's own refusals (the step function's come with their texts). */
type EngineOwnCode = 'NOT_FOUND' | 'PROCESS_NOT_PUBLISHED' | 'CONFLICT' | 'VALIDATION_FAILED' | 'INVALID_ARGUMENT';

const MESSAGES: Record<EngineOwnCode, LocalizedText> = {
  NOT_FOUND: { en: 'No such record.', zh: '没有该记录。' },
  PROCESS_NOT_PUBLISHED: { en: 'The process has no published version.', zh: '该流程没有已发布的版本。' },
  CONFLICT: {
    en: 'The record changed meanwhile; reload it and try again.',
    zh: '记录已被他人修改，请重新加载后再试。',
  },
  VALIDATION_FAILED: { en: 'The data does not match the form.', zh: '数据与表单不符。' },
  INVALID_ARGUMENT: { en: 'The request is malformed.', zh: '请求格式不正确。' },
};

/** One of the engine's own refusals. */
export function failure(
  code: EngineOwnCode,
  params: Record<string, unknown> = {},
  extra: Partial<EngineFailure> = {},
): EngineFailure {
  return { ok: false, code, message: MESSAGES[code], params, ...extra };
}

/** A refusal of the step function as the engine answers it. */
export function rejected(result: Extract<StepResult, { ok: false }>): EngineFailure {
  const { rejection } = result;
  // The form rule lives in step() (event-data.ts); its refusal keeps the engine's payload-problem shape.
  if (rejection.code === 'DATA_INVALID') {
    const { problems, event } = rejection.params as { problems: DataProblem[]; event?: string };
    return failure('VALIDATION_FAILED', event === undefined ? {} : { event }, { problems });
  }
  return { ok: false, code: rejection.code, message: rejection.message, params: rejection.params, trace: result.trace };
}
