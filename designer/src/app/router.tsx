import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { HomePage } from './home-page.tsx';
import { Shell } from './shell.tsx';
import { RequireArea } from '../session/require-area.tsx';
import { SetupPage } from '../session/setup-page.tsx';
import { SignInPage } from '../session/sign-in-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';

// One dynamic import per area: each area is one lazily loaded chunk.
const consoleArea = () => import('../areas/console/console-area.tsx');
const placeholderArea = () => import('../areas/placeholder/placeholder-area.tsx');

function placeholder(area: 'designer' | 'workspace' | 'portal'): RouteObject {
  return {
    path: area,
    element: <RequireArea area={area} />,
    children: [{ index: true, lazy: async () => ({ Component: (await placeholderArea()).placeholderPage(area) }) }],
  };
}

/** The app's routes (the server answers a reload of any of them with index.html). */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'setup', element: <SetupPage /> },
      {
        path: 'console',
        element: <RequireArea area="console" />,
        children: [
          {
            lazy: async () => ({ Component: (await consoleArea()).ConsoleLayout }),
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              { path: 'users', lazy: async () => ({ Component: (await consoleArea()).UsersPage }) },
              { path: 'groups', lazy: async () => ({ Component: (await consoleArea()).GroupsPage }) },
              { path: 'api-tokens', lazy: async () => ({ Component: (await consoleArea()).ApiTokensPage }) },
              { path: 'health', lazy: async () => ({ Component: (await consoleArea()).HealthPage }) },
            ],
          },
        ],
      },
      placeholder('designer'),
      placeholder('workspace'),
      placeholder('portal'),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The browser router of the app. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
