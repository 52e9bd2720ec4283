package io.footfall.store.meta;

import java.util.List;

/** One page of a list, in Umami's `{data, count, page, pageSize}` shape. */
public record PageOf<T>(List<T> data, long count, int page, int pageSize) {
}
