import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { areasOf } from '../session/roles.ts';
import { useSession, useSignOut } from '../session/session.ts';
import { LanguageSwitch } from './language-switch.tsx';
import './shell.css';

/** The frame of every page: product, the areas the user's roles open, language, account. */
export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const loading = useNavigation().state === 'loading';
  const user = session.data?.user;
  const areas = user ? areasOf(user) : [];
  const selected = areas.find((area) => location.pathname.startsWith(area.path))?.key;

  return (
    <Layout className="cf-shell">
      <a className="cf-skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Layout.Header className="cf-header">
        <Link to="/" className="cf-brand" aria-label={t('shell.home')}>
          ClauseFlow
        </Link>
        <nav aria-label={t('shell.areas')} className="cf-nav">
          {areas.length > 0 && (
            <Menu
              theme="dark"
              mode="horizontal"
              selectedKeys={selected ? [selected] : []}
              items={areas.map((area) => ({
                key: area.key,
                label: <Link to={area.path}>{t(`areas.${area.key}`)}</Link>,
              }))}
            />
          )}
        </nav>
        <Space className="cf-account" size="middle">
          <LanguageSwitch />
          {user ? (
            <>
              <Typography.Text className="cf-user" title={user.username}>
                {user.displayName}
              </Typography.Text>
              <Button
                onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in') })}
                loading={signOut.isPending}
              >
                {t('session.signOut')}
              </Button>
            </>
          ) : (
            location.pathname !== '/sign-in' && (
              <Button type="primary" onClick={() => void navigate('/sign-in')}>
                {t('session.signIn')}
              </Button>
            )
          )}
        </Space>
      </Layout.Header>
      {/* A thin bar while an area's chunk loads; the page stays mounted, so nothing typed is lost. */}
      <div className={loading ? 'cf-progress cf-progress-active' : 'cf-progress'} role="presentation" />
      <Layout.Content id="main" className="cf-content" tabIndex={-1} aria-busy={loading}>
        {session.isPending ? (
          <div className="cf-center">
            <Spin aria-label={t('shell.loading')} />
          </div>
        ) : (
          <Outlet />
        )}
      </Layout.Content>
    </Layout>
  );
}
