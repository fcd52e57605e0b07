import type { RequirementText } from '@clauseflow/conformance';

/**
 * The process areas of the catalogue: every clause-8 process of ISO/IEC 20000-1:2018 and the
 * management-system areas that get a template of their own. Requirements name these keys in
 * `processes`, and organizational requirements in `organizational.template`; the catalogue's
 * templates will use the same keys. Keys are stable: never rename one.
 */
export const PROCESS_AREAS = {
  policies: { clause: '5.2', label: { en: 'Policies and plans', zh: '方针和计划' } },
  risks: { clause: '6.1', label: { en: 'Risks and opportunities', zh: '风险和机遇' } },
  objectives: { clause: '6.2', label: { en: 'Service management objectives', zh: '服务管理目标' } },
  competence: { clause: '7.2', label: { en: 'Competence and awareness', zh: '能力和意识' } },
  'documented-information': { clause: '7.5', label: { en: 'Documented information', zh: '成文信息' } },
  knowledge: { clause: '7.6', label: { en: 'Knowledge', zh: '知识' } },
  'service-planning': { clause: '8.2.2', label: { en: 'Service planning', zh: '服务规划' } },
  'control-of-parties': {
    clause: '8.2.3',
    label: { en: 'Control of parties in the service lifecycle', zh: '服务生命周期相关方的控制' },
  },
  'service-catalogue-management': {
    clause: '8.2.4',
    label: { en: 'Service catalogue management', zh: '服务目录管理' },
  },
  'asset-management': { clause: '8.2.5', label: { en: 'Asset management', zh: '资产管理' } },
  'configuration-management': { clause: '8.2.6', label: { en: 'Configuration management', zh: '配置管理' } },
  'business-relationship-management': {
    clause: '8.3.2',
    label: { en: 'Business relationship management', zh: '业务关系管理' },
  },
  'service-level-management': { clause: '8.3.3', label: { en: 'Service level management', zh: '服务级别管理' } },
  'supplier-management': { clause: '8.3.4', label: { en: 'Supplier management', zh: '供方管理' } },
  'budgeting-and-accounting': {
    clause: '8.4.1',
    label: { en: 'Budgeting and accounting for services', zh: '服务预算与核算' },
  },
  'demand-management': { clause: '8.4.2', label: { en: 'Demand management', zh: '需求管理' } },
  'capacity-management': { clause: '8.4.3', label: { en: 'Capacity management', zh: '容量管理' } },
  'change-management': { clause: '8.5.1', label: { en: 'Change management', zh: '变更管理' } },
  'service-design-and-transition': {
    clause: '8.5.2',
    label: { en: 'Service design and transition', zh: '服务设计和转换' },
  },
  'release-and-deployment-management': {
    clause: '8.5.3',
    label: { en: 'Release and deployment management', zh: '发布和部署管理' },
  },
  'incident-management': { clause: '8.6.1', label: { en: 'Incident management', zh: '事件管理' } },
  'service-request-management': { clause: '8.6.2', label: { en: 'Service request management', zh: '服务请求管理' } },
  'problem-management': { clause: '8.6.3', label: { en: 'Problem management', zh: '问题管理' } },
  'service-availability-management': {
    clause: '8.7.1',
    label: { en: 'Service availability management', zh: '服务可用性管理' },
  },
  'service-continuity-management': {
    clause: '8.7.2',
    label: { en: 'Service continuity management', zh: '服务连续性管理' },
  },
  'information-security-management': {
    clause: '8.7.3',
    label: { en: 'Information security management', zh: '信息安全管理' },
  },
  'internal-audit': { clause: '9.2', label: { en: 'Internal audit', zh: '内部审核' } },
  'management-review': { clause: '9.3', label: { en: 'Management review', zh: '管理评审' } },
  'service-reporting': { clause: '9.4', label: { en: 'Service reporting', zh: '服务报告' } },
  nonconformity: { clause: '10.1', label: { en: 'Nonconformity and corrective action', zh: '不符合和纠正措施' } },
  improvement: { clause: '10.2', label: { en: 'Continual improvement', zh: '持续改进' } },
} as const satisfies Record<string, { clause: string; label: RequirementText }>;

/** A process-area key. */
export type ProcessAreaKey = keyof typeof PROCESS_AREAS;

/** Every process-area key, in clause order. */
export const PROCESS_AREA_KEYS = Object.keys(PROCESS_AREAS) as ProcessAreaKey[];

/** True when the key names a process area of the catalogue. */
export function isProcessAreaKey(key: string): key is ProcessAreaKey {
  return Object.hasOwn(PROCESS_AREAS, key);
}
