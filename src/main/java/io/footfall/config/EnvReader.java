package io.footfall.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed, validated access to environment variables; every error names its variable. */
final class EnvReader {
    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = env;
    }

    private String raw(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String string(String name, String fallback) {
        String v = raw(name);
        return v == null ? fallback : v;
    }

    int integer(String name, int fallback, int min, int max) {
        String v = raw(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new SettingsException(name + " must be between " + min + " and " + max + ", got " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be a whole number, got '" + v + "'");
        }
    }

    boolean bool(String name) {
        return bool(name, false);
    }

    boolean bool(String name, boolean fallback) {
        String v = raw(name);
        if (v == null) return fallback;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new SettingsException(name + " must be true or false (1/0), got '" + v + "'");
        };
    }

    Path path(String name, Path fallback) {
        String v = raw(name);
        if (v == null) return fallback;
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new SettingsException(name + " is not a valid path: " + v);
        }
    }

    String oneOf(String name, String fallback, List<String> allowed) {
        String v = raw(name);
        if (v == null) return fallback;
        String lower = v.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) throw new SettingsException(name + " must be one of " + allowed + ", got '" + v + "'");
        return lower;
    }

    List<String> list(String name) {
        String v = raw(name);
        if (v == null) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A comma list, or null when the variable is unset; {@code none} is the empty list. */
    List<String> listOrNull(String name) {
        String v = raw(name);
        if (v == null) return null;
        if (v.equalsIgnoreCase("none")) return List.of();
        return list(name);
    }

    /** A path prefix such as /analytics: leading slash, no trailing slash; empty when unset. */
    String basePath(String name) {
        String v = raw(name);
        if (v == null || v.equals("/")) return "";
        if (!v.startsWith("/") || v.contains("?") || v.contains("#") || v.contains(" ")) {
            throw new SettingsException(name + " must be a path starting with '/', got '" + v + "'");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** A route path like /api/collect or a script name like tracker.js; returned with a leading slash. */
    String endpoint(String name) {
        String v = raw(name);
        if (v == null) return null;
        if (v.contains("?") || v.contains("#") || v.contains(" ") || v.contains("..")) {
            throw new SettingsException(name + " must be a plain path, got '" + v + "'");
        }
        return v.startsWith("/") ? v : "/" + v;
    }
}
