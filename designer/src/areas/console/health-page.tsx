import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useFormat } from '../../app/format.ts';
import { parseMetrics, total } from './metrics-text.ts';
import { PageHeader } from './page-header.tsx';

const REFRESH_MS = 15_000;

const REQUESTS = 'clauseflow_http_request_duration_seconds_count';

/** The counters shown as totals since the server started: their texts and metric names. */
const COUNTERS = [
  ['timersFired', 'clauseflow_timers_fired_total'],
  ['eventsApplied', 'clauseflow_events_applied_total'],
  ['slaBreaches', 'clauseflow_sla_breaches_total'],
  ['requests', REQUESTS],
] as const;

/** The server's health, readiness and metrics, read together and refreshed every 15 s. */
function useServerState() {
  return useQuery({
    queryKey: ['console', 'health'],
    refetchInterval: REFRESH_MS,
    queryFn: async () => {
      const [health, ready, metrics] = await Promise.all([
        api.GET('/health'),
        api.GET('/ready'),
        api.GET('/metrics', { parseAs: 'text' }),
      ]);
      // A 503 carries the same report (the database is down, not the page); other failures are problems.
      const report = health.data ?? health.error;
      return {
        db: report && 'db' in report ? report.db : undefined,
        ready: ready.data?.status === 'ready',
        metrics: metrics.response.ok ? parseMetrics(String(metrics.data ?? '')) : undefined,
        at: new Date(),
      };
    },
  });
}

function Figure({ title, value, hint }: { title: string; value: ReactNode; hint?: string }) {
  return (
    <Col xs={24} sm={12} lg={8}>
      <Card className="cf-figure">
        <Statistic title={title} valueRender={() => value} />
        {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      </Card>
    </Col>
  );
}

/** A yes/no state in the figure's size: a mark and a word, never colour alone. */
function State({ ok, text }: { ok: boolean; text: string }) {
  return (
    <span className={ok ? 'cf-state-ok' : 'cf-state-bad'}>
      {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />} {text}
    </span>
  );
}

/** The console's health page: database, readiness, timers due and the metrics figures. */
export function HealthPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useServerState();
  const metrics = state.data?.metrics;
  const figure = (name: string) => {
    const value = metrics && total(metrics, name);
    return value === undefined ? t('console:health.unknown') : format.number(value);
  };
  const count = metrics && total(metrics, REQUESTS);
  const seconds = metrics && total(metrics, 'clauseflow_http_request_duration_seconds_sum');
  const started = metrics && total(metrics, 'clauseflow_process_start_time_seconds');
  const memory = metrics && total(metrics, 'clauseflow_process_resident_memory_bytes');
  const unknown = t('console:health.unknown');
  const db = state.data?.db;

  return (
    <>
      <PageHeader
        title={t('console:health.title')}
        intro={t('console:health.intro')}
        extra={
          <Flex align="center" gap="middle" wrap>
            {state.data && (
              <Typography.Text type="secondary" role="status">
                {t('console:health.updated', { time: format.time(state.data.at) })}
              </Typography.Text>
            )}
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void state.refetch()}
              loading={state.isFetching}
            >
              {t('console:health.refresh')}
            </Button>
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Figure
          title={t('console:health.database')}
          value={<State ok={db?.ok === true} text={db?.ok ? t('console:health.dbOk') : t('console:health.dbDown')} />}
          hint={db ? t('console:health.roundTrip', { ms: format.number(db.latencyMs) }) : undefined}
        />
        <Figure
          title={t('console:health.readiness')}
          value={
            <State
              ok={state.data?.ready === true}
              text={state.data?.ready ? t('console:health.ready') : t('console:health.notReady')}
            />
          }
        />
        <Figure
          title={t('console:health.timersDue')}
          value={figure('clauseflow_timers_due')}
          hint={t('console:health.timersDueHint')}
        />
        {COUNTERS.map(([texts, metric]) => (
          <Figure
            key={metric}
            title={t(`console:health.${texts}`)}
            value={figure(metric)}
            hint={t('console:health.sinceStart')}
          />
        ))}
        <Figure
          title={t('console:health.meanResponse')}
          value={
            count && seconds !== undefined
              ? `${format.number(Math.round((seconds / count) * 10_000) / 10)} ms`
              : unknown
          }
        />
        <Figure
          title={t('console:health.uptime')}
          value={started ? format.duration(state.data!.at.getTime() - started * 1000) : unknown}
        />
        <Figure title={t('console:health.memory')} value={memory ? format.bytes(memory) : unknown} />
      </Row>
      {state.data && !metrics && (
        <Typography.Paragraph type="danger">{t('console:health.metricsFailed')}</Typography.Paragraph>
      )}
    </>
  );
}
