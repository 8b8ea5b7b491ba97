package dev.veto.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Request ids: the caller's if given, else unique and time-ordered (the audit trail indexes them). */
class RequestBuilderTest {

    @Test
    void aCallersIdIsKept() {
        assertThat(RequestBuilder.text("hello").id("trace-42").build().id()).isEqualTo("trace-42");
    }

    @Test
    void generatedIdsAreVersionSevenUuidsThatSortByTime() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(RequestBuilder.text("hello").build().id());
            Thread.sleep(2); // a later millisecond: the leading 48 bits are the time
        }
        ids.forEach(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void generatedIdsAreUniqueAcrossThreads() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> ids.add(RequestBuilder.text("hello").build().id()));
        assertThat(ids).hasSize(20_000);
    }
}
