package io.footfall.collect.ua;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small bounded LRU map, safe for many (virtual) threads: keys are spread over stripes,
 * each an access-ordered LinkedHashMap behind its own monitor, so threads rarely contend and
 * no stripe outgrows its share of the capacity. The loader runs outside any lock; two threads
 * missing the same key at once may both load it (harmless: values are equal).
 */
final class LruCache<K, V> {

    private final Stripe<K, V>[] stripes;
    private final int mask;

    @SuppressWarnings("unchecked")
    LruCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        int n = Integer.highestOneBit(Math.max(1, Math.min(16, capacity / 64)));
        stripes = new Stripe[n];
        int per = Math.max(1, capacity / n);
        for (int i = 0; i < n; i++) stripes[i] = new Stripe<>(per);
        mask = n - 1;
    }

    V get(K key, Function<? super K, ? extends V> loader) {
        Stripe<K, V> stripe = stripes[spread(key.hashCode()) & mask];
        V v;
        synchronized (stripe) {
            v = stripe.get(key);
        }
        if (v != null) return v;
        v = loader.apply(key);
        synchronized (stripe) {
            V raced = stripe.putIfAbsent(key, v);
            return raced != null ? raced : v;
        }
    }

    int size() {
        int total = 0;
        for (Stripe<K, V> s : stripes) {
            synchronized (s) {
                total += s.size();
            }
        }
        return total;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private static final class Stripe<K, V> extends LinkedHashMap<K, V> {
        private final int max;

        Stripe(int max) {
            super(Math.min(max, 1024), 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > max;
        }
    }
}
