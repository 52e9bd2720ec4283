import { describe, expect, it } from 'vitest';
import { randomSlug, shareUrl } from './share';
import { authHeaders } from './api';

describe('share links', () => {
  it('makes 16 URL-safe letters and digits', () => {
    const s = randomSlug();
    expect(s).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(randomSlug(4, (a) => a.fill(0))).toBe('aaaa');
    expect(randomSlug(3, (a) => (a.set([61, 62, 255]), a))).toBe('9a' + 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[255 % 62]);
  });
  it('builds the public URL under BASE_PATH', () => {
    expect(shareUrl('https://stats.example', '', 'AbC123')).toBe('https://stats.example/share/AbC123');
    expect(shareUrl('https://stats.example', '/analytics/', 'x y')).toBe('https://stats.example/analytics/share/x%20y');
  });
  it('sends the share token instead of the login in share mode', () => {
    expect(authHeaders({ token: 'tok', websiteId: 'w' }, 'login')).toEqual({ 'x-umami-share-token': 'tok', 'x-umami-share-context': '1' });
    expect(authHeaders(null, 'login')).toEqual({ Authorization: 'Bearer login' });
    expect(authHeaders(null, null)).toEqual({});
  });
});
