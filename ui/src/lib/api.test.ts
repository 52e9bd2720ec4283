import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, getToken, setToken, setUnauthorizedHandler, TOKEN_KEY } from './api';

// A Map-backed localStorage and a document with no <base>: api() runs outside a browser here.
const store = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
});
vi.stubGlobal('document', { querySelector: () => null });

/** A server answering 401 once `release` is called, so the test can change the stored token meanwhile. */
function pending401() {
  let release = () => {};
  const answered = new Promise<void>((r) => (release = r));
  vi.stubGlobal('fetch', async () => {
    await answered;
    return new Response('{"error":{"message":"Unauthorized"}}', { status: 401 });
  });
  return () => release();
}

describe('a 401 logs out', () => {
  afterEach(() => store.clear());

  it('forgets the token it was sent with', async () => {
    setToken('old');
    const calls: boolean[] = [];
    setUnauthorizedHandler((had) => calls.push(had));
    const release = pending401();
    const call = api('/me');
    release();
    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(getToken()).toBeNull();
    expect(calls).toEqual([true]);
  });

  it('keeps a newer token stored while the request was in flight', async () => {
    setToken('old');
    const calls: boolean[] = [];
    setUnauthorizedHandler((had) => calls.push(had));
    const release = pending401();
    const call = api('/me');
    store.set(TOKEN_KEY, 'new'); // a new login meanwhile
    release();
    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(getToken()).toBe('new');
    expect(calls).toEqual([]);
  });
});
