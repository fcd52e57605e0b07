import { describe, expect, it } from 'vitest';
import type { Requirement, RequirementSet } from '@clauseflow/conformance';
import { compareClauses, coverageReport, displayWidth, formatCoverageReport } from './coverage-report.ts';
import { loadRequirementSet } from './load-requirement-set.ts';

const t = (en: string, zh: string) => ({ en, zh });

/** One requirement of each mapped and unmapped shape. */
const requirements: Requirement[] = [
  {
    id: '4.1-1',
    clause: '4.1',
    kind: 'process',
    title: t('Mapped process', '已映射过程'),
    text: t('x', '某'),
    processes: ['risks'],
  },
  { id: '4.1-2', clause: '4.1', kind: 'process', title: t('Loose process', '未映射过程'), text: t('x', '某') },
  {
    id: '8.6.1-2',
    clause: '8.6.1',
    kind: 'platform',
    title: t('Proven feature', '已证明功能'),
    text: t('x', '某'),
    platform: { feature: t('f', '功能'), provenBy: 'catalog/src/requirements/coverage-report.test.ts' },
  },
  {
    id: '8.6.1-3',
    clause: '8.6.1',
    kind: 'platform',
    title: t('Unproven feature', '未证明功能'),
    text: t('x', '某'),
    platform: { feature: t('f', '功能'), provenBy: null },
  },
  {
    id: '8.6.2-1',
    clause: '8.6.2',
    kind: 'organizational',
    title: t('Kept evidence', '有证据'),
    text: t('x', '某'),
    organizational: { evidence: t('minutes', '纪要'), template: 'management-review' },
  },
  {
    id: '10.2-1',
    clause: '10.2',
    kind: 'organizational',
    title: t('Blank evidence', '证据为空'),
    text: t('x', '某'),
    organizational: { evidence: t(' ', '记录'), template: 'improvement' },
  },
  {
    id: '10.2-2',
    clause: '10.2',
    kind: 'organizational',
    title: t('No template', '无模板'),
    text: t('x', '某'),
    organizational: { evidence: t('minutes', '纪要') },
  },
];
const fixture: RequirementSet = { id: 'fixture', version: '0.1.0', standard: 'TEST', requirements };

describe('coverageReport', () => {
  const report = coverageReport(fixture);

  it('counts per clause and kind, in clause order', () => {
    expect(report.clauses).toEqual([
      { clause: '4.1', process: 2, platform: 0, organizational: 0, total: 2, unmapped: 1 },
      { clause: '8.6.1', process: 0, platform: 2, organizational: 0, total: 2, unmapped: 1 },
      { clause: '8.6.2', process: 0, platform: 0, organizational: 1, total: 1, unmapped: 0 },
      { clause: '10.2', process: 0, platform: 0, organizational: 2, total: 2, unmapped: 2 },
    ]);
    expect(report.sections.map((s) => [s.section, s.total])).toEqual([
      ['4', 2],
      ['8', 3],
      ['10', 2],
    ]);
    expect(report.totals).toEqual({ process: 2, platform: 2, organizational: 3, total: 7, unmapped: 4 });
  });

  it('lists each requirement not yet mapped with its reason', () => {
    expect(report.unmapped.map((u) => [u.id, u.reason])).toEqual([
      ['4.1-2', 'NO_PROCESSES'],
      ['8.6.1-3', 'NOT_PROVEN'],
      ['10.2-1', 'NO_EVIDENCE'],
      ['10.2-2', 'NO_TEMPLATE'],
    ]);
  });

  it('adds up on the shipped set, where anything unmapped is a platform requirement awaiting its proving test', () => {
    const set = loadRequirementSet();
    const shipped = coverageReport(set);
    expect(shipped.totals.total).toBe(set.requirements.length);
    const sum = (key: 'process' | 'platform' | 'organizational') => shipped.sections.reduce((n, s) => n + s[key], 0);
    expect(sum('process') + sum('platform') + sum('organizational')).toBe(set.requirements.length);
    for (const u of shipped.unmapped) expect(u.reason, u.id).toBe('NOT_PROVEN');
  });
});

describe('formatCoverageReport', () => {
  const report = coverageReport(fixture);

  it('prints an aligned English table with totals and the unmapped requirements by reason', () => {
    const text = formatCoverageReport(report, 'en');
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('Clause'));
    const rows = lines.slice(header, header + 5);
    expect(rows[0]).toMatch(/^Clause\s+Process\s+Platform\s+Organizational\s+Total\s+Not mapped$/);
    expect(rows[1]).toMatch(/^4 Organizational context\s+2\s+0\s+0\s+2\s+1$/);
    expect(rows[4]).toMatch(/^Total\s+2\s+2\s+3\s+7\s+4$/);
    expect(new Set(rows.map(displayWidth)).size).toBe(1);
    expect(text).toContain('Not yet mapped (4):');
    expect(text).toContain('  Platform requirement without a test that proves it (1):\n    8.6.1-3  Unproven feature');
    expect(text).toContain(
      '  Organizational requirement that names no template for its evidence (1):\n    10.2-2  No template',
    );
  });

  it('prints the same report in Chinese, aligned by display width', () => {
    const text = formatCoverageReport(report, 'zh');
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('条款'));
    const rows = lines.slice(header, header + 5);
    expect(rows[0]).toMatch(/^条款\s+过程\s+平台\s+组织\s+合计\s+未映射$/);
    expect(rows[4]).toMatch(/^合计\s+2\s+2\s+3\s+7\s+4$/);
    expect(new Set(rows.map(displayWidth)).size).toBe(1);
    expect(text).toContain('尚未映射（4）：');
    expect(text).toContain('未证明功能');
  });

  it('can give one row per clause, and says so when everything is mapped', () => {
    const mapped = { ...fixture, requirements: requirements.filter((r) => ['4.1-1', '8.6.1-2'].includes(r.id)) };
    const text = formatCoverageReport(coverageReport(mapped), 'en', { byClause: true });
    expect(text).toMatch(/^8\.6\.1\s+0\s+1\s+0\s+1\s+0$/m);
    expect(text).toContain('Every requirement is mapped.');
    expect(formatCoverageReport(coverageReport(mapped), 'zh')).toContain('所有要求均已映射。');
  });
});

describe('helpers', () => {
  it('orders clause numbers numerically', () => {
    expect(['10.1', '4.10', '5', '4.2', '8.6.1', '8.6'].sort(compareClauses)).toEqual([
      '4.2',
      '4.10',
      '5',
      '8.6',
      '8.6.1',
      '10.1',
    ]);
  });

  it('counts Chinese characters as two columns', () => {
    expect(displayWidth('合计 10')).toBe(7);
  });
});
