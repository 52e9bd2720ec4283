package io.footfall.tinytrail.report;

/** The {@code compare} parameter: which period a report's numbers are set against. */
public enum Compare {
    PREVIOUS_PERIOD("previous_period"), YOY("yoy");

    private final String code;

    Compare(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The period to compare {@code current} with. */
    public ReportPeriod against(ReportPeriod current) {
        return this == PREVIOUS_PERIOD ? current.previous() : current.yearBefore();
    }

    /** The value for a parameter text, or null when it names none. */
    public static Compare of(String code) {
        for (Compare c : values()) {
            if (c.code.equals(code)) return c;
        }
        return null;
    }
}
