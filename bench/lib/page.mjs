// The partner-like page the first-render and layout-shift benches load: one of each widget, each in a
// section with a heading before it and a paragraph after it (so that a widget changing size moves text a
// reader is looking at, as on a real page), data from the bench server. Content from the demo page.

/** One of each widget, by tag; `/data/cases.json` and `/api/pledges/count` are served by bench/lib/server.mjs. */
export const WIDGETS = {
  'samleng-countdown': `<samleng-countdown heading="Cambodia's 5th UN human-rights review" date="2029-05-01"
    time-zone="Europe/Zurich" place="Geneva" estimated href="https://www.ohchr.org/en/hr-bodies/upr/kh-index">
    <time datetime="2028-11-01T12:00+01:00">Stakeholder submissions due (estimated)</time>
    <time datetime="2029-04-01">UPR Info pre-session in Geneva (estimated)</time>
  </samleng-countdown>`,
  'samleng-case-alert': `<samleng-case-alert src="/data/cases.json" case-id="kem-sokha"></samleng-case-alert>`,
  'samleng-case-list': `<samleng-case-list src="/data/cases.json" status="detained house-arrest"></samleng-case-list>`,
  'samleng-checklist': `<samleng-checklist heading="Four steps you can take now" storage-key="statement-2023-09-23">
    <p>The four immediate steps named in the community's statement of 23 September 2023.</p>
    <ol>
      <li data-id="upr"><strong>Take part in the UN's Universal Periodic Review of Cambodia.</strong> Submit written
        complaints and statements of concern about the specific cases and practices the UN and its member states
        should look at. <a href="https://www.ohchr.org/en/hr-bodies/upr/kh-index">Cambodia's UPR page (OHCHR)</a></li>
      <li data-id="case-alerts"><strong>Support the Khmer Urgent Action Case Alert System.</strong> It brings attention
        to the worst cases: the 27-year treason sentence of Kem Sokha, and the 5-to-8-year sentences of more than fifty
        political leaders and critics, Theary Seng among them.</li>
      <li data-id="economic-pressure"><strong>Put economic pressure where it hurts.</strong> Press for sanctions in the
        line of the EU's tariff measures, a consumer boycott of companies that benefit from land grabs and other
        abuses, and a tourism embargo.</li>
      <li data-id="meetings"><strong>Join international meetings on Cambodia</strong>, such as strategic planning
        sessions of international Cambodia experts, to make the community's voice heard.</li>
    </ol>
  </samleng-checklist>`,
  'samleng-pledge': `<samleng-pledge heading="Stand with Cambodia's political prisoners" endpoint="/api/pledges"
    campaign="upr-2029">I pledge to write to my representative before Cambodia's next UN review.</samleng-pledge>`,
  'samleng-pledge-count': `<samleng-pledge-count endpoint="/api/pledges" campaign="upr-2029" goal="5000">
  </samleng-pledge-count>`,
};

/** Which request brings a widget its data (for "content shown"), by tag. */
export const DATA_URL = {
  'samleng-case-alert': '/data/cases.json',
  'samleng-case-list': '/data/cases.json',
  'samleng-pledge': '/count',
  'samleng-pledge-count': '/count',
};

/**
 * Records, from before any widget exists: when each `samleng-*` element of the page (not those inside other
 * widgets) started and ended its first update and when its first `updateComplete` resolved, every later
 * update, and long animation frames. It hooks `customElements.define` to add a Lit initializer (a public Lit
 * API) to each widget class: a reactive controller whose `hostUpdate`/`hostUpdated` run at the start and end
 * of every update, a few function calls per update. Key moments are also `performance.mark`s (named
 * `bench:<moment>#<load>`), so that a trace gives both their wall-clock time and the main thread's CPU time.
 */
export const INSTRUMENT = `<script>
(() => {
  const b = (window.__bench = { first: [], updates: [], loaf: [] });
  // Each load's marks carry its \`?load=\` id, so that one trace can hold many loads.
  const load = new URLSearchParams(location.search).get('load');
  const mark = (name) => {
    performance.mark(load ? name + '#' + load : name);
    return performance.now();
  };
  b.evalStart = () => {
    b.t0 = mark('bench:t0');
    // The next rendering opportunity after the script: a rAF callback runs before that frame's style,
    // layout and paint; a message posted from it is handled once the frame's main-thread work is done.
    requestAnimationFrame(() => {
      b.frame = mark('bench:frame');
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (b.frameDone = mark('bench:frame-done'));
      channel.port2.postMessage(0);
    });
  };
  b.evalEnd = () => (b.t1 = mark('bench:t1'));
  const hooked = new WeakSet();
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (name, cls, options) {
    if (name.startsWith('samleng-') && typeof cls.addInitializer === 'function') {
      cls.addInitializer((el) => {
        if (hooked.has(el)) return; // a subclass also runs its parent's initializers
        hooked.add(el);
        let top = false;
        let updates = 0;
        el.addController({
          hostConnected() {
            if (updates || top) return;
            top = el.getRootNode() === document; // a widget of the page, not a card inside a list
            if (!top) return;
            el.updateComplete.then(() => b.first.push({ tag: el.localName, t: mark('bench:first:' + el.localName) }));
          },
          hostUpdate() {
            if (top && !updates) mark('bench:update-start:' + el.localName);
          },
          hostUpdated() {
            if (top && !updates) mark('bench:update-end:' + el.localName);
            updates++;
            if (top) b.updates.push({ tag: el.localName, t: performance.now() });
          },
        });
      });
    }
    return define.call(this, name, cls, options);
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.loaf.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();
</script>`;

/**
 * The page. `tags`: the widgets it holds, in this order; `script`: the element(s) that load the kit;
 * `head`: anything else for the head (instrumentation, a partner's CSS); `tail`: the end of the body;
 * `dataDelay`: ms the server holds back the widgets' data (the feed, the count).
 */
export function page({ tags = Object.keys(WIDGETS), script, head = '', tail = '', dataDelay = 0 }) {
  const delayed = (markup) =>
    dataDelay
      ? markup
          .replaceAll('src="/data/', `src="/delay/${dataDelay}/data/`)
          .replaceAll('endpoint="/api/', `endpoint="/delay/${dataDelay}/api/`)
      : markup;
  const sections = tags
    .map(
      (tag) => `<section>
  <h2>${tag}</h2>
  ${delayed(WIDGETS[tag])}
  <p>A paragraph of the partner's page after the widget. If the widget changes size when it is defined or when
  its data arrives, this text moves, and the reader loses their place.</p>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samleng bench</title>
<link rel="icon" href="data:,">
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; padding: 0 1rem; max-width: 48rem; }</style>
${head}
${script}
</head>
<body>
<h1>Stand with Cambodia's political prisoners</h1>
<p>This page is built like a partner's: text, then the widgets, each followed by more text.</p>
${sections}
${tail}
</body>
</html>`;
}
