import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { MessagePage } from '../app/message-page.tsx';
import { AREAS, areasOf, type Area } from './roles.ts';
import { sessionEnded, useSession } from './session.ts';

/**
 * Opens an area to signed-in users whose roles include the area's role. Signed out (or the
 * session expired), it sends the user to sign-in with the page to come back to.
 */
export function RequireArea({ area }: { area: Area['key'] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) return null; // the shell shows the spinner
  const user = session.data?.user;
  if (!user) {
    // After signing out, sign-in starts afresh; otherwise it brings the user back here.
    const reason = sessionEnded();
    if (reason === 'signed-out') return <Navigate to="/sign-in" replace />;
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}${reason === 'expired' ? '&expired=1' : ''}`} replace />;
  }
  const role = AREAS.find((item) => item.key === area)?.role;
  if (role && !user.roles.includes(role)) {
    return (
      <MessagePage
        status="403"
        texts="forbidden"
        values={{ area: t(`areas.${area}`) }}
        links={areasOf(user).map((item) => ({ to: item.path, label: t(`areas.${item.key}`) }))}
      />
    );
  }
  return <Outlet />;
}
