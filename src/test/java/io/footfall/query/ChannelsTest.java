package io.footfall.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelsTest {

    @ParameterizedTest(name = "{0} | {1} | {2} | {3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "-,                 -,                                 -,           -,         direct",
            "'',                '',                                -,           -,         direct",
            "google.com,        -,                                 -,           -,         organicSearch",
            "google.de,         utm_medium=cpc,                    cpc,         -,         paidAds",
            "bing.com,          utm_medium=ppc_x,                  ppc_x,       -,         paidSearch",
            "-,                 gclid=abc,                         -,           -,         paidAds",
            "-,                 fbclid=abc,                        -,           -,         -",
            "-,                 utm_source=news&utm_medium=email,  email,       news,      email",
            "gmail.com,         -,                                 -,           -,         email",
            "t.co,              -,                                 -,           -,         organicSocial",
            "facebook.com,      utm_medium=paid_social,            paid_social, -,         paidAds",
            "reddit.com,        utm_medium=retargeting,            retargeting, -,         paidSocial",
            "amazon.de,         -,                                 -,           -,         organicShopping",
            "youtube.com,       -,                                 -,           -,         organicVideo",
            "-,                 utm_medium=referral,               referral,    -,         referral",
            "-,                 utm_medium=affiliate,              affiliate,   -,         affiliate",
            "-,                 utm_source=sms,                    -,           sms,       sms",
            "news.example.org,  -,                                 -,           -,         -",
            "-,                 utm_medium=organic,                organic,     -,         organicSearch",
    })
    void classifiesByTheFirstMatchingRule(String referrer, String query, String medium, String source, String expected) {
        assertThat(Channels.classify(referrer, query, medium, source)).isEqualTo(expected);
    }
}
