/**
 * Other tabs of the partner's site, played by same-origin iframes: each has its own copy of the pledge
 * modules (so its own memory of what it is sending) and shares this page's storage, as tabs do.
 */
import { oneEvent } from '@open-wc/testing';
import type * as Outbox from '../src/outbox.js';
import type { SamlengPledge } from '../src/pledge.js';
import { watchPosts, type PostWatch } from './posts.js';

type TabWindow = Window & typeof globalThis & { samlengOutbox?: typeof Outbox };

export interface Tab {
  readonly frame: HTMLIFrameElement;
  /** The tab's own outbox module (a new one after `reload()`). */
  readonly outbox: typeof Outbox;
  /** The POSTs the tab has sent since it (re)loaded. */
  readonly posts: PostWatch;
  /** Adds a `<samleng-pledge>` to the tab, which connects and sends what waits for its endpoint. */
  pledge(endpoint: string, campaign: string): SamlengPledge;
  /** Reloads the tab, whatever it is doing, and watches the new page's POSTs. */
  reload(): Promise<void>;
}

const PAGE = new URL('./fixtures/tab/index.html', import.meta.url).href;

/** Opens a tab in `container` (a fixture, so that fixtureCleanup() closes it). */
export async function openTab(container: HTMLElement): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.title = 'another tab';
  let posts: PostWatch | undefined;
  const win = () => frame.contentWindow as TabWindow;
  const load = async () => {
    // Module scripts run before `load`: the tab's outbox is there by then.
    await oneEvent(frame, 'load');
    if (!win().samlengOutbox) throw new Error('the tab page did not load its modules');
    posts = watchPosts(win());
  };
  const loaded = load();
  frame.src = PAGE;
  container.append(frame);
  await loaded;
  return {
    frame,
    get outbox() {
      return win().samlengOutbox!;
    },
    get posts() {
      return posts!;
    },
    pledge(endpoint, campaign) {
      const doc = win().document;
      const el = doc.createElement('samleng-pledge') as SamlengPledge;
      el.setAttribute('endpoint', endpoint);
      el.setAttribute('campaign', campaign);
      doc.body.append(el);
      return el;
    },
    async reload() {
      const reloaded = load();
      win().location.reload();
      await reloaded;
    },
  };
}
