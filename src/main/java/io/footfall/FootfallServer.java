package io.footfall;

import io.footfall.auth.AppSecret;
import io.footfall.auth.AuthTokens;
import io.footfall.auth.LoginLimiter;
import io.footfall.collect.ClientIpResolver;
import io.footfall.config.Settings;
import io.footfall.http.Authenticator;
import io.footfall.http.Router;
import io.footfall.http.umami.AuthRoutes;
import io.footfall.http.umami.HeartbeatRoutes;
import io.footfall.http.umami.MeRoutes;
import io.footfall.http.umami.WebsiteRoutes;
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
    private final boolean createdAdmin;
    private volatile boolean closed;

    private FootfallServer(Settings settings, Stores stores, WebServer web, boolean createdAdmin) {
        this.settings = settings;
        this.stores = stores;
        this.web = web;
        this.createdAdmin = createdAdmin;
    }

    public static FootfallServer start(Settings settings) throws Exception {
        java.nio.file.Files.createDirectories(settings.dataDir());
        String secret = AppSecret.resolve(settings.appSecret(), settings.dataDir());
        Stores stores = Stores.open(settings);
        try {
            UserService users = new UserService(stores.meta());
            boolean createdAdmin = users.ensureDefaultAdmin();
            AuthTokens tokens = new AuthTokens(secret);
            Authenticator auth = new Authenticator(tokens, users);
            ClientIpResolver clientIp = new ClientIpResolver(settings.clientIpHeader());
            WebsiteCache websiteCache = new WebsiteCache(stores.meta());
            WebsiteService websites = new WebsiteService(stores.meta(), stores.events(), websiteCache);
            WebsiteRoutes websiteRoutes = new WebsiteRoutes(auth, websites, users);

            WebServer web = WebServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    .shutdownHook(false)
                    .maxPayloadSize(settings.maxBodyBytes())
                    .shutdownGracePeriod(Duration.ofSeconds(10))
                    .routing(routing -> {
                        Router r = new Router(routing, settings.basePath(), settings.maxBodyBytes(), settings.corsMaxAge());
                        new HeartbeatRoutes().register(r);
                        new AuthRoutes(users, tokens, auth, new LoginLimiter(settings.loginMaxFailures(), Clock.systemUTC()),
                                clientIp, settings.disableLogin()).register(r);
                        new MeRoutes(auth, users, websiteRoutes).register(r);
                        websiteRoutes.register(r);
                        r.finish();
                    })
                    .build()
                    .start();
            return new FootfallServer(settings, stores, web, createdAdmin);
        } catch (Exception | Error e) {
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
        stores.close();
        LOG.info("stopped");
    }
}
