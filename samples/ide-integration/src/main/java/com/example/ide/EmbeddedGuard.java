package com.example.ide;

import dev.veto.core.Decision;
import dev.veto.core.Veto;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Veto in the IDE's own process: checks a prompt (and the code pasted with it) before the assistant sends
 * it anywhere. Starting the host loads the installation's plugins and policy once; a check then takes
 * microseconds, so it can run on every keystroke-debounced send.
 */
public final class EmbeddedGuard implements AutoCloseable {

    private final Veto veto;

    /**
     * Starts the embedded host on an installation (its {@code plugins/} and {@code conf/}).
     *
     * @param installation a Veto installation directory
     */
    public EmbeddedGuard(Path installation) {
        this.veto = Veto.builder().home(installation).build();
    }

    /**
     * Checks what the user is about to send.
     *
     * @param prompt   the user's message, with any code pasted into it
     * @param tenant   the IDE's tenant (organisation)
     * @param language the IDE's display language, e.g. {@code de}
     * @return the card to show instead of sending, or empty when the prompt may go to the model
     */
    public Optional<RefusalCard> check(String prompt, String tenant, String language) {
        Decision decision = veto.check(veto.request(prompt).tenant(tenant).channel("ide").modality(dev.veto.spi.request.Modality.CODE)
                .locale(language).build());
        return decision.verdict().blocks() ? Optional.of(RefusalCard.of(decision)) : Optional.empty();
    }

    @Override
    public void close() {
        veto.close();
    }
}
