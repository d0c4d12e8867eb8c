import { Component, type ReactNode } from 'react';

/**
 * A map that cannot load (offline before its chunk was cached, an old phone) must not take the form down with it:
 * this shows `fallback` instead, and the commune pick list or the list view remain.
 */
export class MapBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
