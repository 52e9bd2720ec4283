package io.footfall.http.tinytrail;

import io.footfall.auth.ApiKeyRateLimiter;
import io.footfall.config.TinyTrailSettings;
import io.footfall.http.Handler;
import io.footfall.http.Router;
import io.footfall.manage.ApiKeyService;
import io.footfall.manage.UserService;
import io.footfall.tinytrail.TinyTrailDirectory;
import io.helidon.http.Method;

import java.time.Clock;

/**
 * The TinyTrail API ({@code /api/v1}) in one table of contents. Every route answers in TinyTrail's envelope,
 * unknown {@code /api/v1} paths included.
 */
public final class TinyTrailRoutes {
    /** Declares routes whose every outcome goes through {@link Envelope#wrap}. */
    static final class Registrar {
        private final Router router;

        Registrar(Router router) {
            this.router = router;
        }

        void get(String path, Handler h) {
            router.route(Method.GET, path, Envelope.wrap(router.readOnly(h)));
        }

        void post(String path, Handler h) {
            router.route(Method.POST, path, Envelope.wrap(h));
        }

        void patch(String path, Handler h) {
            router.route(Method.PATCH, path, Envelope.wrap(h));
        }

        void delete(String path, Handler h) {
            router.route(Method.DELETE, path, Envelope.wrap(h));
        }
    }

    private final KeyAuth auth;
    private final TinyTrailDirectory directory;
    private final io.footfall.tinytrail.TinyTrailWebsites websites;
    private final Clock clock;

    public TinyTrailRoutes(TinyTrailSettings settings, ApiKeyService keys, UserService users,
                           TinyTrailDirectory directory, io.footfall.tinytrail.TinyTrailWebsites websites, Clock clock) {
        this.directory = directory;
        this.websites = websites;
        this.clock = clock;
        this.auth = new KeyAuth(keys, users, directory,
                new ApiKeyRateLimiter(settings.apiLimit(), settings.apiWindow(), clock));
    }

    /** {@code POST /api/v1/collect}, through the Umami collect pipeline and ingest queue, limited per client IP. */
    public void registerCollect(Router router, io.footfall.collect.Collector collector, io.footfall.collect.IngestQueue queue,
                                io.footfall.collect.ClientIpResolver clientIp, TinyTrailSettings settings, Clock clock) {
        new CollectRoute(collector, queue, websites, clientIp,
                new ApiKeyRateLimiter(settings.collectLimit(), settings.collectWindow(), clock)).register(new Registrar(router));
    }

    /** {@code POST /api/v1/admin/aggregate}: folds what the store still holds pending (see {@link AggregateRoute}). */
    public void registerAdmin(Router router, io.footfall.store.EventStore events, Clock clock) {
        new AggregateRoute(auth, events, clock).register(new Registrar(router));
    }

    /** Every protected route; reports read {@code events}. */
    public void register(Router router, io.footfall.store.EventStore events) {
        Registrar r = new Registrar(router);
        new AccountRoutes(auth, directory).register(r);
        new UserRoutes(auth, directory).register(r);
        new WebsiteRoutes(auth, websites, directory).register(r);
        new ReportRoutes(new ReportRequests(auth, websites, events, clock)).register(r);
        Handler unknown = req -> {
            throw TinyTrailException.notFound("Route " + req.method() + " " + req.path());
        };
        for (Method m : new Method[]{Method.GET, Method.POST, Method.PATCH, Method.PUT, Method.DELETE}) {
            router.route(m, "/api/v1/{+rest}", Envelope.wrap(unknown));
        }
    }
}
