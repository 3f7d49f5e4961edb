import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { setUnauthorizedHandler } from '../lib/api';
import { sessionQueryKey } from '../lib/session';
import { AppProviders } from './providers';
import { queryClient } from './query-client';
import { router } from './router';

export function App() {
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(sessionQueryKey, null);
      const here = router.state.location;
      if (here.pathname !== '/login') {
        void router.navigate({ to: '/login', search: { redirect: here.href } });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, []);
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
