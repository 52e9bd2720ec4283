package io.footfall.event;

/** Umami's data_type codes for event data and session data values. */
public final class DataType {
    public static final int STRING = 1;
    public static final int NUMBER = 2;
    public static final int BOOLEAN = 3;
    public static final int DATE = 4;
    public static final int ARRAY = 5;

    private DataType() {
    }
}
