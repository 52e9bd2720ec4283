package io.footfall.tinytrail.report;

/** One page of a paginated report: {@code page} from 1, {@code perPage} rows. */
public record Paging(int page, int perPage) {
    public static final int DEFAULT_PER_PAGE = 50;
    public static final int MAX_PER_PAGE = 500;

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
