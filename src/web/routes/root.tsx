import { Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * After a navigation to another page, focus moves to the new page's h1 so screen-reader and
 * keyboard users start at the content (a SPA otherwise leaves focus on the link they used).
 * A change of search parameters only (filters, paging) keeps focus where it is.
 */
export function RootLayout() {
  const router = useRouter();
  useEffect(() => {
    return router.subscribe('onResolved', (event) => {
      if (!event.pathChanged || !event.fromLocation) return;
      requestAnimationFrame(() => {
        const heading = document.querySelector<HTMLElement>('[data-route-heading]');
        heading?.focus({ preventScroll: false });
      });
    });
  }, [router]);
  return <Outlet />;
}
