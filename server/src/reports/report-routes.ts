import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import { visibleRecordsFilter } from '@clauseflow/application';
import { KeyParams } from '../processes/process-schemas.ts';
import { reportableProcess } from './report-access.ts';
import { reportCsv } from './report-csv.ts';
import { loadServiceReport } from '@clauseflow/application';
import { localIso, resolveReportPeriod } from '@clauseflow/application';
import { ServiceReportQuery, ServiceReportSchema, type ServiceReportView } from './report-schemas.ts';

/**
 * `/api/processes/:key/reports/service`: a process's service report, generated on request from
 * its records and their event logs — records opened and closed, backlog, SLA breaches, the
 * share closed within SLA, times to close and reopens, each as a series of day, week or month
 * buckets in a time zone, with its least-squares trend. JSON, or CSV with `format=csv`.
 * Readable by those who work the process (see `reportableProcess`).
 */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { records } = app.platform;

  app.get(
    '/processes/:key/reports/service',
    {
      preHandler: requireUser,
      schema: {
        tags: ['reports'],
        security: SIGNED_IN,
        summary: 'Service report of a process: each measure as a time series with its trend (JSON or CSV)',
        params: KeyParams,
        querystring: ServiceReportQuery,
        response: {
          200: {
            description: 'The report.',
            content: {
              'application/json': { schema: ServiceReportSchema },
              'text/csv': { schema: { type: 'string', description: 'One row per bucket, one column per measure.' } },
            },
          },
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const { process, user } = await reportableProcess(records.processes, request, key);
      const now = app.platform.now();
      const period = resolveReportPeriod(request.query, now);
      const measures = await loadServiceReport(records.engine, {
        processKey: key,
        period,
        visible: visibleRecordsFilter(user, [process]),
        asOf: now,
      });
      const zone = period.timeZone;
      const boundary = (instant: Date) => localIso(instant, zone);
      if (request.query.format === 'csv') {
        const locale = request.query.locale ?? user.locale;
        return reply
          .header('content-type', 'text/csv; charset=utf-8; header=present')
          .header('content-disposition', `attachment; filename="${key}-service-report-${period.from}-${period.to}.csv"`)
          .send(reportCsv(measures, boundary, locale));
      }
      const view: ServiceReportView = {
        process: { key, title: process.title },
        period: { from: period.from, to: period.to, start: boundary(period.start), end: boundary(period.end) },
        interval: period.interval,
        timeZone: zone,
        generatedAt: now.toISOString(),
        measures: measures.map((measure) => ({
          id: measure.id,
          label: measure.label,
          description: measure.description,
          unit: measure.unit,
          series: measure.series.map((point) => ({
            start: boundary(point.start),
            end: boundary(point.end),
            value: point.value,
          })),
          trend: measure.trend,
        })),
      };
      return reply.header('content-type', 'application/json; charset=utf-8').send(view);
    },
  );
};
