package io.footfall.accelerate.duckdb;

import java.util.Collections;

/**
 * Which units a rollup statement (re)builds: every one ({@link #ALL}: a fill after a migration, a bulk load) or
 * only those whose key is one of {@code ids} values bound as the statement's parameters, in order (a re-ship
 * repairing the visits and sessions of the events it replaced). Writers render it where their statements
 * select their source rows, so no caller splices text into another class's SQL.
 */
record Narrowing(int ids) {
    static final Narrowing ALL = new Narrowing(0);

    /** The units whose key is one of {@code count} bound ids. */
    static Narrowing toIds(int count) {
        if (count < 1) throw new IllegalArgumentException("no ids to narrow to");
        return new Narrowing(count);
    }

    /** {@code " AND column IN (?, ...)"}, or nothing for {@link #ALL}: to append to a WHERE. */
    String and(String column) {
        return ids == 0 ? "" : " AND " + in(column);
    }

    /** {@code "column IN (?, ...)"}: for statements that only ever touch named units (a repair's deletes). */
    String in(String column) {
        if (ids == 0) throw new IllegalStateException("a statement on named units needs ids");
        return column + " IN (" + String.join(", ", Collections.nCopies(ids, "?")) + ")";
    }
}
