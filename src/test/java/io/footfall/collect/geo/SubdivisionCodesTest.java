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
    void normalizationIgnoresCaseAccentsAndKindWords() {
        assertThat(codes.normalize("Province of Île-de-France")).isEqualTo("ile france");
        assertThat(codes.normalize("Moscow Oblast")).isEqualTo("moscow");
    }
}
