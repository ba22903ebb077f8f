import { useSyncExternalStore } from 'react';

// Nothing to subscribe to: the store only tells the server render (false) from the browser (true).
const noSubscription = () => () => {};

/**
 * False while the server renders (and while the browser hydrates that HTML), true once the component
 * runs in the browser: what depends on the browser (its language, Intl data) is drawn only then, so
 * the two renders never disagree.
 */
export function useLive(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
