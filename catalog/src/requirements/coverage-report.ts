import { defineCodeCatalogue } from '@clauseflow/common';
import {
  type Requirement,
  type RequirementKind,
  type RequirementSet,
  type RequirementText,
} from '@clauseflow/conformance';
import reasons from './unmapped-reasons.json' with { type: 'json' };

/** One requirement not yet mapped, and why. */
export interface UnmappedRequirement {
  id: string;
  clause: string;
  kind: RequirementKind;
  title: RequirementText;
  reason: UnmappedReason;
}

/** Counts for one clause (or one top-level section). */
export interface CoverageCounts {
  process: number;
  platform: number;
  organizational: number;
  total: number;
  unmapped: number;
}

/** What the coverage report says about a requirement set. */
export interface CoverageReport {
  setId: string;
  version: string;
  standard: string;
  /** Per clause as written in the set (e.g. `8.6.1`), in clause order. */
  clauses: ({ clause: string } & CoverageCounts)[];
  /** Per top-level clause (`4` … `10`), in clause order. */
  sections: ({ section: string } & CoverageCounts)[];
  totals: CoverageCounts;
  /** Every requirement not yet mapped, in set order. */
  unmapped: UnmappedRequirement[];
}

/** Why a requirement is not yet mapped to how it is met (the codes {@link unmappedReason} gives). */
export const UNMAPPED_REASONS = defineCodeCatalogue('unmapped reasons', reasons);

export type UnmappedReason = keyof typeof UNMAPPED_REASONS;

function blank(text: RequirementText): boolean {
  return text.en.trim() === '' || text.zh.trim() === '';
}

/** Why the requirement is not mapped yet, or null when it is. */
export function unmappedReason(requirement: Requirement): UnmappedReason | null {
  switch (requirement.kind) {
    case 'process':
      return requirement.processes && requirement.processes.length > 0 ? null : 'NO_PROCESSES';
    case 'platform':
      return requirement.platform.provenBy === null || requirement.platform.provenBy.trim() === ''
        ? 'NOT_PROVEN'
        : null;
    case 'organizational':
      if (blank(requirement.organizational.evidence)) return 'NO_EVIDENCE';
      return requirement.organizational.template ? null : 'NO_TEMPLATE';
  }
}

/** Orders clause numbers numerically: 4.2 < 4.10 < 5. */
export function compareClauses(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function zero(): CoverageCounts {
  return { process: 0, platform: 0, organizational: 0, total: 0, unmapped: 0 };
}

function bucket(map: Map<string, CoverageCounts>, key: string): CoverageCounts {
  let counts = map.get(key);
  if (!counts) {
    counts = zero();
    map.set(key, counts);
  }
  return counts;
}

/** Counts a set's requirements per clause and kind, and lists those not yet mapped. */
export function coverageReport(set: RequirementSet): CoverageReport {
  const clauses = new Map<string, CoverageCounts>();
  const sections = new Map<string, CoverageCounts>();
  const totals = zero();
  const unmapped: UnmappedRequirement[] = [];
  for (const r of set.requirements) {
    const reason = unmappedReason(r);
    const section = r.clause.split('.')[0] ?? r.clause;
    for (const counts of [bucket(clauses, r.clause), bucket(sections, section), totals]) {
      counts[r.kind] += 1;
      counts.total += 1;
      if (reason) counts.unmapped += 1;
    }
    if (reason) unmapped.push({ id: r.id, clause: r.clause, kind: r.kind, title: r.title, reason });
  }
  return {
    setId: set.id,
    version: set.version,
    standard: set.standard,
    clauses: [...clauses.entries()]
      .sort(([a], [b]) => compareClauses(a, b))
      .map(([clause, counts]) => ({ clause, ...counts })),
    sections: [...sections.entries()]
      .sort(([a], [b]) => compareClauses(a, b))
      .map(([section, counts]) => ({ section, ...counts })),
    totals,
    unmapped,
  };
}

/** The languages the report can be written in. */
export type ReportLanguage = keyof RequirementText;

/** Our own short names of the top-level clauses of ISO/IEC 20000-1:2018. */
const SECTION_NAMES: Record<string, RequirementText> = {
  '4': { en: 'Organizational context', zh: '组织环境' },
  '5': { en: 'Leadership', zh: '领导作用' },
  '6': { en: 'Planning', zh: '策划' },
  '7': { en: 'Support', zh: '支持' },
  '8': { en: 'Operation', zh: '运行' },
  '9': { en: 'Performance evaluation', zh: '绩效评价' },
  '10': { en: 'Improvement', zh: '改进' },
};

const LABELS = {
  heading: { en: 'Requirement coverage', zh: '要求覆盖情况' },
  clause: { en: 'Clause', zh: '条款' },
  process: { en: 'Process', zh: '过程' },
  platform: { en: 'Platform', zh: '平台' },
  organizational: { en: 'Organizational', zh: '组织' },
  total: { en: 'Total', zh: '合计' },
  unmapped: { en: 'Not mapped', zh: '未映射' },
  allMapped: { en: 'Every requirement is mapped.', zh: '所有要求均已映射。' },
  notMapped: { en: 'Not yet mapped', zh: '尚未映射' },
} as const satisfies Record<string, RequirementText>;

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? '')))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => pad(cell, widths[column] ?? 0, column === 0 ? 'left' : 'right'))
      .join('  ')
      .trimEnd(),
  );
}

/** Options of {@link formatCoverageReport}. */
export interface FormatCoverageOptions {
  /** One row per clause (e.g. 8.6.1) instead of one per top-level clause. */
  byClause?: boolean;
}

/**
 * The coverage report as a readable plain-text table in English or Simplified Chinese: counts
 * per clause and kind, then the requirements not yet mapped, grouped by reason.
 */
export function formatCoverageReport(
  report: CoverageReport,
  lang: ReportLanguage,
  options: FormatCoverageOptions = {},
): string {
  const counts = (c: CoverageCounts): string[] => [
    String(c.process),
    String(c.platform),
    String(c.organizational),
    String(c.total),
    String(c.unmapped),
  ];
  const header = [LABELS.clause, LABELS.process, LABELS.platform, LABELS.organizational, LABELS.total, LABELS.unmapped];
  const body = options.byClause
    ? report.clauses.map((c) => [c.clause, ...counts(c)])
    : report.sections.map((s) => [`${s.section} ${SECTION_NAMES[s.section]?.[lang] ?? ''}`.trim(), ...counts(s)]);
  const colon = lang === 'zh' ? '：' : ': ';
  const count = (n: number): string => (lang === 'zh' ? `（${n}）` : ` (${n})`);
  const lines = [
    `${LABELS.heading[lang]}${colon}${report.standard} (${report.setId} ${report.version})`,
    '',
    ...table([header.map((h) => h[lang]), ...body, [LABELS.total[lang], ...counts(report.totals)]]),
    '',
  ];
  if (report.unmapped.length === 0) {
    lines.push(LABELS.allMapped[lang]);
    return lines.join('\n') + '\n';
  }
  lines.push(`${LABELS.notMapped[lang]}${count(report.unmapped.length)}${colon.trimEnd()}`);
  for (const reason of Object.keys(UNMAPPED_REASONS) as UnmappedReason[]) {
    const group = report.unmapped.filter((u) => u.reason === reason);
    if (group.length === 0) continue;
    lines.push(`  ${UNMAPPED_REASONS[reason][lang]}${count(group.length)}${colon.trimEnd()}`);
    const idWidth = Math.max(...group.map((u) => displayWidth(u.id)));
    for (const u of group) lines.push(`    ${pad(u.id, idWidth, 'left')}  ${u.title[lang]}`);
  }
  return lines.join('\n') + '\n';
}
