package io.footfall.collect.ua;

/**
 * Umami 3.1's device rule, as measured on a real server: the device type comes from the User-Agent
 * (a phone is {@code mobile}, a tablet {@code tablet}, a TV {@code smarttv}, ...; anything else is a
 * {@code desktop}), and the screen the tracker sends only splits desktops: a screen at most 1920 px wide
 * is a {@code laptop} (a Linux Firefox at 1920x1080 counted as laptop, at 2560x1440 as desktop). Without a
 * screen the User-Agent alone decides, so every hit has a device.
 */
final class DeviceClassifier {

    static final String DESKTOP = "desktop";
    static final String LAPTOP = "laptop";
    static final String TABLET = "tablet";
    static final String MOBILE = "mobile";

    /** The widest screen still counted as a laptop. */
    static final int LAPTOP_MAX_SCREEN_WIDTH = 1920;

    private DeviceClassifier() {}

    /**
     * The device type a User-Agent names, in ua-parser-js's words, from yauaa's DeviceClass.
     *
     * @param deviceClass yauaa's DeviceClass value, or null
     * @return mobile, tablet, smarttv, console, wearable, xr, or desktop for everything else
     */
    static String fromDeviceClass(String deviceClass) {
        if (deviceClass == null) return DESKTOP;
        return switch (deviceClass) {
            case "Phone", "Mobile" -> MOBILE;
            case "Tablet", "eReader" -> TABLET;
            case "TV", "Set-top box" -> "smarttv";
            case "Game Console", "Handheld Game Console" -> "console";
            case "Watch" -> "wearable";
            case "Virtual Reality", "Augmented Reality" -> "xr";
            default -> DESKTOP;
        };
    }

    /**
     * @param uaDevice the User-Agent's device type ({@link #fromDeviceClass})
     * @param screen "WIDTHxHEIGHT" as the tracker sends it, or null
     * @return the stored device: a desktop with a screen at most 1920 px wide is a laptop
     */
    static String classify(String uaDevice, String screen) {
        if (!DESKTOP.equals(uaDevice)) return uaDevice;
        // JavaScript reads an empty screen as "no screen", and an unreadable width (NaN) fails the comparison.
        if (screen == null || screen.isEmpty()) return DESKTOP;
        return width(screen) <= LAPTOP_MAX_SCREEN_WIDTH ? LAPTOP : DESKTOP;
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
