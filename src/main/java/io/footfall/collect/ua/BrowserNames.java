package io.footfall.collect.ua;

/**
 * Maps yauaa's AgentName to the browser names detect-browser gives (what Umami stores).
 * detect-browser names the browser *engine shell* rather than the product in a few places,
 * so the platform matters: Chrome on iOS is "crios", Safari on iOS is "ios", an in-app iOS
 * web view is "ios-webview" (or "facebook"/"instagram" when the app says so), and an
 * Android web view is "chromium-webview" whatever app hosts it.
 */
final class BrowserNames {

    private BrowserNames() {}

    /**
     * @param agentName yauaa AgentName, may be null
     * @param os our (detect-browser) OS name, may be null
     * @param ua the raw User-Agent (never null)
     */
    static String of(String agentName, String os, String ua) {
        boolean ios = OsNames.IOS.equals(os);
        // Tokens that win in detect-browser before any engine token is looked at.
        if (ua.contains("EdgiOS/")) return "edge-ios";
        if (ua.contains("Edge/")) return "edge";
        if (ua.contains("YaBrowser/")) return "yandexbrowser";
        if (ua.contains("SamsungBrowser/")) return "samsung";
        if (ua.contains("Silk/")) return "silk";
        if (ua.contains("Edg/")) return "edge-chromium";
        if (ua.contains("OPR/")) return "opera";
        // Android web views (";wv)") host Facebook, Instagram, ...: detect-browser calls them all one name.
        if (ua.contains("wv)") && (ua.contains("Chrome/") || ua.contains("Chromium/"))) return "chromium-webview";
        String name = agentName == null ? "" : agentName;
        String mapped = switch (name) {
            case "Chrome", "Chromium" -> ua.contains("CriOS/") ? "crios" : "chrome";
            case "Firefox" -> ua.contains("FxiOS/") ? "fxios" : "firefox";
            case "Safari" -> ios ? "ios" : "safari";
            case "Opera" -> "opera";
            case "Opera Mini" -> "opera-mini";
            case "Internet Explorer" -> "ie";
            case "Vivaldi" -> "vivaldi";
            case "Mi Browser", "MiuiBrowser", "MIUI Browser" -> "miui";
            case "Stock Android Browser" -> "android";
            case "Chrome Webview" -> "chromium-webview";
            case "KakaoTalk" -> "kakaotalk";
            case "Beaker Browser" -> "beaker";
            case "PhantomJS" -> "phantomjs";
            default -> null;
        };
        if (mapped != null) return mapped;
        return byEngine(ios, ua);
    }

    /**
     * Products yauaa knows but detect-browser does not (Brave, DuckDuckGo, in-app browsers ...)
     * fall back to what detect-browser would see: the engine tokens, in its order.
     */
    private static String byEngine(boolean ios, String ua) {
        if (ua.contains("CriOS/")) return "crios";
        if (ua.contains("FxiOS/")) return "fxios";
        if (ua.contains("Chrome/") || ua.contains("Chromium/")) return "chrome";
        if (ua.contains("Firefox/")) return "firefox";
        if (ua.contains("Opera Mini")) return "opera-mini";
        if (ua.contains("Opera/")) return "opera";
        if (ua.contains("Trident/") || ua.contains("MSIE ")) return "ie";
        if (ua.contains("Android ")) return "android";
        boolean version = ua.contains("Version/");
        if (version && ua.contains("Safari")) return ios && ua.contains("Mobile") ? "ios" : "safari";
        if (ua.contains("FBAV/")) return "facebook";
        if (ua.contains("Instagram ")) return "instagram";
        if (ua.contains("AppleWebKit/") && (ua.contains("Mobile") || ua.endsWith("Gecko)"))) return "ios-webview";
        return null;
    }
}
