import type { AnchorHTMLAttributes } from 'react';
import { followLink } from '../lib/router';

/** An `<a>` whose plain clicks stay in the page (the router); the href works without it too. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { onClick, ...rest } = props;
  return (
    <a
      {...rest}
      onClick={(e) => {
        onClick?.(e);
        followLink(e);
      }}
    />
  );
}
