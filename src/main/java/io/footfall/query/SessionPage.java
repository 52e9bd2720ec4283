package io.footfall.query;

import java.util.List;
import java.util.Map;

/** One page of the sessions list and the number of all its rows. */
public record SessionPage(List<Map<String, Object>> data, long count, int page, int pageSize) {
}
