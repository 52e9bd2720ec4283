package io.footfall.collect.ua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real User-Agents, with the names Umami 3.1 (detect-browser, and the device type from the User-Agent split by screen) stores for them. */
class UserAgentParserTest {

    private final UserAgentParser parser = SharedParser.PARSER;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # label                  | user agent | screen | browser | os | device
        Chrome Windows 10        | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | 1920x1080 | chrome | Windows 10 | laptop
        Chrome Windows 11 laptop | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | 1536x864 | chrome | Windows 10 | laptop
        Edge Windows 11          | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0 | 2560x1440 | edge-chromium | Windows 10 | desktop
        Firefox Windows 10       | Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0 | 1366x768 | firefox | Windows 10 | laptop
        Chrome Windows 7         | Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36 | 1280x1024 | chrome | Windows 7 | laptop
        Chrome Windows 8.1       | Mozilla/5.0 (Windows NT 6.3; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36 | 1920x1200 | chrome | Windows 8.1 | laptop
        Legacy Edge              | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045 | 1920x1080 | edge | Windows 10 | laptop
        IE 11                    | Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko | 1280x720 | ie | Windows 10 | laptop
        Safari macOS             | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15 | 1440x900 | safari | Mac OS | laptop
        Chrome macOS             | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | 2560x1440 | chrome | Mac OS | desktop
        Vivaldi macOS            | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Vivaldi/6.5 | 1728x1117 | vivaldi | Mac OS | laptop
        Safari iPhone            | Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1 | 390x844 | ios | iOS | mobile
        Chrome iPhone            | Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1 | 430x932 | crios | iOS | mobile
        Firefox iPhone           | Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/121.0 Mobile/15E148 Safari/605.1.15 | 375x667 | fxios | iOS | mobile
        Edge iPhone              | Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/120.2210.150 Mobile/15E148 Safari/605.1.15 | 390x844 | edge-ios | iOS | mobile
        Safari iPad              | Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1 | 820x1180 | ios | iOS | tablet
        Chrome iPad              | Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1 | 1024x1366 | crios | iOS | tablet
        Firefox iPad             | Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/121.0 Mobile/15E148 Safari/605.1.15 | 768x1024 | fxios | iOS | tablet
        Chrome Android phone     | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36 | 412x915 | chrome | Android OS | mobile
        Samsung Android phone    | Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36 | 384x854 | samsung | Android OS | mobile
        Samsung Android tablet   | Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36 | 800x1280 | samsung | Android OS | tablet
        Chrome Android tablet    | Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Safari/537.36 | 800x1280 | chrome | Android OS | tablet
        Firefox Android          | Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0 | 412x915 | firefox | Android OS | mobile
        Stock Android browser    | Mozilla/5.0 (Linux; U; Android 4.0.3; ko-kr; LG-L160L Build/IML74K) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30 | 320x480 | android | Android OS | mobile
        Android WebView          | Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 | 412x915 | chromium-webview | Android OS | mobile
        Silk Fire tablet         | Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/120.3.1 like Chrome/120.0.6099.230 Safari/537.36 | 800x1280 | silk | Android OS | tablet
        Chrome OS                | Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | 2560x1440 | chrome | Chrome OS | desktop
        Firefox Linux            | Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 | 1920x1080 | firefox | Linux | laptop
        Firefox Ubuntu           | Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 | 1600x900 | firefox | Linux | laptop
        Opera Windows            | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0 | 1920x1080 | opera | Windows 10 | laptop
        Yandex Windows           | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 YaBrowser/24.1.0.0 Safari/537.36 | 1920x1080 | yandexbrowser | Windows 10 | laptop
        Opera Mini               | Opera/9.80 (J2ME/MIDP; Opera Mini/9.80 (S60; SymbOS; Opera Mobi/23.348; U; en) Presto/2.5.25 Version/10.54 | 240x320 | opera-mini | - | mobile
        Facebook in-app iOS      | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/444.0.0.36.112;FBBV/543946185;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.1.2;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/546232766] | 390x844 | facebook | iOS | mobile
        Facebook in-app Android  | Mozilla/5.0 (Linux; Android 13; SM-S901B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/444.0.0.33.118;] | 360x780 | chromium-webview | Android OS | mobile
        Instagram in-app iOS     | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 312.0.0.22.114 (iPhone14,5; iOS 17_1; en_US; en; scale=3.00; 1170x2532; 548339486) | 390x844 | instagram | iOS | mobile
        iOS web view             | Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 | 390x844 | ios-webview | iOS | mobile
        umami node client        | Mozilla/5.0 Umami/v20.11.0 | - | - | - | desktop
        umami node with screen   | Mozilla/5.0 Umami/v20.11.0 | 1280x720 | - | - | laptop
        Linux Firefox 2560       | Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 | 2560x1440 | firefox | Linux | desktop
        phone without screen     | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36 | - | chrome | Android OS | mobile
        iPhone without screen    | Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1 | - | ios | iOS | mobile
        iPad without screen      | Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1 | - | ios | iOS | tablet
        no screen                | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | - | chrome | Windows 10 | desktop
        """)
    void mapsLikeUmami(String label, String ua, String screen, String browser, String os, String device) {
        assertThat(parser.parse(ua, screen)).isEqualTo(new ClientInfo(browser, os, device));
        assertThat(parser.isBot(ua)).as("bot").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        HeadlessChrome          | Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.28 Safari/537.36
        curl                    | curl/8.5.0
        wget                    | Wget/1.21.4
        python-requests         | python-requests/2.31.0
        Go http client          | Go-http-client/1.1
        Go http client 2        | Go-http-client/2.0
        Node fetch              | node
        undici                  | undici
        axios                   | axios/1.6.2
        okhttp                  | okhttp/4.12.0
        Java                    | Java/17.0.2
        Apache HttpClient       | Apache-HttpClient/4.5.14 (Java/17.0.9)
        Googlebot               | Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
        Googlebot desktop       | Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/120.0.6099.216 Safari/537.36
        Googlebot smartphone    | Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.216 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
        bingbot                 | Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)
        YandexBot               | Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)
        AhrefsBot               | Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)
        facebookexternalhit     | facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)
        UptimeRobot             | Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)
        Lighthouse              | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Chrome-Lighthouse
        PostmanRuntime          | PostmanRuntime/7.36.0
        """)
    void flagsBots(String label, String ua) {
        assertThat(parser.isBot(ua)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void missingUserAgentIsABotAndUnknown() {
        assertThat(parser.isBot(null)).isTrue();
        assertThat(parser.isBot("")).isTrue();
        assertThat(parser.isBot("   ")).isTrue();
        // No User-Agent names no device type, which Umami reads as a desktop (such hits are not stored anyway).
        assertThat(parser.parse(null, null)).isEqualTo(new ClientInfo(null, null, "desktop"));
        assertThat(parser.parse("", "390x844")).isEqualTo(new ClientInfo(null, null, "laptop"));
    }

    @org.junit.jupiter.api.Test
    void phoneMakerNamedLikeABotIsNotABot() {
        String cubot = "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36";
        assertThat(parser.isBot(cubot)).isFalse();
        // a phone by its User-Agent, whatever its screen width
        assertThat(parser.parse(cubot, "720x1560")).isEqualTo(new ClientInfo("chrome", "Android OS", "mobile"));
    }
}
