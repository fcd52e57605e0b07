import { App, Grid, Layout, Menu } from 'antd';
import { DashboardOutlined, KeyOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

const SECTIONS = [
  { key: 'users', texts: 'users', icon: <UserOutlined aria-hidden /> },
  { key: 'groups', texts: 'groups', icon: <TeamOutlined aria-hidden /> },
  { key: 'api-tokens', texts: 'tokens', icon: <KeyOutlined aria-hidden /> },
  { key: 'health', texts: 'health', icon: <DashboardOutlined aria-hidden /> },
] as const;

/** The console's frame: its sections beside (or, on a narrow screen, above) the page. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const wide = Grid.useBreakpoint().md ?? true;
  const selected = SECTIONS.find((section) => location.pathname.startsWith(`/console/${section.key}`))?.key;
  const menu = (
    <nav aria-label={t('console:sections')}>
      <Menu
        mode={wide ? 'inline' : 'horizontal'}
        selectedKeys={selected ? [selected] : []}
        items={SECTIONS.map((section) => ({
          key: section.key,
          icon: section.icon,
          label: <Link to={`/console/${section.key}`}>{t(`console:${section.texts}.title`)}</Link>,
        }))}
      />
    </nav>
  );
  return (
    <App component={false}>
      <Layout className="cf-console">
        {wide ? (
          <Layout.Sider width={200} theme="light" className="cf-console-sider">
            {menu}
          </Layout.Sider>
        ) : (
          menu
        )}
        <div className="cf-console-content">
          <Outlet />
        </div>
      </Layout>
    </App>
  );
}
