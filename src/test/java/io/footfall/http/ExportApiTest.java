package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/websites/:id/export} over {@link KnownTraffic}: in March the site has ten event rows (A five,
 * B two, C three), fifteen event data rows (9 + 4 + 2), and the session data of A, B and C.
 */
class ExportApiTest extends KnownTraffic {
    static String formulas;

    @BeforeAll
    static void sendAFormulaTitle() {
        formulas = server.createWebsite("Formulas", "sheet.example");
        new Visitor(CHROME_WIN, "1920x1080", "8.8.8.7", "en-US", "DE", null, null, null, formulas)
                .send("event", "2026-03-12T09:00:00Z", "\"hostname\":\"sheet.example\",\"url\":\"https://sheet.example/a\","
                        + "\"title\":\"=HYPERLINK(\\\"http://x\\\")\"");
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return files;
    }

    static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    static HttpClientForTests.Response rawExport(String site, String query) {
        return server.http().send("GET", "/api/websites/" + site + "/export?" + MARCH + query, null, server.adminToken(),
                Map.of("Accept", "application/zip"));
    }

    static Map<String, String> rows(String query) throws IOException {
        var res = rawExport(website, query);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return unzip(res.bytes());
    }

    @Test
    void rawExportIsUmamisThreeFilesOfEveryRowOldestFirst() throws IOException {
        var res = rawExport(website, "");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Type")).isEqualTo("application/zip");
        assertThat(res.header("Content-Disposition")).isEqualTo("attachment; filename=\"export.zip\"");
        // streamed: sent in chunks as written, its length unknown up front
        assertThat(res.header("Content-Length")).isNull();
        assertThat(res.header("Transfer-Encoding")).isEqualTo("chunked");
        Map<String, String> files = unzip(res.bytes());
        assertThat(files.keySet()).containsExactly("website_event.csv", "session_data.csv", "event_data.csv");

        String events = files.get("website_event.csv");
        assertThat(events).startsWith("website_id,session_id,visit_id,event_id,hostname,browser,os,device,screen,language,country,"
                + "region,city,url_path,url_query,utm_source,utm_medium,utm_campaign,utm_content,utm_term,referrer_path,referrer_query,"
                + "referrer_domain,page_title,gclid,fbclid,msclkid,ttclid,li_fat_id,twclid,lcp,inp,cls,fcp,ttfb,event_type,event_name,"
                + "tag,distinct_id,created_at,job_id\r\n");
        List<CSVRecord> rows = csv(events);
        assertThat(rows).hasSize(10);
        List<String> timeline = new ArrayList<>();
        for (CSVRecord r : rows) timeline.add(r.get("created_at") + " " + r.get("event_type") + " " + r.get("url_path"));
        assertThat(timeline).containsExactly(
                "2026-03-04T10:00:00.000Z 1 /", "2026-03-04T10:05:00.000Z 1 /pricing", "2026-03-04T10:06:00.000Z 2 /pricing",
                "2026-03-04T11:00:00.000Z 1 /", "2026-03-04T12:10:00.000Z 5 /",
                "2026-03-05T23:30:00.000Z 1 /", "2026-03-05T23:40:00.000Z 2 /",
                "2026-03-06T08:01:00.000Z 1 /docs", "2026-03-06T08:02:00.000Z 1 /", "2026-03-06T08:03:00.000Z 2 /");
        CSVRecord first = rows.getFirst();
        assertThat(first.get("website_id")).isEqualTo(website);
        assertThat(first.get("session_id")).isEqualTo(sessionA);
        assertThat(first.get("browser") + "|" + first.get("os") + "|" + first.get("country") + "|" + first.get("city")
                + "|" + first.get("hostname") + "|" + first.get("lcp") + "|" + first.get("event_name") + "|" + first.get("job_id"))
                .isEqualTo("chrome|Windows 10|DE|Berlin|example.com|||");
        assertThat(rows.get(4).get("lcp")).isEqualTo("1200");
        assertThat(rows.get(9).get("event_name")).isEqualTo("download");
        assertThat(rows.get(9).get("distinct_id")).isEqualTo("user-42");

        List<CSVRecord> data = csv(files.get("event_data.csv"));
        assertThat(files.get("event_data.csv")).startsWith("website_id,session_id,event_id,url_path,event_name,data_key,string_value,"
                + "number_value,date_value,data_type,created_at,job_id\r\n");
        assertThat(data).hasSize(15);
        CSVRecord price = data.stream().filter(r -> r.get("data_key").equals("price")).findFirst().orElseThrow();
        assertThat(price.get("session_id") + "|" + price.get("url_path") + "|" + price.get("event_name") + "|" + price.get("string_value")
                + "|" + price.get("number_value") + "|" + price.get("data_type") + "|" + price.get("created_at"))
                .isEqualTo(sessionA + "|/pricing|signup|19.9900|19.9900|2|2026-03-04T10:06:00.000Z");
        assertThat(data.getLast().get("event_name") + " " + data.getLast().get("data_key")).isEqualTo("download size");

        assertThat(files.get("session_data.csv")).startsWith("website_id,session_id,data_key,string_value,number_value,date_value,"
                + "data_type,distinct_id,created_at,job_id\r\n");
        List<CSVRecord> sessionData = csv(files.get("session_data.csv"));
        assertThat(sessionData).hasSize((int) server.count("SELECT count(*) FROM session_data WHERE website_id = ?::UUID "
                + "AND created_at BETWEEN '2026-03-01' AND '2026-03-31 23:59:59'", website));
        assertThat(sessionData.getFirst().get("session_id") + " " + sessionData.getFirst().get("created_at"))
                .isEqualTo(sessionA + " 2026-03-04T10:07:00.000Z");
    }

    @Test
    void chunkBoundariesChangeNothing() throws IOException {
        Map<String, String> whole = rows("");
        server = server.restart(Map.of("EXPORT_CHUNK_ROWS", "2"));
        try {
            assertThat(rows("")).isEqualTo(whole);
        } finally {
            server = server.restart(Map.of("EXPORT_CHUNK_ROWS", ""));
        }
    }

    @Test
    void aRangeFromTheEpochReachesTheData() throws IOException {
        var res = server.http().send("GET", "/api/websites/" + website + "/export?startAt=0&endAt=4102444800000", null,
                server.adminToken(), Map.of("Accept", "application/zip"));
        assertThat(res.status()).isEqualTo(200);
        Map<String, String> files = unzip(res.bytes());
        assertThat(csv(files.get("website_event.csv"))).hasSize(10);
        assertThat(csv(files.get("event_data.csv"))).hasSize(15);
    }

    @Test
    void filtersNarrowEventsAndTheirData() throws IOException {
        Map<String, String> us = rows("&country=US");
        assertThat(csv(us.get("website_event.csv"))).hasSize(2);
        assertThat(csv(us.get("event_data.csv"))).hasSize(4);
        Map<String, String> signups = rows("&event=signup");
        assertThat(csv(signups.get("website_event.csv"))).hasSize(2);
        assertThat(csv(signups.get("event_data.csv"))).hasSize(13);
    }

    @Test
    void formulaTextIsQuoted() throws IOException {
        var res = rawExport(formulas, "");
        List<CSVRecord> rows = csv(unzip(res.bytes()).get("website_event.csv"));
        assertThat(rows.getFirst().get("page_title")).isEqualTo("'=HYPERLINK(\"http://x\")");
    }

    @Test
    void byDefaultItIsUmami31sJsonWithTheSummaryTables() throws IOException {
        JsonNode body = json("/export?" + MARCH);
        assertThat(body.size()).isEqualTo(1);
        Map<String, String> files = unzip(Base64.getDecoder().decode(body.get("zip").asText()));
        assertThat(files.keySet()).containsExactly("events.csv", "pages.csv", "referrers.csv", "browsers.csv", "os.csv",
                "devices.csv", "countries.csv");
        assertThat(files.get("events.csv")).isEqualTo("x,y\r\nsignup,2\r\ndownload,1\r\n");
        assertThat(files.get("pages.csv")).isEqualTo("x,y\r\n/,3\r\n/docs,1\r\n/pricing,1\r\n");
        assertThat(files.get("referrers.csv")).isEmpty();
        assertThat(files.get("browsers.csv")).isEqualTo("x,y\r\nchrome,1\r\nfirefox,1\r\nios,1\r\n");
        assertThat(files.get("countries.csv")).isEqualTo("x,y\r\nDE,2\r\nUS,1\r\n");
    }

    @Test
    void aRangeIsRequiredAndStrangersGet401() {
        assertThat(get("/export").status()).isEqualTo(400);
        assertThat(get("/export?startAt=1&endAt=nope").status()).isEqualTo(400);
        assertThat(server.http().get("/api/websites/" + website + "/export?" + MARCH, null).status()).isEqualTo(401);
        server.createUser("exporter", "exporter-pass", "user");
        String stranger = server.login("exporter", "exporter-pass");
        var res = server.http().send("GET", "/api/websites/" + website + "/export?" + MARCH, null, stranger, Map.of("Accept", "application/zip"));
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.json().at("/error/code").asText()).isEqualTo("unauthorized");
    }
}
