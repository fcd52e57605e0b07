import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A path the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="cf-page">
      <Result
        status="404"
        title={t('notFound.title')}
        subTitle={t('notFound.text')}
        extra={<Link to="/">{t('shell.home')}</Link>}
      />
    </div>
  );
}
