/** One sample of the Prometheus text format: its labels and value. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a Prometheus text exposition (`GET /metrics`), by metric name; comments skipped. */
export function parseMetrics(text: string): Map<string, Sample[]> {
  const metrics = new Map<string, Sample[]>();
  for (const line of text.split('\n')) {
    // A declared metric without samples (a labelled counter nothing has counted yet) totals 0.
    const declared = /^# TYPE (\S+) /.exec(line)?.[1];
    if (declared && !metrics.has(declared)) metrics.set(declared, []);
    const match = LINE.exec(line.trim());
    if (!match || line.startsWith('#')) continue;
    const [, name, labelText, valueText] = match;
    const labels: Record<string, string> = {};
    for (const label of (labelText ?? '').matchAll(LABEL)) {
      labels[label[1]!] = label[2]!.replace(/\\(.)/g, (_escape, char: string) => (char === 'n' ? '\n' : char));
    }
    const value = Number(valueText);
    if (!name || Number.isNaN(value)) continue;
    metrics.set(name, [...(metrics.get(name) ?? []), { labels, value }]);
  }
  return metrics;
}

/** The sum of a metric's samples (undefined when the metric is absent). */
export function total(metrics: Map<string, Sample[]>, name: string): number | undefined {
  const samples = metrics.get(name);
  return samples ? samples.reduce((sum, sample) => sum + sample.value, 0) : undefined;
}
