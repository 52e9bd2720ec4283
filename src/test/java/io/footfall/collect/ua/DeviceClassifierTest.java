package io.footfall.collect.ua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Umami's getDevice(): thresholds 1920 / 1024 / 479 and their exact comparisons. */
class DeviceClassifierTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        Windows 10 | 1919x1080 | laptop
        Windows 10 | 1920x1080 | desktop
        Windows 10 | 3840x2160 | desktop
        Mac OS     | 1440x900  | laptop
        Linux      | 800x600   | laptop
        Chrome OS  | 2560x1440 | laptop
        iOS        | 479x800   | mobile
        iOS        | 480x800   | tablet
        Android OS | 412x915   | mobile
        Amazon OS  | 320x480   | tablet
        -          | 1920x1080 | desktop
        -          | 1024x768  | laptop
        -          | 1023x768  | tablet
        -          | 479x800   | tablet
        -          | 478x800   | mobile
        Windows 10 | -         | -
        Windows 10 | abc       | desktop
        -          | abcx100   | mobile
        -          | x1080     | mobile
        Windows 10 | 1920      | desktop
        """)
    void followsUmamiThresholds(String os, String screen, String expected) {
        assertThat(DeviceClassifier.classify(os, screen, false)).isEqualTo(expected);
    }

    @Test
    void emptyScreenGivesNoDevice() {
        assertThat(DeviceClassifier.classify("Windows 10", "", false)).isNull();
    }

    @Test
    void yauaaTabletHintMakesAMobileOsATablet() {
        assertThat(DeviceClassifier.classify("iOS", "320x480", true)).isEqualTo("tablet");
        // the hint never overrides a desktop OS or an unknown one
        assertThat(DeviceClassifier.classify("Mac OS", "1440x900", true)).isEqualTo("laptop");
        assertThat(DeviceClassifier.classify(null, "400x800", true)).isEqualTo("mobile");
    }

    @Test
    void widthReadsLikeJavaScript() {
        assertThat(DeviceClassifier.width("1920x1080")).isEqualTo(1920);
        assertThat(DeviceClassifier.width(" 390 x844")).isEqualTo(390);
        assertThat(DeviceClassifier.width("x1")).isZero();
        assertThat(DeviceClassifier.width("wide")).isNaN();
    }
}
