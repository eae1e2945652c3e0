/**
 * Loads a case feed for its host: one shared request per URL (core `fetchJson`), validation, one
 * console warning per skipped case or unusable feed, and a state the host renders
 * (loading → ready | error). A retry drops the shared result so the network is asked again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError, fetchJson, forget, safeUrl, warnOnce, type FeedErrorKind } from '@samleng/core';
import type { CaseRecord } from './case-record.js';
import { CaseFieldError, parseFeed } from './parse-case.js';

/** Why a feed cannot be shown: a network failure kind, or `invalid` when it is not a case feed. */
export type FeedProblem = FeedErrorKind | 'invalid' | 'src';

export type FeedState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; cases: CaseRecord[] }
  | { kind: 'error'; problem: FeedProblem; status?: number | undefined };

/** How long a reader waits before the widget gives up and offers a retry. */
export const FEED_TIMEOUT = 10_000;

export class FeedController implements ReactiveController {
  state: FeedState = { kind: 'idle' };
  #src: string | undefined;
  #url: string | undefined;
  #request = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // A card moved in the page keeps what it has; a new one starts loading.
    if (this.state.kind === 'idle' && this.#src) this.#load();
  }

  hostDisconnected(): void {}

  /** Follows the host's `src`: a new value loads it, an empty one goes back to idle. */
  setSource(src: string | undefined): void {
    const value = src?.trim() || undefined;
    if (value === this.#src) return;
    this.#src = value;
    this.#load();
  }

  /** Drops the shared result and asks the network again. */
  retry(): void {
    if (this.#url) forget(this.#url);
    this.#load();
  }

  #set(state: FeedState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  #load(): void {
    const request = ++this.#request;
    const src = this.#src;
    if (!src) {
      this.#url = undefined;
      this.#set({ kind: 'idle' });
      return;
    }
    const url = safeUrl(src, { host: this.host, field: 'src' });
    if (!url || url.trim().toLowerCase().startsWith('mailto:')) {
      this.#url = undefined;
      this.#set({ kind: 'error', problem: 'src' });
      return;
    }
    this.#url = url;
    this.#set({ kind: 'loading' });
    fetchJson(url, { timeout: FEED_TIMEOUT }).then(
      (json) => {
        if (request !== this.#request) return;
        try {
          const { cases, skipped } = parseFeed(json);
          for (const problem of skipped) {
            warnOnce(this.host, `skip:${url}:${problem.field}`, `a case was skipped: ${problem.message}.`);
          }
          this.#set({ kind: 'ready', cases });
        } catch (error) {
          const message = error instanceof CaseFieldError ? error.message : String(error);
          warnOnce(this.host, `feed:${url}`, `the feed ${url} could not be used: ${message}.`);
          this.#set({ kind: 'error', problem: 'invalid' });
        }
      },
      (error: unknown) => {
        if (request !== this.#request) return;
        const feedError = error instanceof FeedError ? error : undefined;
        const problem = feedError?.kind ?? 'network';
        warnOnce(
          this.host,
          `fetch:${url}:${problem}`,
          `the feed ${url} could not be loaded (${problem}${feedError?.status ? ` ${feedError.status}` : ''}).`,
        );
        this.#set({ kind: 'error', problem, status: feedError?.status });
      },
    );
  }
}
