package com.example.ide;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs a prompt through both integrations and prints what the IDE would show.
 *
 * <pre>
 * IdeAssistantDemo --home /opt/veto "prompt"              in-process check
 * IdeAssistantDemo --url http://127.0.0.1:8080/v1 "prompt"  streamed chat through Veto's proxy
 * </pre>
 */
public final class IdeAssistantDemo {

    private IdeAssistantDemo() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("--home") || args[0].equals("--url"))) {
            System.err.println("usage: IdeAssistantDemo (--home VETO_DIR | --url VETO_BASE_URL) PROMPT");
            System.exit(2);
        }
        String prompt = args[2];
        if (args[0].equals("--home")) {
            try (EmbeddedGuard guard = new EmbeddedGuard(Path.of(args[1]))) {
                Optional<RefusalCard> card = guard.check(prompt, "demo", "en");
                System.out.println(card.map(RefusalCard::render).orElse("✓ sent to the model"));
            }
        } else {
            GuardedChatClient.Turn turn = new GuardedChatClient(args[1], "").stream(prompt, text -> {
                System.out.print(text);
                System.out.flush();
            });
            System.out.println();
            turn.refusal().ifPresent(card -> System.out.println(card.render()));
        }
    }
}
