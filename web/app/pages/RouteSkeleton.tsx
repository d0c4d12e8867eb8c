import { Skeleton } from '../../ui';

/** Shown while the first page's code arrives. */
export function RouteSkeleton() {
  return (
    <main id="main-content" className="main">
      <Skeleton title block lines={3} />
    </main>
  );
}
