import { useTranslation } from 'react-i18next';
import { MessagePage } from './message-page.tsx';

/** A path the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return <MessagePage status="404" texts="notFound" links={[{ to: '/', label: t('shell.home') }]} />;
}
