package io.footfall.collect.ua;

/**
 * Maps yauaa's OperatingSystemName (plus the raw User-Agent where yauaa is vaguer or
 * finer than detect-browser) to the OS names detect-browser gives, which is what Umami stores.
 * detect-browser decides by tokens in a fixed order: iPhone/iPod/iPad, Android, BlackBerry,
 * IEMobile, Kindle, the Windows NT versions, OpenBSD, SunOS, CrOS, Linux/X11, Macintosh, ...
 */
final class OsNames {

    static final String WINDOWS_10 = "Windows 10";
    static final String MAC_OS = "Mac OS";
    static final String IOS = "iOS";
    static final String ANDROID = "Android OS";
    static final String LINUX = "Linux";
    static final String CHROME_OS = "Chrome OS";
    static final String AMAZON_OS = "Amazon OS";
    static final String BLACKBERRY = "BlackBerry OS";
    static final String WINDOWS_MOBILE = "Windows Mobile";

    private OsNames() {}

    /**
     * @param yauaaOs yauaa's OperatingSystemName, may be null
     * @param ua the raw User-Agent (never null)
     */
    static String of(String yauaaOs, String ua) {
        // Token checks first where detect-browser's order beats yauaa's finer model:
        // an iPad in an app, an Amazon Fire (yauaa: "FireOS") that still says Android, etc.
        if (ua.contains("iPhone") || ua.contains("iPod") || ua.contains("iPad")) return IOS;
        if (ua.contains("Android")) return ANDROID;
        if (ua.contains("BlackBerry") || ua.contains("BB10")) return BLACKBERRY;
        if (ua.contains("IEMobile")) return WINDOWS_MOBILE;
        if (ua.contains("Kindle")) return AMAZON_OS;
        String windows = windows(ua);
        if (windows != null) return windows;
        if (yauaaOs != null) {
            String mapped = fromYauaa(yauaaOs);
            if (mapped != null) return mapped;
        }
        // Distributions yauaa names (Ubuntu, Fedora, ...) are all "Linux" to detect-browser.
        if (ua.contains("CrOS")) return CHROME_OS;
        if (ua.contains("Linux") || ua.contains("X11")) return LINUX;
        if (ua.contains("Macintosh") || ua.contains("Mac_PowerPC")) return MAC_OS;
        return null;
    }

    private static String fromYauaa(String os) {
        return switch (os) {
            case "iOS", "iPadOS" -> IOS;
            case "Android" -> ANDROID;
            case "Mac OS", "Mac OS X", "macOS" -> MAC_OS;
            case "Chrome OS", "ChromeOS" -> CHROME_OS;
            case "Linux" -> LINUX;
            case "OpenBSD" -> "Open BSD";
            case "SunOS", "Solaris" -> "Sun OS";
            case "Windows Phone", "Windows Mobile", "Windows CE" -> WINDOWS_MOBILE;
            default -> null;
        };
    }

    /**
     * Windows by NT version token. Chrome freezes the token at "Windows NT 10.0" (yauaa then
     * reports "Windows NT ??"), and Windows 11 sends 10.0 too: both are "Windows 10" in Umami.
     */
    private static String windows(String ua) {
        int i = ua.indexOf("Windows NT ");
        if (i >= 0) {
            String v = ua.substring(i + 11, Math.min(ua.length(), i + 15));
            if (v.startsWith("10.0")) return WINDOWS_10;
            if (v.startsWith("6.3")) return "Windows 8.1";
            if (v.startsWith("6.2")) return "Windows 8";
            if (v.startsWith("6.1")) return "Windows 7";
            if (v.startsWith("6.0")) return "Windows Vista";
            if (v.startsWith("5.2")) return "Windows Server 2003";
            if (v.startsWith("5.1")) return "Windows XP";
            if (v.startsWith("5.0")) return "Windows 2000";
            return null;
        }
        if (ua.contains("Windows XP")) return "Windows XP";
        if (ua.contains("Windows 2000")) return "Windows 2000";
        if (ua.contains("Windows 98") || ua.contains("Win98")) return "Windows 98";
        if (ua.contains("Windows 95") || ua.contains("Win95") || ua.contains("Windows_95")) return "Windows 95";
        if (ua.contains("Windows ME")) return "Windows ME";
        if (ua.contains("Win16")) return "Windows 3.11";
        return null;
    }
}
