import { describe, expect, it } from 'vitest';
import { buildServiceReport, reportBuckets } from '@clauseflow/application';
import { csvField, reportCsv } from './report-csv.ts';

const at = (iso: string) => new Date(iso);

describe('the report as CSV', () => {
  it('given text with separators, quotes, line breaks or a formula prefix, then it is quoted and escaped', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(null)).toBe('');
  });

  it('given measures, then one header row with labels and units in the locale, one row per bucket, CRLF lines', () => {
    const buckets = reportBuckets(at('2026-03-02T00:00:00Z'), at('2026-03-16T00:00:00Z'), 'week', 'UTC');
    const measures = buildServiceReport({
      records: [{ _id: 'a', createdAt: at('2026-03-03T00:00:00Z'), clocks: {} }],
      events: [],
      buckets,
    });
    const csv = reportCsv(measures, (d) => d.toISOString(), 'zh');
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '区间开始,区间结束,新建记录数 (个),关闭记录数 (个),区间末积压 (个),SLA 违约次数 (个),按 SLA 关闭比例 (%),平均关闭用时 (小时),关闭用时第 90 百分位 (小时)',
    );
    expect(lines[1]).toBe('2026-03-02T00:00:00.000Z,2026-03-09T00:00:00.000Z,1,0,1,0,,,');
    expect(lines[3]).toBe('');
    expect(reportCsv(measures, (d) => d.toISOString(), 'en').split('\r\n')[0]).toContain('Records opened (count)');
  });
});
