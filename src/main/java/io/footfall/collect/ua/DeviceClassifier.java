package io.footfall.collect.ua;

import java.util.Set;

/**
 * Umami's device rule: the device comes from the OS name and the screen width the tracker
 * sends ("1920x1080"), not from the User-Agent. Desktop OSes split laptop/desktop at 1920
 * (strictly below is a laptop; Chrome OS is always a laptop), mobile OSes split mobile/tablet
 * at 479 (strictly above is a tablet; Amazon OS is always a tablet), and an unknown OS is
 * bucketed by width alone. No screen, no device.
 */
final class DeviceClassifier {

    static final String DESKTOP = "desktop";
    static final String LAPTOP = "laptop";
    static final String TABLET = "tablet";
    static final String MOBILE = "mobile";

    static final int DESKTOP_SCREEN_WIDTH = 1920;
    static final int LAPTOP_SCREEN_WIDTH = 1024;
    static final int MOBILE_SCREEN_WIDTH = 479;

    private static final Set<String> DESKTOP_OS = Set.of(
        "BeOS", "Chrome OS", "Linux", "Mac OS", "Open BSD", "OS/2", "QNX", "Sun OS",
        "Windows 10", "Windows 2000", "Windows 3.11", "Windows 7", "Windows 8", "Windows 8.1",
        "Windows 95", "Windows 98", "Windows ME", "Windows Server 2003", "Windows Vista", "Windows XP");

    private static final Set<String> MOBILE_OS = Set.of(
        "Amazon OS", "Android OS", "BlackBerry OS", "iOS", "Windows Mobile");

    private DeviceClassifier() {}

    /**
     * @param os detect-browser OS name or null
     * @param screen "WIDTHxHEIGHT" as the tracker sends it, or null
     * @param tabletHint yauaa classified the hardware as a tablet (e.g. an iPad UA)
     * @return one of desktop/laptop/tablet/mobile, or null without a screen
     */
    static String classify(String os, String screen, boolean tabletHint) {
        if (screen == null || screen.isEmpty()) return null;
        double width = width(screen);
        // NaN (an unreadable width) fails every comparison, as in Umami's JavaScript.
        if (os != null && DESKTOP_OS.contains(os)) {
            return os.equals(OsNames.CHROME_OS) || width < DESKTOP_SCREEN_WIDTH ? LAPTOP : DESKTOP;
        }
        if (os != null && MOBILE_OS.contains(os)) {
            return tabletHint || os.equals(OsNames.AMAZON_OS) || width > MOBILE_SCREEN_WIDTH ? TABLET : MOBILE;
        }
        if (width >= DESKTOP_SCREEN_WIDTH) return DESKTOP;
        if (width >= LAPTOP_SCREEN_WIDTH) return LAPTOP;
        if (width >= MOBILE_SCREEN_WIDTH) return TABLET;
        return MOBILE;
    }

    /**
     * The part before the first 'x' as JavaScript's unary plus reads it: empty is 0,
     * anything that is not a number is NaN. Plain digits are parsed without allocating.
     */
    static double width(String screen) {
        int end = screen.indexOf('x');
        if (end < 0) end = screen.length();
        long value = 0;
        boolean digitsOnly = end > 0 && end <= 9;
        for (int i = 0; i < end && digitsOnly; i++) {
            char c = screen.charAt(i);
            if (c < '0' || c > '9') digitsOnly = false;
            else value = value * 10 + (c - '0');
        }
        if (digitsOnly) return value;
        String part = screen.substring(0, end).strip();
        if (part.isEmpty()) return 0;
        try {
            return Double.parseDouble(part);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
