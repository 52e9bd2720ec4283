package io.footfall.store;

import io.footfall.store.duckdb.DuckDbDialect;
import io.footfall.store.postgres.PostgresDialect;
import io.footfall.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel rules as they run: {@link Channels#sql} evaluated by DuckDB and by PostgreSQL over one hit (the CASE the metrics
 * query and the channel rollups group by), for the page host www.example.com.
 */
class ChannelsTest {
    static Connection db;
    static Connection pg;

    @BeforeAll
    static void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:duckdb:");
        pg = PostgresTestDatabase.admin();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
        pg.close();
    }

    @Test
    void wholeDomainsMatchThroughTheDialectsEndsWith() {
        assertThat(Channels.sql(new DuckDbDialect())).contains("ends_with('.' || coalesce(e.referrer_domain, ''), '.t.co')");
    }

    @ParameterizedTest(name = "{0} | {1} | {2} | {3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "-,                   -,                                 -,           -,         direct",
            "'',                  '',                                -,           -,         direct",
            "google.com,          -,                                 -,           -,         organicSearch",
            "google.de,           utm_medium=cpc,                    cpc,         -,         paidAds",
            "bing.com,            utm_medium=ppc_x,                  ppc_x,       -,         paidSearch",
            "-,                   gclid=abc,                         -,           -,         paidAds",
            "-,                   fbclid=abc,                        -,           -,         -",
            "-,                   utm_source=news&utm_medium=email,  email,       news,      email",
            "gmail.com,           -,                                 -,           -,         email",
            "t.co,                -,                                 -,           -,         organicSocial",
            "facebook.com,        utm_medium=paid_social,            paid_social, -,         paidAds",
            "reddit.com,          utm_medium=retargeting,            retargeting, -,         paidSocial",
            "amazon.de,           -,                                 -,           -,         organicShopping",
            "youtube.com,         -,                                 -,           -,         organicVideo",
            "-,                   utm_medium=referral,               referral,    -,         referral",
            "-,                   utm_medium=affiliate,              affiliate,   -,         affiliate",
            "-,                   utm_source=sms,                    -,           sms,       sms",
            "-,                   utm_medium=organic,                organic,     -,         organicSearch",
            // Umami 3.1's last rule: any other external referrer is referral, AI answer engines included.
            "news.example.org,    -,                                 -,           -,         referral",
            "github.com,          -,                                 -,           -,         referral",
            "stackoverflow.com,   -,                                 -,           -,         referral",
            "chatgpt.com,         utm_source=chatgpt.com,            -,           chatgpt.com, referral",
            "perplexity.ai,       -,                                 -,           -,         referral",
            "github.com,          utm_medium=cpc,                    cpc,         -,         paidAds",
            // The site's own host is no referral: with a query string alone no rule names it.
            "example.com,         -,                                 -,           -,         -",
            "www.example.com,     page=2,                            -,           -,         -",
    })
    void classifiesByTheFirstMatchingRule(String referrer, String query, String medium, String source, String expected) throws SQLException {
        assertThat(channel(db, new DuckDbDialect(), referrer, query, medium, source, "www.example.com")).isEqualTo(expected);
        assertThat(channel(pg, new PostgresDialect(), referrer, query, medium, source, "www.example.com")).isEqualTo(expected);
    }

    private static String channel(Connection c, Dialect d, String referrer, String query, String medium, String source, String host) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Channels.sql(d) + " FROM (SELECT ?::VARCHAR AS referrer_domain, "
                + "?::VARCHAR AS url_query, ?::VARCHAR AS utm_medium, ?::VARCHAR AS utm_source, ?::VARCHAR AS hostname) e")) {
            ps.setString(1, referrer);
            ps.setString(2, query);
            ps.setString(3, medium);
            ps.setString(4, source);
            ps.setString(5, host);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
