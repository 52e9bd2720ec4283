import { describe, expect, it } from 'vitest';
import { pixelSnippet, suggestSlug, trackingUrl, validSlug, validTarget } from './tracked';

describe('tracked links and pixels', () => {
  it('builds /q/ and /p/ URLs under BASE_PATH', () => {
    expect(trackingUrl('link', 'https://stats.example', '', 'spring-sale')).toBe('https://stats.example/q/spring-sale');
    expect(trackingUrl('pixel', 'https://stats.example', '/analytics/', 'nl~1')).toBe('https://stats.example/analytics/p/nl~1');
  });
  it('accepts the slugs the server accepts and nothing else', () => {
    expect(validSlug('a.b_c~d-9')).toBe(true);
    expect(validSlug('')).toBe(false);
    expect(validSlug('has space')).toBe(false);
    expect(validSlug('a/b')).toBe(false);
    expect(validSlug('x'.repeat(100))).toBe(true);
    expect(validSlug('x'.repeat(101))).toBe(false);
  });
  it('suggests 8-character slugs that pass the rule', () => {
    const s = suggestSlug();
    expect(s).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(validSlug(s)).toBe(true);
    expect(suggestSlug((a) => a.fill(1))).toBe('bbbbbbbb');
  });
  it('only lets links point at web addresses', () => {
    expect(validTarget('https://example.com/a?b=c')).toBe(true);
    expect(validTarget('HTTP://example.com')).toBe(true);
    expect(validTarget('javascript:alert(1)')).toBe(false);
    expect(validTarget('example.com')).toBe(false);
  });
  it('embeds a pixel as a hidden 1x1 image', () => {
    expect(pixelSnippet('https://s.example/p/x')).toBe('<img src="https://s.example/p/x" width="1" height="1" alt="" style="display:none">');
  });
});
