package dev.veto.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.spi.generator.FinishReason;
import dev.veto.spi.generator.Generation;
import dev.veto.spi.generator.GenerationRequest;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.GeneratorFactory;
import dev.veto.spi.request.Request;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Generator}: answers every prompt, streams deltas that add up to the answer,
 * stops when the host's sink declines more text, and keeps all of it under concurrent calls. A generator
 * that talks to a model is tested against a local stub of that model, set up in {@link #settings()}.
 */
public abstract class GeneratorContract extends ComponentContract<GeneratorFactory, Generator> {

    /** Creates the contract; JUnit calls it through the plugin's subclass. */
    protected GeneratorContract() {
    }

    /**
     * Prompts the generator answers in the tests.
     *
     * @return the prompts
     */
    protected List<String> samplePrompts() {
        return List.of("Say hello.", "Summarise the water cycle in one sentence.", "¿Qué hora es en Tokio?");
    }

    /**
     * The generation request for one prompt.
     *
     * @param prompt the user's message
     * @return a request with no constraints and no grounding, at most 256 tokens
     */
    protected GenerationRequest request(String prompt) {
        Request request = Requests.of(prompt.isEmpty() ? " " : prompt);
        return new GenerationRequest(request, request.conversation(), Set.of(), List.of(), 256);
    }

    @Override
    protected void exercise(Generator instance) throws Exception {
        for (String prompt : samplePrompts()) {
            instance.generate(request(prompt));
            instance.stream(request(prompt), delta -> true);
        }
    }

    /**
     * Every prompt gets a generation with text and a finish reason.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void answersEveryPrompt() throws Exception {
        for (String prompt : samplePrompts()) {
            Generation generation = withinDeadline("generate", () -> component.generate(request(prompt)));
            checkGeneration(prompt, generation);
        }
    }

    /**
     * The deltas a stream delivers, joined, are the text of the generation it returns.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void streamedDeltasAddUpToTheGeneration() throws Exception {
        for (String prompt : samplePrompts()) {
            List<String> deltas = Collections.synchronizedList(new ArrayList<>());
            Generation generation = withinDeadline("stream", () -> component.stream(request(prompt), delta -> {
                assertNotNull(delta, "stream delivered a null delta");
                deltas.add(delta);
                return true;
            }));
            checkGeneration(prompt, generation);
            assertEquals(generation.text(), String.join("", deltas),
                    "the streamed deltas do not add up to the generation's text for \"" + prompt + '"');
            if (capabilities().contains(Capability.STREAMS_INCREMENTALLY)) {
                assertTrue(deltas.size() > 1, "claims STREAMS_INCREMENTALLY but delivered \"" + prompt
                        + "\" in " + deltas.size() + " delta(s)");
            }
        }
    }

    /**
     * When the sink declines more text (the client left, or moderation stopped it), the stream stops.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void streamingStopsWhenTheSinkDeclines() throws Exception {
        for (String prompt : samplePrompts()) {
            AtomicInteger afterDecline = new AtomicInteger(-1);
            Generation generation = withinDeadline("stream", () -> component.stream(request(prompt), delta -> {
                afterDecline.incrementAndGet();
                return false;
            }));
            assertNotNull(generation, "stream returned null");
            if (afterDecline.get() >= 0) {
                assertEquals(0, afterDecline.get(), "deltas kept arriving after the sink returned false");
                assertEquals(FinishReason.CANCELLED, generation.finishReason(),
                        "a stream the sink stopped must finish CANCELLED");
            }
        }
    }

    /**
     * Odd text in the conversation never makes the generator throw.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void oddInputNeverThrows() throws Exception {
        for (Map.Entry<String, String> odd : OddInputs.all().entrySet()) {
            Generation generation = withinDeadline("generate(" + odd.getKey() + ")", () -> component.generate(request(odd.getValue())));
            assertNotNull(generation, "generate(" + odd.getKey() + ") returned null");
        }
    }

    /**
     * Many threads generating and streaming at once all get complete answers.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void isSafeUnderConcurrentCalls() throws Exception {
        List<Callable<Generation>> calls = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (String prompt : samplePrompts()) {
                prompts.add(prompt);
                calls.add(() -> component.generate(request(prompt)));
                prompts.add(prompt);
                calls.add(() -> component.stream(request(prompt), delta -> true));
            }
        }
        List<Generation> results = concurrently(calls);
        for (int i = 0; i < results.size(); i++) {
            checkGeneration(prompts.get(i), results.get(i));
        }
    }

    private static void checkGeneration(String prompt, Generation generation) {
        assertNotNull(generation, "no generation for \"" + prompt + '"');
        assertTrue(generation.finishReason() != FinishReason.CANCELLED,
                "a generation nobody cancelled finished CANCELLED for \"" + prompt + '"');
    }
}
