import { Component, type ComponentChild, type FunctionComponent, h } from 'preact';

/** True when any prop differs by identity (what `memo` compares). */
function propsDiffer(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (key !== 'children' && x[key] !== y[key]) return true;
  for (const key in y) if (!(key in x)) return true;
  return false;
}

/**
 * A component that re-renders only when a prop changes by identity — React's `memo`, without
 * pulling all of `preact/compat` into the panel for it. For rows of long lists.
 */
export function memoComponent<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return propsDiffer(this.props, next);
    }
    override render(props: P): ComponentChild {
      return h(render, props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
