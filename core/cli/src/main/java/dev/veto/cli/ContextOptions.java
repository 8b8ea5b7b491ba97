package dev.veto.cli;

import dev.veto.core.RequestBuilder;
import dev.veto.cli.eval.RowContext;
import dev.veto.spi.request.Modality;
import picocli.CommandLine.Option;

/** The request context of a single check, from the command line. */
final class ContextOptions {

    @Option(names = "--tenant", description = "Tenant the request belongs to.")
    String tenant;

    @Option(names = "--user", description = "End user's id (hashed before it is recorded).")
    String user;

    @Option(names = "--role", description = "End user's role, e.g. member, clinician.")
    String role;

    @Option(names = "--locale", description = "User's locale as a BCP 47 tag, e.g. en, de-CH.")
    String locale;

    @Option(names = "--jurisdiction", description = "Where the request is served, e.g. DE, EU.")
    String jurisdiction;

    @Option(names = "--channel", description = "Surface the request came through, e.g. chat, ide, api.")
    String channel;

    @Option(names = "--purpose", description = "Declared purpose, e.g. education.")
    String purpose;

    @Option(names = "--modality", description = "text, code, image-prompt or audio-transcript. Default: text.")
    String modality;

    RequestBuilder applyTo(RequestBuilder builder) {
        builder.tenant(tenant).userId(user).userRole(role).jurisdiction(jurisdiction).channel(channel)
                .purpose(purpose).locale(locale);
        if (modality != null) {
            builder.modality(parseModality(modality));
        }
        return builder;
    }

    static Modality parseModality(String value) {
        try {
            return RowContext.parseModality(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
