/**
 * Changes the page language the way a partner's language switcher does, and waits until the
 * widgets can render in it. The language watcher is a MutationObserver, whose callback runs as a
 * microtask queued by the change itself, so waiting one microtask behind it is enough, with real or
 * fake timers alike.
 */
import { localeReady } from '@samleng/core';

export async function setLang(lang: string): Promise<void> {
  document.documentElement.lang = lang;
  await new Promise<void>((resolve) => queueMicrotask(resolve));
  await localeReady();
}
