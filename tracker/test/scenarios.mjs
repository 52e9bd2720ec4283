// Browser scenarios for the tracker. Each scenario gets a fresh browser context and its own
// path prefix (`/<name>/`) and data-tag (`t-<name>`, where the tracker sends one), so whoever
// reads the server's store can tell them apart. `expect(sent)` checks what the browser sent
// to /api/send and returns a list of problems; the server-side assertions live in
// TrackerBrowserTest.java.

/** Problems if `sent` does not have exactly `n` requests. */
const count = (sent, n) => (sent.length === n ? [] : [`expected ${n} sends, got ${sent.length}`]);

/** Problems if `actual` differs from `expected` (compared as JSON). */
const same = (what, actual, expected) =>
  JSON.stringify(actual) === JSON.stringify(expected)
    ? []
    : [`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];

const path = (url) => (url && url.startsWith('http') ? new URL(url).pathname : url);

/** One line per send: "type name-or-path", for compact comparisons. */
const shape = (sent) => sent.map((s) => `${s.type} ${s.payload.name || path(s.payload.url)}`);

export const scenarios = [
  {
    name: 'default',
    description: 'auto pageview with search, hash, title, screen, language and an external referrer',
    page: 'index.html?q=1&utm_source=news#top',
    title: 'Default page',
    referer: 'https://www.google.com/search?q=footfall',
    expect: (sent) => {
      const p = sent[0]?.payload || {};
      return [
        ...same('sends', shape(sent), ['event /default/index.html']),
        ...same('url', p.url && p.url.replace(/^http:\/\/[^/]+/, ''), '/default/index.html?q=1&utm_source=news#top'),
        ...same('title', p.title, 'Default page'),
        ...same('screen', p.screen, '2560x1440'),
        ...same('language', p.language, 'en-US'),
        ...same('referrer', p.referrer, 'https://www.google.com/search?q=footfall'),
        ...same('tag', p.tag, 't-default'),
        ...same('hostname', p.hostname, '127.0.0.1'),
        ...same('content-type', sent[0]?.contentType, 'text/plain'),
      ];
    },
  },
  {
    name: 'dnt-on',
    description: 'data-do-not-track with navigator.doNotTrack = "1": nothing is sent',
    attrs: { 'do-not-track': 'true' },
    doNotTrack: '1',
    run: async (page) => page.evaluate(() => window.umami.track('dnt-event')),
    expect: (sent) => count(sent, 0),
  },
  {
    name: 'dnt-off',
    description: 'data-do-not-track without a DNT signal: tracked',
    attrs: { 'do-not-track': 'true' },
    doNotTrack: '0',
    run: async (page) => page.evaluate(() => window.umami.track('dnt-off-event')),
    expect: (sent) => same('sends', shape(sent), ['event /dnt-off/index.html', 'event dnt-off-event']),
  },
  {
    name: 'dnt-ignored',
    description: 'DNT is on but the site did not opt in with data-do-not-track: tracked',
    doNotTrack: '1',
    expect: (sent) => same('sends', shape(sent), ['event /dnt-ignored/index.html']),
  },
  {
    name: 'domains-mismatch',
    description: 'data-domains lists other hosts: nothing is sent',
    attrs: { domains: 'example.com,www.example.com' },
    run: async (page) => page.evaluate(() => window.umami.track('domains-event')),
    expect: (sent) => count(sent, 0),
  },
  {
    name: 'domains-match',
    description: 'data-domains includes this host (with spaces after commas): tracked',
    attrs: { domains: 'example.com, 127.0.0.1' },
    expect: (sent) => same('sends', shape(sent), ['event /domains-match/index.html']),
  },
  {
    name: 'exclude',
    description: 'data-exclude-search and data-exclude-hash strip both from the URL',
    attrs: { 'exclude-search': 'true', 'exclude-hash': 'true' },
    page: 'index.html?secret=1#frag',
    run: async (page, h) => {
      await page.evaluate(() => history.pushState({}, '', '/exclude/next.html?secret=2#f2'));
      await h.settle();
      // Only the query changes: the reported URL does not, so no new pageview.
      await page.evaluate(() => history.pushState({}, '', '/exclude/next.html?other=3'));
    },
    expect: (sent) => [
      ...same(
        'urls',
        sent.map((s) => s.payload.url.replace(/^http:\/\/[^/]+/, '')),
        ['/exclude/index.html', '/exclude/next.html'],
      ),
      ...same('referrer', sent[1]?.payload.referrer.replace(/^http:\/\/[^/]+/, ''), '/exclude/index.html'),
    ],
  },
  {
    name: 'before-send-cancel',
    description: 'data-before-send returning false cancels every send',
    attrs: { 'before-send': 'cancelAll' },
    head: `<script>window.calls = []; function cancelAll(type, payload) { calls.push(type); return false; }</script>`,
    run: async (page) => {
      await page.evaluate(() => window.umami.track('cancelled-event'));
      const calls = await page.evaluate(() => window.calls);
      if (calls.join() !== 'event,event') throw new Error(`before-send calls: ${calls}`);
    },
    expect: (sent) => count(sent, 0),
  },
  {
    name: 'before-send-rewrite',
    description: 'data-before-send rewrites url and title, and can be async',
    attrs: { 'before-send': 'rewrite' },
    head: `<script>
      async function rewrite(type, payload) {
        if (payload.name === 'drop-me') return null;
        return Object.assign({}, payload, { url: '/before-send-rewrite/rewritten', title: 'Rewritten ' + type });
      }
    </script>`,
    run: async (page) => {
      await page.evaluate(() => window.umami.track('drop-me'));
      await page.evaluate(() => window.umami.track('kept', { n: 1 }));
    },
    expect: (sent) => [
      ...same('sends', shape(sent), ['event /before-send-rewrite/rewritten', 'event kept']),
      ...same('titles', sent.map((s) => s.payload.title), ['Rewritten event', 'Rewritten event']),
    ],
  },
  {
    name: 'manual',
    description: 'data-auto-track="false": no automatic pageview or click events; every umami.track() overload',
    attrs: { 'auto-track': 'false' },
    body: `<button id="auto" data-umami-event="not-auto">not tracked</button>`,
    run: async (page, h) => {
      await page.click('#auto');
      await h.settle();
      await page.evaluate(async () => {
        const { track } = window.umami;
        await track();
        await track('manual-event');
        await track('manual-data', { plan: 'pro', seats: 3, trial: true, tags: ['a', 'b'], nested: { level: 2 } });
        await track({
          website: document.querySelector('script[data-website-id]').dataset.websiteId,
          hostname: location.hostname,
          url: '/manual/custom-object',
          title: 'Custom object',
        });
        await track((props) => Object.assign({}, props, { url: '/manual/from-function', name: 'fn-event', data: { via: 'fn' } }));
      });
    },
    expect: (sent) => [
      ...same('sends', shape(sent), [
        'event /manual/index.html',
        'event manual-event',
        'event manual-data',
        'event /manual/custom-object',
        'event fn-event',
      ]),
      ...same('object overload sends only its own keys', Object.keys(sent[3]?.payload || {}).sort(), [
        'hostname',
        'title',
        'url',
        'website',
      ]),
      // The server answered the first send with a cache token; later sends carry it back.
      ...(sent.length > 1 && sent[0].response?.cache && sent[1].cacheBody !== sent[0].response.cache
        ? [`cache token not resent: ${sent[1].cacheBody} vs ${sent[0].response.cache}`]
        : []),
      ...(sent.some((s) => s.cacheHeader) ? ['the cache token must travel in the body (no preflight)'] : []),
    ],
  },
  {
    name: 'spa',
    description: 'pushState twice, a same-URL push and replace (no duplicates), then back (popstate)',
    title: 'SPA home',
    run: async (page, h) => {
      await page.evaluate(() => {
        history.pushState({}, '', '/spa/a');
        document.title = 'SPA A';
      });
      await h.settle();
      await page.evaluate(() => {
        history.pushState({}, '', 'b'); // relative URL, resolved like the browser does
        document.title = 'SPA B';
      });
      await h.settle();
      await page.evaluate(() => history.pushState({}, '', '/spa/b'));
      await page.evaluate(() => history.replaceState({ x: 1 }, ''));
      await page.evaluate(() => history.replaceState({ x: 2 }, '', location.href));
      await h.settle();
      // The same-URL push made a history entry: the first back stays on /spa/b (no pageview).
      await page.evaluate(() => history.back());
      await h.settle();
      await page.evaluate(() => history.back());
      await h.settle();
    },
    expect: (sent) => [
      ...same('sends', shape(sent), ['event /spa/index.html', 'event /spa/a', 'event /spa/b', 'event /spa/a']),
      ...same('referrers', sent.map((s) => path(s.payload.referrer)), ['', '/spa/index.html', '/spa/a', '/spa/b']),
      ...same('titles', sent.map((s) => s.payload.title), ['SPA home', 'SPA A', 'SPA B', 'SPA B']),
    ],
  },
  {
    name: 'click',
    description: 'data-umami-event on a button (click on a child), a div and links (same tab and _blank)',
    body: `
      <button id="signup" data-umami-event="signup-button" data-umami-event-email="bob@example.com"
        data-umami-event-id="123"><span id="signup-label">Sign up</span></button>
      <div id="card" data-umami-event="card-click" data-umami-event-plan="pro">card</div>
      <button id="plain">no event</button>
      <a id="blank" href="/click/blank.html" target="_blank" data-umami-event="blank-link">new tab</a>
      <a id="link" href="/click/next.html" data-umami-event="outbound-link" data-umami-event-dest="next">next</a>`,
    run: async (page, h) => {
      await page.click('#signup-label');
      await page.click('#card');
      await page.click('#plain');
      await h.settle();
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#blank')]);
      await popup.waitForLoadState();
      await popup.close();
      await h.settle();
      await Promise.all([page.waitForURL('**/click/next.html'), page.click('#link')]);
      await page.waitForLoadState('load');
      await h.settle();
    },
    expect: (sent) => [
      ...same('sends', shape(sent), [
        'event /click/index.html',
        'event signup-button',
        'event card-click',
        'event blank-link',
        'event outbound-link',
        'event /click/next.html',
      ]),
      ...same('signup data', sent[1]?.payload.data, { email: 'bob@example.com', id: '123' }),
      ...same('card data', sent[2]?.payload.data, { plan: 'pro' }),
      ...same('link data', sent[4]?.payload.data, { dest: 'next' }),
      ...same('next page referrer', path(sent[5]?.payload.referrer), ''),
    ],
  },
  {
    name: 'identify',
    description: 'identify(data), identify(id, data), then events carry the distinct id',
    run: async (page) => {
      await page.evaluate(async () => {
        await window.umami.identify({ company: 'Acme' });
        await window.umami.identify('user-42', { name: 'Bob', age: 42, vip: true });
        await window.umami.track('after-identify', { step: 1 });
        await window.umami.identify('user-42');
      });
    },
    expect: (sent) => [
      ...same('sends', shape(sent), [
        'event /identify/index.html',
        'identify /identify/index.html',
        'identify /identify/index.html',
        'event after-identify',
        'identify /identify/index.html',
      ]),
      ...same('ids', sent.map((s) => s.payload.id), [undefined, undefined, 'user-42', 'user-42', 'user-42']),
      ...same('identify data', sent.map((s) => s.payload.data), [
        undefined,
        { company: 'Acme' },
        { name: 'Bob', age: 42, vip: true },
        { step: 1 },
        undefined,
      ]),
      ...(sent[2] && sent[2].cacheBody ? ['identify must not resend the old cache token'] : []),
    ],
  },
  {
    name: 'disabled',
    description: "localStorage 'umami.disabled' set: nothing is sent, not even manual events",
    localStorage: { 'umami.disabled': '1' },
    run: async (page) => page.evaluate(() => window.umami.track('disabled-event')),
    expect: (sent) => count(sent, 0),
  },
  {
    name: 'host-url',
    description: 'script served by the page origin, data-host-url points at Footfall',
    localScript: true,
    hostUrlAttr: true,
    expect: (sent) => same('sends', shape(sent), ['event /host-url/index.html']),
  },
  {
    name: 'performance',
    description: 'data-performance: LCP, INP, CLS, FCP, TTFB sent once as type "performance" when the page is left',
    attrs: { performance: 'true' },
    spy: true,
    body: `
      <div id="top"></div>
      <h1>Performance</h1>
      <p style="font-size:40px">A large paragraph that becomes the largest contentful paint of this page.</p>
      <button id="slow">slow</button>
      <script>
        document.getElementById('slow').addEventListener('click', () => {
          const end = performance.now() + 120;
          while (performance.now() < end) {}
        });
        setTimeout(() => { document.getElementById('top').style.height = '300px'; }, 150);
      </script>`,
    run: async (page, h) => {
      await page.waitForTimeout(400);
      await page.click('#slow');
      await page.waitForTimeout(300);
      await page.goto(page.url().replace('index.html', 'blank.html'));
      // The unload-time send is invisible to settle(); give it time to leave before the context closes.
      await page.waitForTimeout(2000);
    },
    // The performance send leaves while the page unloads; only the spy sees it.
    expect: (sent, spied) => {
      const p = spied.find((s) => s.type === 'performance')?.payload || {};
      const problems = [
        ...same('sends', shape(sent), ['event /performance/index.html']),
        ...same('spied', shape(spied), ['event /performance/index.html', 'performance /performance/index.html']),
      ];
      for (const k of ['lcp', 'inp', 'fcp', 'ttfb']) {
        if (!(typeof p[k] === 'number' && p[k] >= 0)) problems.push(`${k} missing: ${JSON.stringify(p)}`);
      }
      if (!(p.inp >= 100)) problems.push(`inp should cover the 120 ms handler: ${p.inp}`);
      if (!(p.cls > 0)) problems.push(`cls should be > 0: ${p.cls}`);
      return problems;
    },
  },
];
