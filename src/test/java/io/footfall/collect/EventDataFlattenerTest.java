package io.footfall.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.event.DataField;
import io.footfall.event.DataType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventDataFlattenerTest {
    static List<DataField> flatten(String json) throws Exception {
        return EventDataFlattener.flatten(new ObjectMapper().readTree(json));
    }

    @Test
    void typesAsUmami() throws Exception {
        var f = flatten("{\"s\":\"x\",\"n\":3.14159,\"i\":7,\"b\":false,\"d\":\"2026-01-02T03:04:05.678Z\",\"day\":\"2026-01-02\",\"a\":[\"x\",1],\"o\":{\"p\":{\"q\":1}}}");
        assertThat(f).extracting(DataField::key).containsExactly("s", "n", "i", "b", "d", "day", "a", "o.p.q");
        assertThat(f).extracting(DataField::dataType).containsExactly(DataType.STRING, DataType.NUMBER, DataType.NUMBER,
                DataType.BOOLEAN, DataType.DATE, DataType.DATE, DataType.ARRAY, DataType.NUMBER);
        assertThat(f.get(1).stringValue()).isEqualTo("3.1416");
        assertThat(f.get(2).numberValue()).isEqualByComparingTo("7");
        assertThat(f.get(3).stringValue()).isEqualTo("false");
        assertThat(f.get(4).dateValue()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
        assertThat(f.get(5).dateValue()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(f.get(6).stringValue()).isEqualTo("[\"x\",1]");
    }

    @Test
    void notDatesStayStrings() throws Exception {
        var f = flatten("{\"a\":\"2026-13-45\",\"b\":\"v2026-01-01\",\"c\":\"12345\"}");
        assertThat(f).extracting(DataField::dataType).containsOnly(DataType.STRING);
    }

    @Test
    void hugeNumbersDoNotBreakTheHit() throws Exception {
        var f = flatten("{\"big\":1e30}");
        assertThat(f.getFirst().dataType()).isEqualTo(DataType.STRING);
    }

    @Test
    void nullsAndNonObjectsAreIgnored() throws Exception {
        assertThat(flatten("{\"x\":null}")).isEmpty();
        assertThat(flatten("[1,2]")).isEmpty();
        assertThat(EventDataFlattener.flatten(null)).isEmpty();
    }
}
