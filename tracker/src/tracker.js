/*
 * Footfall tracker: an Umami-compatible script.js.
 *
 * Embedded as <script defer src=".../script.js" data-website-id="...">. It posts
 * {type, payload} to `${data-host-url || directory of the script}/api/send`, the
 * same contract as Umami's tracker, so a site switches by changing only the
 * script's host. Built with esbuild (build.mjs) into dist/script.js; every byte
 * counts against a 2000-byte gzip budget, so the code prefers short shared
 * helpers over cleverness, and leaves identifier shortening to the minifier.
 */
((window) => {
  const { location, document, history, navigator, localStorage } = window;
  const script = document.currentScript;
  if (!script) return;

  const attr = (name) => script.getAttribute('data-' + name);
  const isTrue = (name) => attr(name) === 'true';

  const website = attr('website-id');
  const beforeSend = attr('before-send');
  const tag = attr('tag') || undefined;
  const autoTrack = attr('auto-track') !== 'false';
  const respectDnt = isTrue('do-not-track');
  const excludeSearch = isTrue('exclude-search');
  const excludeHash = isTrue('exclude-hash');
  const domains = attr('domains');
  const credentials = attr('fetch-credentials') || 'omit';
  // Like Umami, the collect host defaults to the directory the script was loaded
  // from, so a proxy serving it under /stats/script.js also proxies /stats/api/send.
  const host = attr('host-url') || script.src.split('/').slice(0, -1).join('/');
  // The server replaces this literal with COLLECT_API_ENDPOINT when one is configured.
  const endpoint = host.replace(/\/$/, '') + '/api/send';
  const screen = `${window.screen.width}x${window.screen.height}`;
  // Lets the page's title settle after a client-side navigation, and bounds how
  // long a tracked link waits for its event before navigating.
  const delay = 300;

  /** The page URL as reported: absolute, without search/hash when excluded. */
  const normalize = (raw) => {
    if (!raw) return raw;
    const url = new URL(raw, location.href);
    if (excludeSearch) url.search = '';
    if (excludeHash) url.hash = '';
    return url.href;
  };

  let currentUrl = normalize(location.href);
  // A referrer from our own origin is an internal navigation, not a source.
  let currentRef = normalize(document.referrer.startsWith(location.origin) ? '' : document.referrer);
  let cache;
  let identity;
  let serverDisabled = false;

  // Object.assign instead of object spread: es2017 output would inline a spread helper.
  const payload = (extra) =>
    Object.assign(
      {
        website,
        hostname: location.hostname,
        screen,
        language: navigator.language,
        title: document.title,
        url: currentUrl,
        referrer: currentRef,
        tag,
        id: identity,
      },
      extra,
    );

  const disabled = () => {
    let dnt = window.doNotTrack || navigator.doNotTrack || navigator.msDoNotTrack;
    let stored;
    try {
      stored = localStorage.getItem('umami.disabled');
    } catch (e) {
      // Storage access throws in some private modes and sandboxed frames.
    }
    return (
      serverDisabled ||
      !website ||
      stored ||
      (domains && !domains.split(',').some((d) => d.trim() === location.hostname)) ||
      (respectDnt && (dnt == 1 || dnt === 'yes'))
    );
  };

  /** Sends one hit; resolves when the server answered or the send was dropped. */
  const send = async (body, type = 'event') => {
    if (disabled()) return;
    const hook = window[beforeSend];
    if (typeof hook === 'function') body = await hook(type, body);
    if (!body) return;
    try {
      // The cache token rides in the body, not in x-umami-cache: a custom header forces a CORS
      // preflight, which keepalive sends (page unload) cannot make.
      const res = await fetch(endpoint, {
        method: 'POST',
        body: JSON.stringify({ type, payload: body, cache: cache || undefined }),
        headers: { 'Content-Type': 'text/plain' },
        credentials,
        keepalive: true,
      });
      const data = await res.json();
      if (data) {
        serverDisabled = !!data.disabled;
        cache = data.cache;
      }
    } catch (e) {
      // Analytics must never break the page.
    }
  };

  const track = (name, data) =>
    send(
      typeof name === 'string'
        ? payload({ name, data })
        : typeof name === 'function'
          ? name(payload())
          : name && typeof name === 'object'
            ? Object.assign({}, name)
            : payload(),
    );

  const identify = (id, data) => {
    if (typeof id === 'string') identity = id;
    // A new identity means a new session on the server, so the old token is stale.
    cache = '';
    return send(payload({ data: typeof id === 'object' ? id : data }), 'identify');
  };

  /** Records a client-side navigation to `url` unless the reported URL did not change. */
  const navigate = (url) => {
    url = normalize(url);
    const referrer = currentUrl;
    if (url === referrer) return;
    currentRef = referrer;
    currentUrl = url;
    // URL and referrer are fixed now; only the title is read when the timer fires.
    setTimeout(() => send(payload({ url, referrer })), delay);
  };

  const hookHistory = (method) => {
    const original = history[method];
    history[method] = function (state, title, url) {
      const result = original.apply(this, arguments);
      if (url) navigate(url);
      return result;
    };
  };

  const onClick = (e) => {
    const el = e.target.closest && e.target.closest('[data-umami-event]');
    if (!el) return;
    const data = {};
    for (const name of el.getAttributeNames()) {
      const m = name.match(/^data-umami-event-(.+)/);
      if (m) data[m[1]] = el.getAttribute(name);
    }
    const sent = track(el.getAttribute('data-umami-event'), data);
    const { href, target } = el;
    // Hold a same-tab link until the event is sent (or briefly, if the server is
    // slow); leave new tabs, modified clicks, downloads and router-handled links alone.
    // Listening in the bubble phase is what lets us see a router's preventDefault().
    if (
      el.tagName === 'A' &&
      href &&
      !el.hasAttribute('download') &&
      !e.defaultPrevented &&
      !e.ctrlKey &&
      !e.shiftKey &&
      !e.metaKey &&
      !e.altKey &&
      !e.button &&
      (!target || target === '_self' || target === '_top')
    ) {
      e.preventDefault();
      Promise.race([sent, new Promise((r) => setTimeout(r, delay))]).then(() => {
        (target === '_top' ? window.top : window).location.href = href;
      });
    }
  };

  /*
   * Web vitals, sent once per page load when the page is hidden. Values are
   * milliseconds except CLS (unitless). CLS uses session windows (gaps < 1 s,
   * windows ≤ 5 s, largest window wins) and INP the slowest interaction, which
   * approximates the 98th percentile for the few interactions a page usually has.
   */
  const observePerformance = () => {
    const vitals = {};
    let windowValue = 0;
    let windowStart = 0;
    let windowLast = 0;
    const observe = (type, fn, opts) => {
      try {
        new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe(
          Object.assign({ type, buffered: true }, opts),
        );
      } catch (e) {
        // Entry type not supported by this browser.
      }
    };
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) vitals.ttfb = Math.round(nav.responseStart);
    observe('paint', (e) => {
      if (e.name === 'first-contentful-paint') vitals.fcp = Math.round(e.startTime);
    });
    observe('largest-contentful-paint', (e) => {
      vitals.lcp = Math.round(e.startTime);
    });
    // Where layout shifts are observable, none happening is a real CLS of 0.
    if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) vitals.cls = 0;
    observe('layout-shift', (e) => {
      if (e.hadRecentInput) return;
      const t = e.startTime;
      if (t - windowLast < 1000 && t - windowStart < 5000) {
        windowValue += e.value;
      } else {
        windowValue = e.value;
        windowStart = t;
      }
      windowLast = t;
      vitals.cls = Math.max(vitals.cls, +windowValue.toFixed(4));
    });
    observe(
      'event',
      (e) => {
        if (e.interactionId) vitals.inp = Math.max(vitals.inp || 0, Math.round(e.duration));
      },
      { durationThreshold: 16 },
    );
    let sent = false;
    // pagehide can come before the visibility change; either means the page is going away.
    const flush = (e) => {
      if (sent || (e.type !== 'pagehide' && document.visibilityState !== 'hidden')) return;
      sent = true;
      send(payload(vitals), 'performance');
    };
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', flush);
  };

  if (!window.umami) window.umami = { track, identify };

  if (autoTrack && !disabled()) {
    let started = false;
    const start = () => {
      if (started || document.readyState !== 'complete') return;
      started = true;
      track();
      hookHistory('pushState');
      hookHistory('replaceState');
      window.addEventListener('popstate', () => navigate(location.href));
      document.addEventListener('click', onClick);
    };
    start();
    document.addEventListener('readystatechange', start);
  }
  if (isTrue('performance') && window.PerformanceObserver) observePerformance();
})(window);
