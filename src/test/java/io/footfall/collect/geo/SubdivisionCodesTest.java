package io.footfall.collect.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubdivisionCodesTest {

    private final SubdivisionCodes codes = SubdivisionCodes.instance();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            US | California       | US-CA
            GB | England          | GB-ENG
            DE | Berlin           | DE-BE
            DE | Bavaria          | DE-BY
            DE | Bayern           | DE-BY
            FR | Île-de-France    | FR-IDF
            FR | Ile-de-France    | FR-IDF
            JP | Tokyo            | JP-13
            BR | São Paulo        | BR-SP
            BR | Sao Paulo        | BR-SP
            CA | Ontario          | CA-ON
            AU | New South Wales  | AU-NSW
            IN | Maharashtra      | IN-MH
            DE | Rheinland-Pfalz  | DE-RP
            NL | North Holland    | NL-NH
            IE | Leinster         | IE-L
            us | california       | US-CA
            HR | City of Zagreb   | HR-21
            HR | Zagreb           | HR-21
            HR | Zagreb County    | HR-01
            HR | County of Zagreb | HR-01
            KZ | Almaty           | KZ-75
            KZ | Almaty Region    | KZ-19
            RU | Moscow           | RU-MOW
            RU | Moscow Oblast    | RU-MOS
            SI | Urban Municipality of Maribor | SI-070
            SK | Zilina Region    | SK-ZI
            FI | Tampere          | FI-11
            """)
    void mapsNames(String country, String name, String code) {
        assertThat(codes.code(country, name)).isEqualTo(code);
    }

    @Test
    void unknownOrMissing() {
        assertThat(codes.code("US", "Atlantis")).isNull();
        assertThat(codes.code("US", null)).isNull();
        assertThat(codes.code(null, "California")).isNull();
        assertThat(codes.code("US", " ")).isNull();
    }

    @Test
    void territoriesWithoutIsoSubdivisionsHaveNoRegion() {
        assertThat(codes.code("PR", "San Juan")).isNull();
        assertThat(codes.code("HK", "Central and Western District")).isNull();
        assertThat(codes.code("IM", "Douglas")).isNull();
    }

    @Test
    void coverageCountsOverallAndMappablePairs() {
        var r = SubdivisionCoverage.measure(java.util.Map.of(
                "DE\tBavaria", 10L, "DE\tAtlantis", 1L, "PR\tSan Juan", 5L));
        assertThat(r.pairs()).isEqualTo(3);
        assertThat(r.mapped()).isEqualTo(1);
        assertThat(r.mappablePairs()).isEqualTo(2);
        assertThat(r.shareMappable()).isEqualTo(50.0);
        assertThat(r.shareNetworks()).isCloseTo(100.0 * 10 / 11, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.missing()).containsOnlyKeys("DE\tAtlantis");
        assertThat(SubdivisionCoverage.report(r)).contains("overall:  1 of 3", "mappable: 1 of 2 pairs = 50.00 %");
    }

    @Test
    void normalizationIgnoresCaseAccentsAndKindWords() {
        assertThat(codes.normalize("Province of Île-de-France")).isEqualTo("ile france");
        assertThat(codes.normalize("Moscow Oblast")).isEqualTo("moscow");
    }
}
