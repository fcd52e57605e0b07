import type { ReportEvent, ReportRecord } from '../record-facts.ts';
import type { MeasureId, ReportMeasure } from '../service-report.ts';

export const at = (iso: string): Date => new Date(iso);

/** Builds the events of one record: a start, then steps with a status each. */
export function events(
  id: string,
  steps: [string, Partial<ReportEvent> & { state?: string; status?: string }][],
): ReportEvent[] {
  return steps.map(([iso, step], index): ReportEvent => {
    const { state, status, ...rest } = step;
    return {
      instanceId: id,
      seq: index + 1,
      type: index === 0 ? 'started' : 'step',
      at: at(iso),
      body: {
        kind: index === 0 ? 'started' : 'stepped',
        state: { state: state ?? 'open', status: status ?? 'active' },
      },
      ...rest,
    };
  });
}

/** A record's projection as the report reads it. */
export function record(id: string, createdAt: string, clocks: ReportRecord['clocks'] = {}): ReportRecord {
  return { _id: id, createdAt: at(createdAt), clocks };
}

/** The series of one measure. */
export function valuesOf(measures: ReportMeasure[], id: MeasureId): (number | null)[] {
  const measure = measures.find((m) => m.id === id);
  if (!measure) throw new Error(`no measure ${id}`);
  return measure.series.map((point) => point.value);
}
