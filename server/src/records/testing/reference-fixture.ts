import type { Definition, FieldSchema } from '@clauseflow/definition';
import { INCIDENT } from './record-fixture.ts';

const text = (en: string, zh: string) => ({ en, zh });

/**
 * A small register-style process (configuration items, known errors, releases): records are
 * registered with a form of `fields` (the first is the title), stay `active` and are retired.
 */
export function registerDefinition(
  key: string,
  title: { en: string; zh: string },
  fields: Record<string, FieldSchema>,
): Definition {
  const names = Object.keys(fields);
  return {
    formatVersion: 1,
    key,
    version: 1,
    title,
    tags: [],
    record: { schema: { type: 'object', properties: fields, required: [names[0]!] }, titleField: names[0]! },
    roles: [
      { id: 'requester', label: text('Requester', '请求人') },
      { id: 'agent', label: text('Agent', '处理人') },
    ],
    initialState: 'active',
    startForm: 'register',
    states: [
      { id: 'active', label: text('Active', '有效'), tags: [], kind: 'normal', actors: ['agent'] },
      { id: 'retired', label: text('Retired', '已退役'), tags: [], kind: 'final' },
    ],
    transitions: [
      {
        id: 'retire',
        from: 'active',
        event: 'retire',
        to: 'retired',
        label: text('Retire', '退役'),
        actors: ['agent'],
      },
    ],
    decisions: [],
    ruleSets: [],
    forms: [
      {
        id: 'register',
        label: text('Register', '登记'),
        sections: [
          {
            id: 'main',
            label: text('Details', '详情'),
            fields: names.map((field, i) => ({ field, required: i === 0 })),
          },
        ],
      },
    ],
    clocks: [],
    calendars: [],
  };
}

/** Configuration items: `name`, `ciType`. */
export const CMDB_CI = registerDefinition('cmdb-ci', text('Configuration item', '配置项'), {
  name: { type: 'string', minLength: 1, maxLength: 200, 'x-label': text('Name', '名称') },
  ciType: { type: 'string', enum: ['server', 'network', 'application'], 'x-label': text('Type', '类型') },
});

/** Known errors: `title`, `workaround`. */
export const KNOWN_ERROR = registerDefinition('known-error', text('Known error', '已知错误'), {
  title: { type: 'string', minLength: 1, maxLength: 200, 'x-label': text('Title', '标题') },
  workaround: { type: 'string', maxLength: 4000, 'x-label': text('Workaround', '临时解决方法') },
});

/** Releases: `name`, `plannedAt`, `outcome`. */
export const RELEASE = registerDefinition('release', text('Release', '发布'), {
  name: { type: 'string', minLength: 1, maxLength: 200, 'x-label': text('Name', '名称') },
  plannedAt: { type: 'string', format: 'date', 'x-label': text('Planned date', '计划日期') },
  outcome: { type: 'string', enum: ['pending', 'successful', 'failed'], 'x-label': text('Outcome', '结果') },
});

/**
 * The incident example under `key` with record-reference fields: `ci` (one configuration item),
 * `knownErrors` (a list of known errors) and `release`; the report form offers all three, the
 * triage form `ci` again.
 */
export function referencingIncident(key: string, version = 1): Definition {
  const definition = JSON.parse(JSON.stringify(INCIDENT)) as Definition;
  definition.key = key;
  definition.version = version;
  Object.assign(definition.record.schema.properties, {
    ci: {
      type: 'string',
      maxLength: 200,
      'x-label': text('Configuration item', '配置项'),
      'x-ref': { process: CMDB_CI.key },
    },
    knownErrors: {
      type: 'array',
      items: { type: 'string', maxLength: 200 },
      maxItems: 20,
      'x-label': text('Known errors', '已知错误'),
      'x-ref': { process: KNOWN_ERROR.key, many: true },
    },
    release: {
      type: 'string',
      maxLength: 200,
      'x-label': text('Release', '发布'),
      'x-ref': { process: RELEASE.key },
    },
  });
  const form = (id: string) => definition.forms.find((f) => f.id === id)!.sections[0]!.fields;
  form('report').push({ field: 'ci' }, { field: 'knownErrors' }, { field: 'release' });
  form('triage').push({ field: 'ci' });
  return definition;
}
