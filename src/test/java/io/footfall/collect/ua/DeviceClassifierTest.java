package io.footfall.collect.ua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Umami 3.1's device rule: the User-Agent's device type, and a desktop at most 1920 px wide is a laptop. */
class DeviceClassifierTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        desktop | 1919x1080 | laptop
        desktop | 1920x1080 | laptop
        desktop | 1921x1080 | desktop
        desktop | 2560x1440 | desktop
        desktop | 800x600   | laptop
        desktop | x1080     | laptop
        desktop | abc       | desktop
        desktop | 1920      | laptop
        desktop | -         | desktop
        desktop | ''        | desktop
        mobile  | 412x915   | mobile
        mobile  | 800x1280  | mobile
        mobile  | -         | mobile
        tablet  | 320x480   | tablet
        tablet  | -         | tablet
        smarttv | 1920x1080 | smarttv
        """)
    void screenSplitsOnlyDesktops(String uaDevice, String screen, String expected) {
        assertThat(DeviceClassifier.classify(uaDevice, screen)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        Phone                 | mobile
        Mobile                | mobile
        Tablet                | tablet
        eReader               | tablet
        TV                    | smarttv
        Game Console          | console
        Watch                 | wearable
        Virtual Reality       | xr
        Desktop               | desktop
        Unknown               | desktop
        Anonymized            | desktop
        -                     | desktop
        """)
    void deviceTypeFromTheUserAgent(String deviceClass, String expected) {
        assertThat(DeviceClassifier.fromDeviceClass(deviceClass)).isEqualTo(expected);
    }

    @Test
    void widthReadsLikeJavaScript() {
        assertThat(DeviceClassifier.width("1920x1080")).isEqualTo(1920);
        assertThat(DeviceClassifier.width(" 390 x844")).isEqualTo(390);
        assertThat(DeviceClassifier.width("x1")).isZero();
        assertThat(DeviceClassifier.width("wide")).isNaN();
    }
}
