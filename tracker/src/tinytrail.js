/*
 * Footfall's TinyTrail tracker, served at /js/tracker.js.
 *
 * Embedded as <script defer data-id="WEBSITE_UUID" src="https://host/js/tracker.js">. Each event is
 * one POST of the /api/v1/collect body ({website_id, event_type, url, path, referrer, screen_width,
 * screen_height, properties}) to the collect endpoint next to the script (../api/v1/collect from
 * /js/tracker.js, so a BASE_PATH or proxy prefix carries over), or to data-api when given.
 * Sent with navigator.sendBeacon: it outlives the page (close_tab, outbound links) and, as a
 * text/plain body, needs no CORS preflight; fetch(keepalive) when a beacon is refused.
 * Built by build.mjs into tracker.js under a 1500-byte gzip budget.
 */
((window) => {
  const { location, document, history, navigator } = window;
  const script = document.currentScript;
  const website = script && script.getAttribute('data-id');
  if (!website) return;
  const endpoint = script.getAttribute('data-api') || new URL('../api/v1/collect', script.src).href;

  // The page being reported (without its #hash: it is the same page), and where its visitor came
  // from: the document's referrer first, the previous page after a client-side navigation.
  const here = () => location.href.split('#')[0];
  let page = here();
  let referrer = document.referrer;
  // Scroll depths already sent for this page.
  let reached = {};

  const send = (type, properties) => {
    const body = JSON.stringify({
      website_id: website,
      event_type: type,
      url: page,
      path: new URL(page).pathname,
      referrer: referrer || undefined,
      screen_width: window.innerWidth,
      screen_height: window.innerHeight,
      properties,
    });
    try {
      if (!navigator.sendBeacon(endpoint, body)) throw 0;
    } catch (e) {
      fetch(endpoint, { method: 'POST', body, keepalive: true }).catch(() => {});
    }
  };

  const pageView = () => {
    reached = {};
    send('page_view');
  };

  /** A client-side navigation is a new page when its path or query changed (not its hash alone). */
  const navigated = () => {
    const next = here();
    if (next === page) return;
    referrer = page;
    page = next;
    pageView();
  };

  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    history[method] = function () {
      const result = original.apply(this, arguments);
      navigated();
      return result;
    };
  }
  window.addEventListener('popstate', navigated);

  // Depth = share of the page's height seen so far (top of the page to the bottom of the viewport).
  window.addEventListener(
    'scroll',
    () => {
      const seen = ((window.scrollY + window.innerHeight) * 100) / document.documentElement.scrollHeight;
      for (const depth of [25, 50, 75]) {
        if (seen >= depth && !reached[depth]) {
          reached[depth] = 1;
          send('scroll_' + depth);
        }
      }
    },
    { passive: true },
  );

  document.addEventListener(
    'click',
    (e) => {
      const link = e.target.closest && e.target.closest('a[href]');
      if (link && /^https?:$/.test(link.protocol) && link.host !== location.host) {
        send('outbound_link', { url: link.href });
      }
    },
    true,
  );

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') send('close_tab');
  });

  window.analytics = {
    track: (name, properties) => send('custom', Object.assign({}, properties, { name })),
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', pageView);
  else pageView();
})(window);
