// Share links: the slug the settings page generates and the public URL it shows.

const ABC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** n random letters and digits (URL-safe, like the server's own slugs). */
export function randomSlug(n = 16, rnd: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  return Array.from(rnd(new Uint8Array(n)), (b) => ABC[b % ABC.length]).join('');
}

/** The page a visitor opens: <origin><BASE_PATH>/share/<slug>. */
export function shareUrl(origin: string, base: string, slug: string) {
  return `${origin}${base.replace(/\/$/, '')}/share/${encodeURIComponent(slug)}`;
}
