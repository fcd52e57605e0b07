import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setSessionEndedHandler } from './api/client.ts';
import { initI18n } from './app/i18n.ts';
import { AntdProvider } from './app/antd-provider.tsx';
import { nameListboxes } from './app/name-listboxes.ts';
import { createAppRouter } from './app/router.tsx';
import { endSession, markSessionExpired } from './session/session.ts';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

await initI18n();
nameListboxes();
const queryClient = new QueryClient({
  defaultOptions: {
    // A refused call (4xx) will not succeed by asking again; a network error may.
    queries: { retry: (count, error) => count < 2 && error instanceof TypeError, refetchOnWindowFocus: false },
  },
});
// A 401 on a signed-in call: the session expired. The area guard sends the user to sign-in and back.
setSessionEndedHandler(() => {
  markSessionExpired();
  endSession(queryClient);
});

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AntdProvider>
        <RouterProvider router={createAppRouter()} />
      </AntdProvider>
    </QueryClientProvider>
  </StrictMode>,
);
