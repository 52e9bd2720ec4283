package io.footfall.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small versioned schema runner. Each backend lists its scripts in {@code db/<backend>/migrations.txt}
 * (one file name per line, in order, named {@code V<n>__what.sql}); versions not yet recorded in
 * {@code schema_version} are applied, each in its own transaction.
 */
public final class Migrations {
    private Migrations() {
    }

    /** Applies pending migrations; returns how many were applied. */
    public static int apply(Connections db, String backend) throws SQLException {
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
            return null;
        });
        // Every listed version not yet recorded, not only those above the newest: branches developed side by side
        // add versions out of order, and a store that has a later one must still get an earlier one it lacks.
        java.util.Set<Integer> done = db.read(c -> {
            java.util.Set<Integer> versions = new java.util.HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
                while (rs.next()) versions.add(rs.getInt(1));
            }
            return versions;
        });
        int applied = 0;
        for (String name : list(backend)) {
            int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
            if (done.contains(version)) continue;
            String script = resource("db/" + backend + "/" + name);
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    for (String statement : statements(script)) st.execute(statement);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    Sql.bind(ps, version, name, Instant.now());
                    ps.executeUpdate();
                }
                return null;
            });
            applied++;
        }
        return applied;
    }

    private static List<String> list(String backend) {
        return resource("db/" + backend + "/migrations.txt").lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Splits a script on semicolons that end a line, after dropping `--` comment lines. */
    public static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            clean.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String s : clean.toString().split(";\\s*\n")) {
            String t = s.trim();
            if (t.endsWith(";")) t = t.substring(0, t.length() - 1);
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static String resource(String path) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing migration resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
