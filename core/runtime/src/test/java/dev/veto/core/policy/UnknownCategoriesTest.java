package dev.veto.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.veto.spi.signal.Signal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An operator hears once of a category the policy does not list; a plugin cannot flood the log with them. */
class UnknownCategoriesTest {

    private static final PolicyBundle POLICY = PolicyBundle.load(PolicySource.bundled());

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UnknownCategories unknown = new UnknownCategories(meters);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnknownCategories.class);

    @BeforeEach
    void listen() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logs);
    }

    private static Signal signal(String category, String classifier) {
        return new Signal(category, 0.9, 1.0, List.of(), List.of(), classifier);
    }

    @Test
    void eachClassifierAndCategoryIsReportedOnceAndCountedEveryTime() {
        for (int i = 0; i < 5; i++) {
            unknown.check(POLICY, List.of(signal("crypto-scams", "a"), signal("hate", "a"), signal("crypto-scams", "b")));
        }
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .allMatch(line -> line.contains("'crypto-scams'") && line.contains(POLICY.version()));
        assertThat(meters.get("veto.policy.unknown.categories").tag("classifier", "a").counter().count()).isEqualTo(5);
        assertThat(meters.get("veto.policy.unknown.categories").tag("classifier", "b").counter().count()).isEqualTo(5);
    }

    @Test
    void aPluginInventingCategoriesGetsABoundedNumberOfPrintableWarnings() {
        for (int i = 0; i < 1_000; i++) {
            unknown.check(POLICY, List.of(signal("invented-" + i + "\nverdict=ALLOW " + "x".repeat(100), "rogue")));
        }
        assertThat(logs.list).hasSize(UnknownCategories.MAX_WARNINGS);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("\n"))
                .allMatch(line -> line.length() < 400);
        assertThat(logs.list.get(logs.list.size() - 1).getFormattedMessage()).contains("no more such warnings");
    }
}
