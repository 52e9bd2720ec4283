package io.footfall.store.postgres;

import io.footfall.config.SettingsException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Umami's {@code DATABASE_URL=postgresql://user:pass@host:port/db?params} (also {@code postgres://}) as a JDBC
 * URL with the credentials apart. Query parameters pass through to the driver (e.g. {@code sslmode=require});
 * Prisma's {@code schema=} becomes pgjdbc's {@code currentSchema=}.
 */
public record PostgresUrl(String jdbcUrl, String user, String password, String display) {

    /** True when the value names PostgreSQL. */
    public static boolean matches(String url) {
        return url != null && (url.startsWith("postgresql://") || url.startsWith("postgres://"));
    }

    /** Parses; a malformed value throws {@link SettingsException} naming DATABASE_URL (password never shown). */
    public static PostgresUrl parse(String url) {
        String masked = url.replaceAll("//[^@/]*@", "//***@");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(masked, "not a URL (" + e.getReason() + "); special characters in the password must be percent-encoded");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) throw bad(masked, "no host");
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1 || path.indexOf('/', 1) >= 0) throw bad(masked, "no database name after the host, e.g. /footfall");
        String database = decode(path.substring(1));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) password = decode(info.substring(colon + 1));
        }
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String p : uri.getRawQuery().split("&")) {
                if (p.isEmpty()) continue;
                params.add(p.startsWith("schema=") ? "currentSchema=" + p.substring("schema=".length()) : p);
            }
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String jdbc = "jdbc:postgresql://" + hostPart + ":" + port + "/" + path.substring(1)
                + (params.isEmpty() ? "" : "?" + String.join("&", params));
        return new PostgresUrl(jdbc, user, password, "postgresql://" + (user == null ? "" : user + "@") + hostPart + ":" + port + "/" + database);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static SettingsException bad(String masked, String why) {
        return new SettingsException("DATABASE_URL: " + why + ": '" + masked + "' (expected postgresql://user:password@host:5432/database)");
    }
}
