import { Anchor, type AnchorProps } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/**
 * A link to a path (the server's, e.g. `/plans/…?task=…`, or the page's): a real `href` (new tab, copy link), navigated
 * inside the app on a plain click.
 */
export function InAppLink({
  to,
  children,
  ...rest
}: AnchorProps & { to: string; children: ReactNode; 'data-testid'?: string; 'aria-label'?: string }) {
  const router = useRouter();
  return (
    <Anchor
      href={to}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        router.history.push(to);
      }}
      {...rest}
    >
      {children}
    </Anchor>
  );
}
