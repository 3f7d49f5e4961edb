import { Group, Text } from '@mantine/core';
import { IconArrowsHorizontal } from '@tabler/icons-react';
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { scrollEdges } from './tableModel';

type Edges = ReturnType<typeof scrollEdges>;
const NONE: Edges = { overflowing: false, moreLeft: false, moreRight: false };
const same = (a: Edges, b: Edges) =>
  a.overflowing === b.overflowing && a.moreLeft === b.moreLeft && a.moreRight === b.moreRight;

const fade = (side: 'left' | 'right', shown: boolean) =>
  ({
    position: 'absolute',
    top: 0,
    bottom: 0,
    [side]: 0,
    width: 36,
    pointerEvents: 'none',
    opacity: shown ? 1 : 0,
    transition: 'opacity 150ms ease',
    background: `linear-gradient(to ${side === 'right' ? 'left' : 'right'}, var(--mantine-color-body) 10%, transparent)`,
    boxShadow: shown ? `inset ${side === 'right' ? '-10px' : '10px'} 0 8px -8px rgba(0, 0, 0, 0.25)` : 'none',
  }) as const;

/**
 * A box that scrolls sideways when its content (at least `minWidth` wide) is wider than the screen — a
 * table on a phone. While there is more to the right, the right edge fades with a shadow and a short hint
 * says so ("Vuốt ngang để xem thêm cột"); both go once scrolled to the end (the hint keeps its line, so
 * nothing below jumps). Scrolled away from the start, the left edge fades too. When it overflows, the box
 * is a focusable, labelled region so keyboard users can scroll it with the arrow keys.
 */
export function ScrollCue({
  minWidth,
  label,
  children,
  testId,
}: {
  minWidth: number | string;
  /** What the region holds (its accessible name with the scrolling hint). */
  label?: string;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>(NONE);
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const next = scrollEdges(el);
    setEdges((prev) => (same(prev, next) ? prev : next));
  }, []);

  useLayoutEffect(() => {
    update();
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [update]);

  return (
    <div data-testid={testId} data-overflowing={edges.overflowing || undefined}>
      {edges.overflowing && (
        <Group
          gap={4}
          justify="flex-end"
          mb={4}
          style={{ visibility: edges.moreRight ? 'visible' : 'hidden' }}
          data-testid={testId ? `${testId}-hint` : 'scroll-hint'}
          aria-hidden={!edges.moreRight}
        >
          <IconArrowsHorizontal size={14} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text size="xs" c="dimmed">
            {t('table.scrollHint')}
          </Text>
        </Group>
      )}
      <div style={{ position: 'relative' }}>
        <div
          ref={ref}
          onScroll={update}
          style={{ overflowX: 'auto', WebkitOverflowScrolling: 'touch' }}
          {...(edges.overflowing
            ? {
                tabIndex: 0,
                role: 'region',
                'aria-label': label ? t('table.scrollRegion', { label }) : t('table.scrollHint'),
              }
            : {})}
        >
          <div style={{ minWidth }}>{children}</div>
        </div>
        <div aria-hidden style={fade('left', edges.moreLeft)} />
        <div
          aria-hidden
          style={fade('right', edges.moreRight)}
          data-testid={testId ? `${testId}-fade` : undefined}
        />
      </div>
    </div>
  );
}
