package dev.veto.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.retriever.Passage;
import dev.veto.spi.retriever.RetrievalQuery;
import dev.veto.spi.retriever.Retriever;
import dev.veto.spi.retriever.RetrieverFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The contract of a {@link Retriever}: never more passages than asked, any text, any number of threads. */
public abstract class RetrieverContract extends ComponentContract<RetrieverFactory, Retriever> {

    /** Creates the contract; JUnit calls it through the plugin's subclass. */
    protected RetrieverContract() {
    }

    /**
     * Queries the retriever answers in the tests; include ones its corpus matches.
     *
     * @return query texts
     */
    protected List<String> sampleQueries() {
        return List.of("How do I store household chemicals safely?", "crisis hotline", "password reset");
    }

    /**
     * The query for one text.
     *
     * @param text  the query text
     * @param limit the most passages wanted
     * @return a query under an ALLOW ruling
     */
    protected RetrievalQuery query(String text, int limit) {
        Ruling ruling = new Ruling(Verdict.ALLOW, Set.of(), "contract", List.of(), "", "contract@1", List.of());
        return new RetrievalQuery(text, Requests.of(text.isEmpty() ? " " : text), ruling, limit);
    }

    @Override
    protected void exercise(Retriever instance) throws Exception {
        for (String text : sampleQueries()) {
            instance.retrieve(query(text, 3));
        }
    }

    /**
     * No more passages than the limit, none null, none empty.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void returnsAtMostTheLimit() throws Exception {
        for (String text : sampleQueries()) {
            for (int limit : new int[] {1, 3}) {
                List<Passage> passages = withinDeadline("retrieve", () -> component.retrieve(query(text, limit)));
                checkPassages(text, limit, passages);
            }
        }
    }

    /**
     * Odd query text never makes the retriever throw.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void oddInputNeverThrows() throws Exception {
        for (Map.Entry<String, String> odd : OddInputs.all().entrySet()) {
            checkPassages(odd.getKey(), 3, withinDeadline("retrieve(" + odd.getKey() + ")",
                    () -> component.retrieve(query(odd.getValue(), 3))));
        }
    }

    /**
     * With {@link Capability#DETERMINISTIC}: the same query gives the same passages.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void theSameQueryGivesTheSamePassages() throws Exception {
        Assumptions.assumeTrue(capabilities().contains(Capability.DETERMINISTIC), "does not claim DETERMINISTIC");
        for (String text : sampleQueries()) {
            assertEquals(component.retrieve(query(text, 3)), component.retrieve(query(text, 3)),
                    "different passages for the same query \"" + text + '"');
        }
    }

    /**
     * Many threads retrieving at once never fail.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void isSafeUnderConcurrentCalls() throws Exception {
        List<Callable<List<Passage>>> calls = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            sampleQueries().forEach(text -> calls.add(() -> component.retrieve(query(text, 3))));
        }
        concurrently(calls).forEach(passages -> checkPassages("concurrent call", 3, passages));
    }

    private static void checkPassages(String what, int limit, List<Passage> passages) {
        assertNotNull(passages, "retrieve(" + what + ") returned null; return an empty list when nothing matches");
        assertTrue(passages.size() <= limit, "retrieve(" + what + ") returned " + passages.size() + " passages for limit " + limit);
        passages.forEach(p -> assertNotNull(p, "retrieve(" + what + ") returned a null passage"));
    }
}
