// Tracked links and pixels: the public URL each one hands out and the slugs the forms suggest.
import { randomSlug } from './share';

export type TrackedKind = 'link' | 'pixel';

/** The server's rule for slugs (they sit in a URL path): letters, digits and . _ ~ -, at most 100. */
export const SLUG_PATTERN = '[A-Za-z0-9._~\\-]{1,100}';
const SLUG_RE = new RegExp(`^${SLUG_PATTERN}$`);

export function validSlug(s: string): boolean {
  return SLUG_RE.test(s);
}

/** A fresh slug for a new link or pixel: 8 letters and digits, short enough to type. */
export function suggestSlug(rnd?: (a: Uint8Array) => Uint8Array): string {
  return randomSlug(8, rnd);
}

/** What a visitor opens (/q/<slug>) or a page embeds (/p/<slug>): <origin><BASE_PATH>/q|p/<slug>. */
export function trackingUrl(kind: TrackedKind, origin: string, base: string, slug: string): string {
  return `${origin}${base.replace(/\/$/, '')}/${kind === 'link' ? 'q' : 'p'}/${encodeURIComponent(slug)}`;
}

/** The HTML a newsletter or page embeds to count opens with a pixel. */
export function pixelSnippet(url: string): string {
  return `<img src="${url}" width="1" height="1" alt="" style="display:none">`;
}

/** Links redirect visitors: only web addresses, as the server insists. */
export function validTarget(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url.trim());
}
