/**
 * What a service report needs of one record, derived from its projection and its event log:
 * when it was opened and closed, whether it met its SLA, when its clocks breached and when it
 * was reopened. Pure: no database.
 */

/** The fields of a record's projection (`instances`) a report reads. */
export interface ReportRecord {
  _id: string;
  createdAt: Date;
  /** The SLA clocks as last projected: whether each went over its target, and when it does or did. */
  clocks?: Record<string, ProjectedClock | undefined> | undefined;
}

/** What the projection holds of one SLA clock. */
export interface ProjectedClock {
  status?: string | undefined;
  /** Over its target when the projection was written. */
  breached?: boolean | undefined;
  /** When a running clock reaches its target, or when a paused or stopped one did; null otherwise. */
  breachAt?: Date | null | undefined;
}

/** How to read a record's events. */
export interface FactsOptions {
  /**
   * The states after which a step back into work counts as a reopen (states tagged `resolved`);
   * empty when the process has no reopen.
   */
  resolvedStates?: ReadonlySet<string> | undefined;
  /** The report's "now": a projected breach instant up to it counts even before its timer fired (none without it). */
  asOf?: Date | undefined;
}

/** The fields of a stored event a report reads (the loader projects only these). */
export interface ReportEvent {
  instanceId: string;
  seq: number;
  type: string;
  at: Date;
  idempotencyKey?: string | undefined;
  body?:
    | {
        kind?: string | undefined;
        from?: string | null | undefined;
        input?: { data?: { clock?: unknown } | undefined } | undefined;
        state?: { state?: string | undefined; status?: string | undefined } | undefined;
      }
    | undefined;
}

/** One record as a report counts it. */
export interface RecordFacts {
  openedAt: Date;
  /** When it last reached a final state; null while it is open. */
  closedAt: Date | null;
  /** For a closed record with SLA clocks: true when none breached. Null when open or without clocks. */
  slaMet: boolean | null;
  /** The first breach of each of its clocks. */
  breaches: Date[];
  /** When it left a resolved state for work again. */
  reopens: Date[];
}

/** The event type the engine records when a clock breaches and the definition does not handle it. */
export const SLA_BREACHED_EVENT = 'sla.breached';

// A definition that handles its clock's breach event records that event instead, keyed by the
// breach timer: `timer:<instanceId>:sla:<clock>:clock-breach:<generation>`.
const BREACH_TIMER_KEY = /^timer:.+:sla:([^:]+):clock-breach:\d+$/;

/** The clock an event reports as breached, or null when it is no breach. */
export function breachedClock(event: ReportEvent): string | null {
  if (event.type === SLA_BREACHED_EVENT) {
    const clock = event.body?.input?.data?.clock;
    return typeof clock === 'string' ? clock : '';
  }
  const match = event.idempotencyKey ? BREACH_TIMER_KEY.exec(event.idempotencyKey) : null;
  return match ? (match[1] ?? '') : null;
}

/**
 * The facts of one record from its projection and its events (any order; only this record's).
 * A clock's breach is dated by the event that recorded it; a clock the projection shows past its
 * breach instant (by `asOf`) with no such event yet — its timer has not fired — counts at that
 * instant, so a lagging scheduler does not hide breaches.
 */
export function recordFacts(
  record: ReportRecord,
  events: readonly ReportEvent[],
  options: FactsOptions = {},
): RecordFacts {
  const resolvedStates = options.resolvedStates ?? new Set<string>();
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  let status = 'active';
  let closedAt: Date | null = null;
  const breachedClocks = new Set<string>();
  const breaches: Date[] = [];
  const reopens: Date[] = [];
  for (const event of ordered) {
    const clock = breachedClock(event);
    if (clock !== null && !breachedClocks.has(clock)) {
      breachedClocks.add(clock);
      breaches.push(event.at);
    }
    const state = event.body?.state;
    if (state?.status === 'done' && status !== 'done') closedAt = event.at;
    if (state?.status === 'active') closedAt = null;
    if (state?.status) status = state.status;
    const from = event.body?.from;
    if (
      event.body?.kind === 'stepped' &&
      from &&
      resolvedStates.has(from) &&
      state?.state &&
      !resolvedStates.has(state.state) &&
      state.status === 'active'
    ) {
      reopens.push(event.at);
    }
  }
  const asOf = options.asOf?.getTime();
  for (const [name, clock] of Object.entries(record.clocks ?? {})) {
    const breachAt = clock?.breachAt instanceof Date ? clock.breachAt : null;
    // Up to the report's now, and not after the record closed (a clock left running in a final state).
    const until = asOf === undefined || closedAt === null ? asOf : Math.min(closedAt.getTime(), asOf);
    const overdue = until !== undefined && breachAt !== null && breachAt.getTime() <= until;
    if (overdue && (clock?.status === 'running' || clock?.breached === true) && !breachedClocks.has(name)) {
      breachedClocks.add(name);
      breaches.push(breachAt);
    }
  }
  breaches.sort((a, b) => a.getTime() - b.getTime());
  const clocks = Object.values(record.clocks ?? {});
  const slaMet =
    closedAt && clocks.length > 0
      ? !clocks.some((summary) => summary?.breached === true) &&
        !breaches.some((at) => closedAt !== null && at <= closedAt)
      : null;
  return { openedAt: record.createdAt, closedAt, slaMet, breaches, reopens };
}
