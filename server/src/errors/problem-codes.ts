/**
 * The one catalogue of HTTP problem codes. Every problem+json the server sends carries one of
 * these codes; `problem-codes.test.ts` checks each is documented in English and Chinese and
 * produced by at least one test.
 */

import type { LocalizedText } from '@clauseflow/common';

export type { LocalizedText };

/** One entry of the catalogue. */
export interface ProblemCodeSpec {
  status: number;
  title: LocalizedText;
  /** When the code is used (documentation for API consumers). */
  description: LocalizedText;
}

const spec = (status: number, title: LocalizedText, description: LocalizedText): ProblemCodeSpec => ({
  status,
  title,
  description,
});

/** Every problem code the HTTP API can answer with. */
export const PROBLEM_CODES = {
  MALFORMED_JSON: spec(
    400,
    { en: 'Malformed JSON', zh: 'JSON 格式错误' },
    {
      en: 'The request body is not valid JSON (or is empty while the content type says JSON).',
      zh: '请求体不是有效的 JSON（或内容类型为 JSON 但请求体为空）。',
    },
  ),
  VALIDATION_FAILED: spec(
    400,
    { en: 'Validation failed', zh: '校验失败' },
    {
      en: 'The body, query string or path parameters do not match the schema: wrong types, missing or unknown fields. `errors` lists each problem with a JSON Pointer.',
      zh: '请求体、查询字符串或路径参数不符合模式：类型错误、缺少字段或存在未知字段。`errors` 用 JSON Pointer 列出每个问题。',
    },
  ),
  FORBIDDEN_KEY: spec(
    400,
    { en: 'Forbidden key', zh: '禁止的键名' },
    {
      en: 'A key in the body or query string starts with `$` or contains `.`; such keys could act as database operators and are never accepted.',
      zh: '请求体或查询字符串中的某个键以 `$` 开头或包含 `.`；此类键可能被当作数据库操作符，一律拒绝。',
    },
  ),
  FORBIDDEN_PROTOTYPE_KEY: spec(
    400,
    { en: 'Forbidden prototype key', zh: '禁止的原型键名' },
    {
      en: 'The body or query string contains a `__proto__` or `constructor` key (prototype poisoning).',
      zh: '请求体或查询字符串包含 `__proto__` 或 `constructor` 键（原型污染）。',
    },
  ),
  BAD_REQUEST: spec(
    400,
    { en: 'Bad request', zh: '错误的请求' },
    {
      en: 'The request cannot be processed as sent (for example an invalid Content-Length).',
      zh: '请求无法按原样处理（例如 Content-Length 无效）。',
    },
  ),
  UNAUTHENTICATED: spec(
    401,
    { en: 'Sign-in required', zh: '需要登录' },
    {
      en: 'No valid session cookie or API token was sent, or the credentials given at sign-in are wrong.',
      zh: '未提供有效的会话 Cookie 或 API 令牌，或登录凭据不正确。',
    },
  ),
  CSRF_TOKEN_INVALID: spec(
    403,
    { en: 'CSRF token missing or invalid', zh: 'CSRF 令牌缺失或无效' },
    {
      en: 'A cookie-authenticated write must carry the session’s token in the `x-csrf-token` header (returned at sign-in and by `GET /api/session`).',
      zh: '使用 Cookie 认证的写请求必须在 `x-csrf-token` 头中携带会话令牌（登录时及 `GET /api/session` 返回）。',
    },
  ),
  FORBIDDEN: spec(
    403,
    { en: 'Forbidden', zh: '禁止访问' },
    {
      en: 'The caller is signed in but their roles do not allow this action.',
      zh: '调用者已登录，但其角色不允许执行此操作。',
    },
  ),
  NOT_FOUND: spec(
    404,
    { en: 'Not found', zh: '未找到' },
    {
      en: 'No such route, or no such resource that the caller may see (records the caller may not see answer 404, not 403).',
      zh: '没有该路由，或没有调用者可见的该资源（调用者无权查看的记录返回 404 而非 403）。',
    },
  ),
  METHOD_NOT_ALLOWED: spec(
    405,
    { en: 'Method not allowed', zh: '不允许的方法' },
    {
      en: 'The path exists but not for this HTTP method; the `Allow` header lists the methods it has.',
      zh: '该路径存在，但不支持此 HTTP 方法；`Allow` 头列出可用的方法。',
    },
  ),
  CONFLICT: spec(
    409,
    { en: 'Conflict', zh: '冲突' },
    {
      en: 'The request conflicts with stored data, for example a username that is already taken.',
      zh: '请求与已存储的数据冲突，例如用户名已被占用。',
    },
  ),
  SETUP_ALREADY_DONE: spec(
    409,
    { en: 'Setup already done', zh: '初始设置已完成' },
    {
      en: 'The first administrator exists already; the setup link no longer works.',
      zh: '首个管理员已存在；设置链接已失效。',
    },
  ),
  PRECONDITION_FAILED: spec(
    412,
    { en: 'Precondition failed', zh: '前置条件不满足' },
    {
      en: 'The `If-Match` version does not match the stored version: someone else changed it first. Reload and retry.',
      zh: '`If-Match` 中的版本与存储的版本不一致：已有他人先行修改。请重新加载后重试。',
    },
  ),
  PACK_VERSION_CONFLICT: spec(
    409,
    { en: 'Pack version already imported', zh: '模板包版本已导入' },
    {
      en: 'This pack version was imported before with other content; the import stopped and the catalogue version in use is unchanged. Publish the pack under a new version.',
      zh: '该模板包版本此前已以不同内容导入；本次导入已停止，正在使用的目录版本保持不变。请以新版本号发布该模板包。',
    },
  ),
  PAYLOAD_TOO_LARGE: spec(
    413,
    { en: 'Payload too large', zh: '请求体过大' },
    {
      en: 'The request body is larger than the server’s body limit.',
      zh: '请求体超过服务器允许的大小上限。',
    },
  ),
  UNSUPPORTED_MEDIA_TYPE: spec(
    415,
    { en: 'Unsupported media type', zh: '不支持的媒体类型' },
    {
      en: 'The API accepts bodies as `application/json` only.',
      zh: 'API 只接受 `application/json` 格式的请求体。',
    },
  ),
  DEFINITION_INVALID: spec(
    422,
    { en: 'Definition not acceptable', zh: '定义不可接受' },
    {
      en: 'The process definition has validation errors or fails a requirement it claims (conformance); `errors` lists each with a JSON Pointer into the definition.',
      zh: '流程定义存在校验错误，或未满足其声明的要求（符合性）；`errors` 用指向定义内部的 JSON Pointer 列出每一项。',
    },
  ),
  PACK_INVALID: spec(
    422,
    { en: 'Template pack rejected', zh: '模板包被拒绝' },
    {
      en: 'The template pack failed verification (schema, standard, signature, hashes, template validation or conformance); `errors` lists each PACK_* issue with a JSON Pointer into the pack.',
      zh: '模板包未通过校验（结构、标准、签名、哈希、模板校验或符合性）；`errors` 用指向模板包内部的 JSON Pointer 列出每个 PACK_* 问题。',
    },
  ),
  RECORD_ACTION_REJECTED: spec(
    422,
    { en: 'Action refused by the process', zh: '流程拒绝了该操作' },
    {
      en: 'The record’s process does not allow this action now (not the caller’s role, not possible in the current state, a guard failed, …); `rejection` gives the reason code and the rule trace.',
      zh: '记录所属流程当前不允许此操作（调用者角色不符、当前状态下不可执行、守卫条件未满足等）；`rejection` 给出原因代码和规则追踪。',
    },
  ),
  RECORD_REFERENCE_INVALID: spec(
    422,
    { en: 'Record reference not acceptable', zh: '记录引用不可接受' },
    {
      en: 'A record-reference field names an id that is not a record of the referenced process that the caller may see (a missing and an invisible record are answered alike); `errors` gives the JSON Pointer of each such value. Nothing is stored.',
      zh: '记录引用字段中的标识不是调用者可见的、被引用流程的记录（不存在与不可见的记录答复相同）；`errors` 给出每个此类值的 JSON Pointer。不会保存任何内容。',
    },
  ),
  PROCESS_NOT_PUBLISHED: spec(
    409,
    { en: 'Process not published', zh: '流程未发布' },
    {
      en: 'The process has no published version, so no record of it can be started yet.',
      zh: '该流程尚无已发布的版本，因此还不能创建其记录。',
    },
  ),
  RECORD_NOT_CLOSED: spec(
    409,
    { en: 'Record not closed', zh: '记录尚未关闭' },
    {
      en: 'Only a record in a final state can be disposed of; this one is still open.',
      zh: '只有处于最终状态的记录才能被处置；该记录仍处于打开状态。',
    },
  ),
  RETENTION_NOT_ELAPSED: spec(
    409,
    { en: 'Retention period not elapsed', zh: '保留期限未满' },
    {
      en: 'The record’s retention period has not ended yet, or its process has no retention policy (its records are kept indefinitely), so it cannot be disposed of.',
      zh: '记录的保留期限尚未结束，或其流程没有设置保留策略（记录无限期保留），因此不能处置。',
    },
  ),
  DOCUMENT_INVALID: spec(
    422,
    { en: 'Document not acceptable', zh: '文件不可接受' },
    {
      en: 'The controlled document breaks a register rule (an external document without its source, a source on an internal document, an unknown owner group, …); `errors` points at each field.',
      zh: '受控文件违反了登记规则（外来文件缺少来源、内部文件带有来源、负责组不存在等）；`errors` 指出每个字段。',
    },
  ),
  DOCUMENT_SELF_APPROVAL: spec(
    403,
    { en: 'Self-approval refused', zh: '不能批准自己的版本' },
    {
      en: 'A document version must be approved by someone other than its author (an admin or another editor of the document).',
      zh: '文件版本须由作者以外的人员（管理员或该文件的其他编辑者）批准。',
    },
  ),
  DOCUMENT_VERSION_NOT_DRAFT: spec(
    409,
    { en: 'Version is not a draft', zh: '该版本不是草稿' },
    {
      en: 'Only a draft newer than the current version can be approved; this version is approved already or superseded.',
      zh: '只能批准比当前版本更新的草稿；该版本已被批准或已被取代。',
    },
  ),
  DOCUMENT_WITHDRAWN: spec(
    409,
    { en: 'Document withdrawn', zh: '文件已作废' },
    {
      en: 'The document has been withdrawn: it keeps its history but takes no new versions or approvals.',
      zh: '该文件已作废：其历史记录保留，但不再接受新版本或批准。',
    },
  ),
  RATE_LIMITED: spec(
    429,
    { en: 'Too many requests', zh: '请求过于频繁' },
    {
      en: 'The caller (per user when signed in, per IP address otherwise) sent too many requests; retry after the number of seconds in `Retry-After`.',
      zh: '调用者（已登录按用户、否则按 IP 地址）请求过多；请在 `Retry-After` 给出的秒数后重试。',
    },
  ),
  INTERNAL_ERROR: spec(
    500,
    { en: 'Internal server error', zh: '服务器内部错误' },
    {
      en: 'An unexpected failure on the server; the response carries the request id to quote when reporting it.',
      zh: '服务器发生意外故障；响应中带有请求 ID，报告问题时请提供。',
    },
  ),
  SERVICE_UNAVAILABLE: spec(
    503,
    { en: 'Service unavailable', zh: '服务不可用' },
    {
      en: 'The server cannot reach its database right now.',
      zh: '服务器当前无法连接其数据库。',
    },
  ),
} as const satisfies Record<string, ProblemCodeSpec>;

/** A problem code from the catalogue. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Codes of the individual entries in a problem's `errors` list. */
export const FIELD_ERROR_CODES = {
  UNKNOWN_FIELD: {
    en: 'This field is not part of the schema.',
    zh: '该字段不属于模式定义。',
  },
  MISSING_FIELD: {
    en: 'This required field is missing.',
    zh: '缺少该必填字段。',
  },
  WRONG_TYPE: {
    en: 'The value has the wrong type.',
    zh: '值的类型错误。',
  },
  INVALID_VALUE: {
    en: 'The value is not allowed (format, range, length or enumeration).',
    zh: '值不被允许（格式、范围、长度或枚举不符）。',
  },
  FORBIDDEN_KEY: {
    en: 'Keys may not start with `$` or contain `.`.',
    zh: '键名不得以 `$` 开头或包含 `.`。',
  },
  FORBIDDEN_PROTOTYPE_KEY: {
    en: 'Keys may not be `__proto__` or `constructor`.',
    zh: '键名不得为 `__proto__` 或 `constructor`。',
  },
  DEFINITION_ISSUE: {
    en: 'A validation error in the process definition; `issue` names the definition issue code.',
    zh: '流程定义中的校验错误；`issue` 给出定义问题代码。',
  },
  CONFORMANCE_FAILED: {
    en: 'The definition fails a requirement it claims; `issue` names the conformance failure code.',
    zh: '定义未满足其声明的某项要求；`issue` 给出符合性失败代码。',
  },
  PACK_ISSUE: {
    en: 'A problem found while verifying a template pack; `issue` names the PACK_* code.',
    zh: '校验模板包时发现的问题；`issue` 给出 PACK_* 代码。',
  },
  MERGE_CONFLICT: {
    en: 'Both the new template and the tailored copy changed this element, differently.',
    zh: '新模板与裁剪副本都修改了该元素，且修改不同。',
  },
} as const satisfies Record<string, LocalizedText>;

/** A code of one entry in a problem's `errors` list. */
export type FieldErrorCode = keyof typeof FIELD_ERROR_CODES;

/** The problem's `type`: a URN per code, documented in the OpenAPI document's description. */
export function problemTypeUri(code: ProblemCode): string {
  return `urn:clauseflow:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}
