package dev.veto.cli.eval;

import dev.veto.core.Decision;
import dev.veto.core.InvalidRequestException;
import dev.veto.core.RequestBuilder;
import dev.veto.core.Veto;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/** Checks prompts on a host from several threads, keeping the input order and timing each check. */
final class EvalRunner {

    private final Veto veto;
    private final int threads;
    private final boolean localeFromData;
    private final UnaryOperator<RequestBuilder> context;

    /**
     * @param localeFromData pass each row's language as the request's locale (as a client that knows the
     *                       user's UI language would); otherwise the host must find the language itself
     * @param context        sets every request's context (tenant, jurisdiction, role…)
     */
    EvalRunner(Veto veto, int threads, boolean localeFromData, UnaryOperator<RequestBuilder> context) {
        this.veto = veto;
        this.threads = threads;
        this.localeFromData = localeFromData;
        this.context = context;
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
            RequestBuilder request = prompt.context().applyTo(context.apply(RowHistory.request(prompt.history(), prompt.prompt())));
            if (localeFromData && !prompt.lang().equals("und") && !prompt.context().setsLocale()) {
                request.locale(prompt.lang());
            }
            Decision decision = veto.check(request.build());
            return new Outcome(prompt, decision.verdict().name(), decision.categories(), decision.rule(),
                    (System.nanoTime() - start) / 1_000);
        } catch (InvalidRequestException e) {
            return new Outcome(prompt, "ERROR", List.of(), e.getMessage(), (System.nanoTime() - start) / 1_000);
        }
    }
}
