import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The server's Prometheus metrics, one registry per app. The HTTP histogram is fed by the
 * metrics plugin; the runtime counters are fed by whatever drives the runtime (event append,
 * timer poller, SLA clocks) through `app.platform.metrics`.
 */
export interface ServerMetrics {
  registry: Registry;
  /** Request latency in seconds by method, route pattern and status code. */
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Events appended to instance logs, by process id and event type. */
  eventsApplied: Counter<'process' | 'event'>;
  /** Timers whose due time has passed and that have not fired yet, counted at each scrape. */
  timersDue: Gauge;
  /** What the due-timer gauge counts with; set once the runtime is open (until then it shows 0). */
  countDueTimers: (() => Promise<number>) | null;
  /** Timers fired, by timer kind. */
  timersFired: Counter<'kind'>;
  /** SLA clocks breached, by process id and clock id. */
  slaBreaches: Counter<'process' | 'clock'>;
}

/** Creates the metrics on a fresh registry (several apps in one process each get their own). */
export function createServerMetrics(options: { defaultMetrics?: boolean } = {}): ServerMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'clauseflow_' });
  const metrics: ServerMetrics = {
    registry,
    httpRequestDuration: new Histogram({
      name: 'clauseflow_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    eventsApplied: new Counter({
      name: 'clauseflow_events_applied_total',
      help: 'Events appended to instance logs, by process and event type.',
      labelNames: ['process', 'event'],
      registers: [registry],
    }),
    timersDue: new Gauge({
      name: 'clauseflow_timers_due',
      help: 'Timers past their due time that have not fired yet.',
      registers: [registry],
      // Counted when scraped, so the figure is the database's, whichever process fires timers.
      collect: async function (this: Gauge) {
        if (metrics.countDueTimers) this.set(await metrics.countDueTimers());
      },
    }),
    countDueTimers: null,
    timersFired: new Counter({
      name: 'clauseflow_timers_fired_total',
      help: 'Timers fired, by kind.',
      labelNames: ['kind'],
      registers: [registry],
    }),
    slaBreaches: new Counter({
      name: 'clauseflow_sla_breaches_total',
      help: 'SLA clocks breached, by process and clock.',
      labelNames: ['process', 'clock'],
      registers: [registry],
    }),
  };
  return metrics;
}
