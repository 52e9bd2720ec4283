package io.footfall.event;

/** Umami's event_type codes, stored as-is so the numbers mean the same thing to every client. */
public final class EventType {
    public static final int PAGEVIEW = 1;
    public static final int CUSTOM_EVENT = 2;
    public static final int LINK = 3;
    public static final int PIXEL = 4;
    /** Web-vitals reports (Umami 3.1 `performance` type); never counted as pageviews. */
    public static final int PERFORMANCE = 5;

    private EventType() {
    }
}
