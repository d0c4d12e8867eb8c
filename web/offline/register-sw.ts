/**
 * Registers the service worker that vite-plugin-pwa generates (the plugin's inline script is off because the CSP
 * forbids inline scripts). A new version waits until the person chooses to reload, so nothing half-typed is lost;
 * the shell shows that choice from `useServiceWorkerState()`.
 */
import { useSyncExternalStore } from 'react';

export interface ServiceWorkerState {
  /** A new version is installed and waiting. */
  needRefresh: boolean;
  /** The app shell is cached: the app now opens without a connection. */
  offlineReady: boolean;
}

let state: ServiceWorkerState = { needRefresh: false, offlineReady: false };
const listeners = new Set<() => void>();
let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | null = null;

function setState(patch: Partial<ServiceWorkerState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export function subscribeServiceWorker(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useServiceWorkerState(): ServiceWorkerState {
  return useSyncExternalStore(
    subscribeServiceWorker,
    () => state,
    () => state,
  );
}

export function dismissOfflineReady(): void {
  setState({ offlineReady: false });
}

export function dismissUpdate(): void {
  setState({ needRefresh: false });
}

/** Activates the waiting version and reloads the page. */
export async function applyUpdate(): Promise<void> {
  if (updateServiceWorker) await updateServiceWorker(true);
  else window.location.reload();
}

/** Loads the registration code after the first render, so it stays out of the initial download. */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const { registerSW } = await import('virtual:pwa-register');
  updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh: () => setState({ needRefresh: true }),
    onOfflineReady: () => setState({ offlineReady: true }),
    onRegisterError: (error: unknown) => console.error('Service worker registration failed', error),
  });
}
