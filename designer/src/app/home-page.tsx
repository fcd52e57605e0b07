import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { areasOf } from '../session/roles.ts';
import { useSession } from '../session/session.ts';
import { useFormat } from './format.ts';

/** The landing page: what the product is, the areas the user may open, and the server's health. */
export function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const user = useSession().data?.user;
  const health = useQuery({
    queryKey: ['health'],
    queryFn: async () => (await api.GET('/health')).data as { db?: { ok?: boolean; latencyMs?: number } } | undefined,
  });
  const db = health.data?.db;
  const status = health.isPending
    ? t('home.checking')
    : db?.ok
      ? t('home.dbOk', { latency: format.number(db.latencyMs ?? 0) })
      : t('home.dbDown');

  return (
    <div className="cf-page">
      <Typography.Title level={1}>ClauseFlow</Typography.Title>
      <Typography.Paragraph>{t('home.tagline')}</Typography.Paragraph>
      {user ? (
        <Flex wrap gap="middle" component="ul" className="cf-plain-list" aria-label={t('shell.areas')}>
          {areasOf(user).map((area) => (
            <li key={area.key}>
              <Card title={t(`areas.${area.key}`)} className="cf-area-card">
                <Typography.Paragraph>{t(`areas.${area.key}Summary`)}</Typography.Paragraph>
                <Link to={area.path}>{t('home.open', { area: t(`areas.${area.key}`) })}</Link>
              </Card>
            </li>
          ))}
        </Flex>
      ) : (
        <Button type="primary" onClick={() => void navigate('/sign-in')}>
          {t('session.signIn')}
        </Button>
      )}
      <section aria-label={t('home.health')} className="cf-health">
        <Typography.Title level={2}>{t('home.health')}</Typography.Title>
        <Alert role="status" type={health.isPending ? 'info' : db?.ok ? 'success' : 'error'} title={status} />
      </section>
    </div>
  );
}
