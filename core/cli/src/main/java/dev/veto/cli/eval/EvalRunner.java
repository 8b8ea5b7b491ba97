package dev.veto.cli.eval;

import dev.veto.core.Decision;
import dev.veto.core.InvalidRequestException;
import dev.veto.core.Veto;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Checks prompts on a host from several threads, keeping the input order and timing each check. */
final class EvalRunner {

    private final Veto veto;
    private final int threads;
    private final boolean localeFromData;

    /**
     * @param localeFromData pass each row's language as the request's locale (as a client that knows the
     *                       user's UI language would); otherwise the host must find the language itself
     */
    EvalRunner(Veto veto, int threads, boolean localeFromData) {
        this.veto = veto;
        this.threads = threads;
        this.localeFromData = localeFromData;
    }

    List<Outcome> run(List<LabelledPrompt> prompts, Runnable onEach) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "veto-eval");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(prompts.size());
            for (LabelledPrompt prompt : prompts) {
                futures.add(pool.submit(() -> {
                    try {
                        return check(prompt);
                    } finally {
                        onEach.run();
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>(prompts.size());
            for (Future<Outcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome check(LabelledPrompt prompt) {
        long start = System.nanoTime();
        try {
            Decision decision = veto.check(veto.request(prompt.prompt())
                    .locale(localeFromData && !prompt.lang().equals("und") ? prompt.lang() : null)
                    .build());
            return new Outcome(prompt, decision.verdict().name(), decision.categories(), decision.rule(),
                    (System.nanoTime() - start) / 1_000);
        } catch (InvalidRequestException e) {
            return new Outcome(prompt, "ERROR", List.of(), e.getMessage(), (System.nanoTime() - start) / 1_000);
        }
    }
}
