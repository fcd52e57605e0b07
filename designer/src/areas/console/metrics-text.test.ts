import { describe, expect, it } from 'vitest';
import { parseMetrics, total } from './metrics-text.ts';

const TEXT = `# HELP clauseflow_timers_due Timers past their due time that have not fired yet.
# TYPE clauseflow_timers_due gauge
clauseflow_timers_due 3
clauseflow_http_request_duration_seconds_count{method="GET",route="/api/users",status="200"} 12
clauseflow_http_request_duration_seconds_count{method="POST",route="/api/users",status="201"} 2
clauseflow_http_request_duration_seconds_sum{method="GET",route="/api/users",status="200"} 0.6
odd_label{path="a \\"quoted\\" b"} 1e3
`;

describe('reading the metrics endpoint', () => {
  it('given Prometheus text, when parsed, then samples keep their labels and values and comments are skipped', () => {
    const metrics = parseMetrics(TEXT);
    expect(metrics.get('clauseflow_timers_due')).toEqual([{ labels: {}, value: 3 }]);
    expect(metrics.get('clauseflow_http_request_duration_seconds_count')?.[1]).toEqual({
      labels: { method: 'POST', route: '/api/users', status: '201' },
      value: 2,
    });
    expect(metrics.get('odd_label')).toEqual([{ labels: { path: 'a "quoted" b' }, value: 1000 }]);
    expect(metrics.has('# HELP clauseflow_timers_due')).toBe(false);
  });

  it('given labelled samples, when totalled, then they add up, a declared metric without samples totals 0 and an absent one has no total', () => {
    const metrics = parseMetrics(TEXT);
    expect(total(metrics, 'clauseflow_http_request_duration_seconds_count')).toBe(14);
    expect(total(metrics, 'clauseflow_sla_breaches_total')).toBeUndefined();
    expect(total(parseMetrics('# TYPE clauseflow_sla_breaches_total counter\n'), 'clauseflow_sla_breaches_total')).toBe(
      0,
    );
  });
});
