package io.footfall;

import io.footfall.auth.AppSecret;
import io.footfall.auth.AuthTokens;
import io.footfall.auth.LoginLimiter;
import io.footfall.collect.CacheToken;
import io.footfall.collect.ClientIpResolver;
import io.footfall.collect.Collector;
import io.footfall.collect.IngestQueue;
import io.footfall.collect.IpFilter;
import io.footfall.collect.SaltRotation;
import io.footfall.collect.SessionTracker;
import io.footfall.collect.geo.DbIpGeoLocator;
import io.footfall.collect.geo.GeoLocator;
import io.footfall.collect.ua.UserAgentParser;
import io.footfall.config.SettingsException;
import io.footfall.config.Settings;
import io.footfall.http.Authenticator;
import io.footfall.http.DashboardRoutes;
import io.footfall.http.Router;
import io.footfall.http.TrackerScriptRoutes;
import io.footfall.http.server.Http1Front;
import io.footfall.http.server.ReadTimeouts;
import io.footfall.http.umami.AdminRoutes;
import io.footfall.http.umami.AuthRoutes;
import io.footfall.http.umami.LinkRoutes;
import io.footfall.http.umami.PixelRoutes;
import io.footfall.http.umami.ShareRoutes;
import io.footfall.http.umami.TeamRoutes;
import io.footfall.http.umami.HeartbeatRoutes;
import io.footfall.http.umami.LinkPixelRoutes;
import io.footfall.http.umami.SendRoutes;
import io.footfall.http.umami.MeRoutes;
import io.footfall.http.umami.UserRoutes;
import io.footfall.http.umami.WebsiteRoutes;
import io.footfall.auth.Permissions;
import io.footfall.auth.ShareTokens;
import io.footfall.manage.LinkPixelService;
import io.footfall.manage.ShareService;
import io.footfall.store.meta.TeamMember;
import io.footfall.manage.TeamService;
import io.footfall.manage.UserService;
import io.footfall.manage.WebsiteCache;
import io.footfall.manage.WebsiteService;
import io.footfall.store.Stores;
import io.helidon.webserver.WebServer;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * A running Footfall: stores opened and migrated, components wired, HTTP listening.
 * {@link #close()} stops accepting requests, lets in-flight ones finish, then closes the store.
 */
public final class FootfallServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FootfallServer.class.getName());

    private final Settings settings;
    private final Stores stores;
    private final WebServer web;
    private final IngestQueue ingest;
    private final GeoLocator geo;
    private final ReadTimeouts readTimeouts;
    private final boolean createdAdmin;
    private volatile boolean closed;

    private FootfallServer(Settings settings, Stores stores, WebServer web, IngestQueue ingest, GeoLocator geo,
                           ReadTimeouts readTimeouts, boolean createdAdmin) {
        this.readTimeouts = readTimeouts;
        this.settings = settings;
        this.stores = stores;
        this.web = web;
        this.ingest = ingest;
        this.geo = geo;
        this.createdAdmin = createdAdmin;
    }

    public static FootfallServer start(Settings settings) throws Exception {
        java.nio.file.Files.createDirectories(settings.dataDir());
        String secret = AppSecret.resolve(settings.appSecret(), settings.dataDir());
        IpFilter ignoredIps;
        try {
            ignoredIps = new IpFilter(settings.ignoreIps());
        } catch (IllegalArgumentException e) {
            throw new SettingsException("IGNORE_IP: " + e.getMessage());
        }
        ClientIpResolver clientIp;
        try {
            clientIp = new ClientIpResolver(settings.clientIpHeader(), settings.trustedProxies());
        } catch (IllegalArgumentException e) {
            throw new SettingsException("TRUSTED_PROXIES: " + e.getMessage());
        }
        Stores stores = StoreChoice.open(settings);
        IngestQueue ingest = null;
        ReadTimeouts readTimeouts = null;
        GeoLocator geo = GeoLocator.NONE;
        try {
            WebsiteCache websiteCache = new WebsiteCache(stores.meta());
            WebsiteService websites = new WebsiteService(stores.meta(), stores.events(), websiteCache,
                    new io.footfall.store.jdbc.JdbcWebsiteSettingStore(stores.connections()));
            UserService users = new UserService(stores.meta(), websites);
            boolean createdAdmin = users.ensureDefaultAdmin();
            AuthTokens tokens = new AuthTokens(secret);
            TeamService teams = new TeamService(stores.meta(), websites);
            ShareService shares = new ShareService(stores.meta());
            ShareTokens shareTokens = new ShareTokens(secret);
            Permissions permissions = new Permissions((teamId, userId) ->
                    stores.meta().findTeamMember(teamId, userId).map(TeamMember::role));
            // API keys, boards and two-factor login keep their SQL in stores of their own.
            io.footfall.auth.SecretBox secretBox = new io.footfall.auth.SecretBox(secret);
            io.footfall.manage.ApiKeyService apiKeys = new io.footfall.manage.ApiKeyService(
                    new io.footfall.store.jdbc.JdbcApiKeyStore(stores.connections()), secretBox, Clock.systemUTC());
            io.footfall.http.ApiKeyAccess apiKeyAccess = new io.footfall.http.ApiKeyAccess(apiKeys,
                    new io.footfall.auth.ApiKeyRateLimiter(settings.apiKeyRateLimit().requests(),
                            settings.apiKeyRateLimit().window(), Clock.systemUTC()), settings.basePath());
            // TinyTrail (/api/v1): accounts and users are teams and users; its admin key is made on first start.
            io.footfall.tinytrail.TinyTrailDirectory tinyTrail = new io.footfall.tinytrail.TinyTrailDirectory(users, teams, apiKeys);
            io.footfall.tinytrail.AdminApiKeyBootstrap.ensure(settings.tinyTrail().adminApiKey(), settings.dataDir(),
                    stores.meta(), apiKeys, tinyTrail);
            io.footfall.manage.BoardService boards = new io.footfall.manage.BoardService(
                    new io.footfall.store.jdbc.JdbcBoardStore(stores.connections()), Clock.systemUTC());
            Authenticator auth = new Authenticator(tokens, users, permissions, shareTokens, shares, apiKeyAccess,
                    boardId -> boards.find(boardId).map(io.footfall.manage.BoardEntities::of).orElse(java.util.Set.of()));
            // The query seam: DuckDB's accelerator, or the raw-events reference (QUERY_PATH=reference, other backends).
            io.footfall.query.Analytics analytics = AnalyticsChoice.of(settings.queryPath(), settings.queryOptions(), stores.events());
            io.footfall.report.ReportAccelerator reportRollups = AnalyticsChoice.reports(stores.events());
            WebsiteRoutes websiteRoutes = new WebsiteRoutes(auth, websites, users, teams, shares);
            TeamRoutes teamRoutes = new TeamRoutes(auth, teams, users, websiteRoutes);
            geo = DbIpGeoLocator.open(settings.geoDatabasePath() != null ? settings.geoDatabasePath()
                    : settings.dataDir().resolve("geo"));
            Collector collector = new Collector(
                    new Collector.Options(settings.disableBotCheck(), settings.removeTrailingSlash()),
                    websiteCache, stores.meta(), clientIp, ignoredIps, () -> SharedParsers.userAgents(settings.memory().userAgentCacheEntries()), geo,
                    new SaltRotation(settings.saltRotation(), secret, stores.meta()),
                    new SessionTracker(settings.memory().maxTrackedSessions()), new CacheToken(secret));
            ingest = new IngestQueue(stores.events(), settings.ingestQueueCapacity(), 10_000);
            IngestQueue queue = ingest;

            io.footfall.http.tinytrail.TinyTrailRoutes tinyTrailRoutes = new io.footfall.http.tinytrail.TinyTrailRoutes(
                    settings.tinyTrail(), apiKeys, users, tinyTrail, new io.footfall.tinytrail.TinyTrailWebsites(websites,
                    websites.settings()), Clock.systemUTC());
            readTimeouts = new ReadTimeouts(Duration.ofSeconds(settings.readTimeoutSeconds()));
            WebServer web = WebServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    .shutdownHook(false)
                    // The only selector (Helidon's own HTTP/1 one is not discovered): bounded reads, HTTP/1.0
                    // served. Helidon reads a connection's first bytes itself, unbounded, to choose between
                    // selectors; with one selector it hands the connection over unread, so that read is bounded too.
                    .protocolsDiscoverServices(false)
                    .addConnectionSelector(new Http1Front(readTimeouts))
                    // Without TCP_NODELAY a response written in two segments waits for the client's delayed
                    // ACK (~40 ms on Linux): the Java HttpClient measured 75 ms for an 8 KB sessions page
                    // that takes 30 ms to compute.
                    .connectionOptions(o -> o.tcpNoDelay(true))
                    // Admission: beyond MAX_CONCURRENT_REQUESTS (sized from MEMORY_LIMIT) Helidon answers 503 and
                    // closes the connection before any handler runs, so nothing is stored for it, rather than holding
                    // one more connection's buffers and thread in a heap that is already full.
                    .maxConcurrentRequests(settings.maxConcurrentRequests())
                    // Hard cap only: the configured limit is enforced while reading (ApiRequest.body), so the
                    // client has finished sending and reliably receives the JSON 413 instead of a reset.
                    .maxPayloadSize(Math.max(16L * settings.maxBodyBytes(), 16L * 1024 * 1024))
                    .shutdownGracePeriod(Duration.ofSeconds(10))
                    .routing(routing -> {
                        routing.addFilter(new io.footfall.http.tinytrail.CollectPreflight(settings.basePath()));
                        // Reads get their own, smaller limit inside MAX_CONCURRENT_REQUESTS, so slow reads cannot refuse collect.
                        Router r = new Router(routing, settings.basePath(), settings.maxBodyBytes(), settings.corsMaxAge(),
                                new io.footfall.http.ReadLimit(settings.maxConcurrentReads()));
                        // Collect first: Helidon tries routes in order, and this one takes nearly all traffic.
                        new SendRoutes(collector, queue, settings.collectApiEndpoint()).register(r);
                        tinyTrailRoutes.registerCollect(r, collector, queue, clientIp, settings.tinyTrail(), Clock.systemUTC());
                        tinyTrailRoutes.registerAdmin(r, stores.events(), Clock.systemUTC());
                        new HeartbeatRoutes().register(r);
                        DashboardRoutes dashboard = new DashboardRoutes(settings.basePath());
                        dashboard.register(r);
                        new TrackerScriptRoutes(settings.trackerScriptName(), settings.collectApiEndpoint()).register(r);
                        new io.footfall.http.TinyTrailTrackerRoutes().register(r);
                        LoginLimiter loginLimiter = new LoginLimiter(settings.loginMaxFailures(), Clock.systemUTC());
                        io.footfall.auth.PartialLoginTokens partialTokens = new io.footfall.auth.PartialLoginTokens(secret);
                        io.footfall.auth.TwoFactorService twoFactor = new io.footfall.auth.TwoFactorService(
                                new io.footfall.store.jdbc.JdbcTwoFactorStore(stores.connections()), secretBox,
                                new io.footfall.auth.TwoFactorAttempts(Clock.systemUTC()), Clock.systemUTC());
                        new AuthRoutes(users, teams, tokens, auth, loginLimiter, clientIp, settings.disableLogin(),
                                twoFactor, partialTokens).register(r);
                        new io.footfall.http.umami.TwoFactorRoutes(auth, twoFactor, partialTokens, users, tokens, teams,
                                loginLimiter, clientIp).register(r);
                        new MeRoutes(auth, users, websiteRoutes, teamRoutes, loginLimiter, clientIp).register(r);
                        new io.footfall.http.umami.PreferenceRoutes(auth, new io.footfall.store.jdbc.JdbcPreferenceStore(stores.connections())).register(r);
                        new UserRoutes(auth, users, websiteRoutes, teamRoutes).register(r);
                        // Before the routes with an id where "charts" stands (/api/websites/{websiteId}).
                        new io.footfall.http.umami.ChartRoutes(auth, websites, analytics, Clock.systemUTC()).register(r);
                        websiteRoutes.register(r);
                        teamRoutes.register(r);
                        LinkPixelService linksAndPixels = new LinkPixelService(stores.meta());
                        new ShareRoutes(auth, shares, websites, shareTokens, linksAndPixels, boards).register(r);
                        new io.footfall.http.umami.EntityShareRoutes(auth, shares, websites, linksAndPixels, boards).register(r);
                        new io.footfall.http.umami.BoardRoutes(auth, boards, teams, websites, linksAndPixels).register(r);
                        new io.footfall.http.umami.ApiKeyRoutes(auth, apiKeys, apiKeyAccess).register(r);
                        new AdminRoutes(auth, websiteRoutes, teamRoutes).register(r);
                        new LinkRoutes(auth, linksAndPixels, teams).register(r);
                        new PixelRoutes(auth, linksAndPixels, teams).register(r);
                        new LinkPixelRoutes(stores.meta(), collector, queue).register(r);
                        new io.footfall.http.umami.StatsRoutes(auth, websites, analytics, Clock.systemUTC()).register(r);
                        new io.footfall.http.umami.SessionRoutes(auth, websites, analytics).register(r);
                        new io.footfall.http.umami.EventDataRoutes(auth, websites, analytics).register(r);
                        new io.footfall.http.umami.DateRangeRoutes(auth, websites, analytics).register(r);
                        new io.footfall.http.umami.ValueRoutes(auth, websites, analytics).register(r);
                        new io.footfall.http.umami.EventDataPageRoutes(auth, websites, analytics).register(r);
                        new io.footfall.http.umami.ExportRoutes(auth, websites, analytics).register(r);
                        new io.footfall.http.umami.RevenueRoutes(auth, websites, analytics).register(r);
                        new io.footfall.http.umami.ReportRoutes(auth, websites, stores.events(), reportRollups).register(r);
                        new io.footfall.http.umami.SavedReportRoutes(auth, websites, stores.events(), stores.meta()).register(r);
                        new io.footfall.http.umami.SegmentRoutes(auth, websites, stores.events()).register(r);
                        new io.footfall.http.umami.ConfigRoutes(settings, auth, users).register(r);
                        new io.footfall.http.tinytrail.HealthRoute(() -> stores.meta().countUsers() >= 0, "0.1.0").register(r);
                        tinyTrailRoutes.register(r, stores.events());
                        r.finish();
                        dashboard.registerFallback(r);
                    })
                    .build()
                    .start();
            if (!web.isRunning()) {
                // Helidon logs a bind failure and returns a stopped server instead of throwing.
                throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port());
            }
            // Built once listening, so it does not compete with the start for CPU; first hits wait for it.
            SharedParsers.warmUp(settings.memory().userAgentCacheEntries());
            return new FootfallServer(settings, stores, web, ingest, geo, readTimeouts, createdAdmin);
        } catch (Exception | Error e) {
            if (readTimeouts != null) readTimeouts.close();
            if (ingest != null) ingest.close();
            if (geo instanceof AutoCloseable c) c.close();
            stores.close();
            throw e;
        }
    }

    public int port() {
        return web.port();
    }

    public Settings settings() {
        return settings;
    }

    public IngestQueue ingest() {
        return ingest;
    }

    public Stores stores() {
        return stores;
    }

    /** Whether this start created the default admin account (first start on an empty store). */
    public boolean createdDefaultAdmin() {
        return createdAdmin;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        LOG.info("stopping: finishing in-flight requests");
        web.stop();
        readTimeouts.close();
        ingest.close();
        stores.close();
        if (geo instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // read-only files; nothing to lose
            }
        }
        LOG.info("stopped");
    }
}
