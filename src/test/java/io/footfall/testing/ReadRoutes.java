package io.footfall.testing;

import java.util.List;

/** The 20 read routes that take the shared query parameters (range, filters), with what each requires besides. */
public final class ReadRoutes {
    private ReadRoutes() {
    }

    /** Paths with query strings for a website (and a session id where the route has one); append {@code &...}. */
    public static List<String> all(String websiteId, String sessionId) {
        String w = "/api/websites/" + websiteId;
        String r = "?startAt=0&endAt=4102444800000";
        return List.of(
                w + "/stats" + r,
                w + "/pageviews" + r + "&unit=day",
                w + "/metrics" + r + "&type=path",
                w + "/metrics/expanded" + r + "&type=path",
                w + "/events" + r,
                w + "/events/series" + r + "&timezone=UTC",
                w + "/events/stats" + r,
                w + "/active?x=1",
                "/api/realtime/" + websiteId + "?x=1",
                w + "/sessions" + r,
                w + "/sessions/stats" + r,
                w + "/sessions/weekly" + r + "&timezone=UTC",
                w + "/sessions/" + sessionId + "/activity" + r,
                w + "/session-data/properties" + r,
                w + "/session-data/values" + r + "&propertyName=plan",
                w + "/event-data/events" + r,
                w + "/event-data/fields" + r,
                w + "/event-data/properties" + r,
                w + "/event-data/values" + r + "&event=signup&propertyName=plan",
                w + "/event-data/stats" + r);
    }
}
