package dev.veto.cli;

import dev.veto.store.Store;
import dev.veto.store.audit.AuditRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veto audit}: the most recent decisions of the audit trail, newest first — as a table, or one JSON
 * object a line for export ({@code --json}) — or the decision behind one trace id ({@code --request}), the id
 * a refusal shows its user. Reads the store the installation is configured with, also while a server is
 * writing to it.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Print the most recent decisions of the audit trail, newest first.",
                "With --json, one JSON object a line (for export to a SIEM or a spreadsheet).",
                "With --request, the decision behind one trace id (what a user quotes from a refusal)."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host = new HostOptions();

    @Option(names = "--json", description = "One JSON object a line instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N records (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "Only this tenant's decisions.")
    String tenant;

    @Option(names = "--request", paramLabel = "TRACE-ID",
            description = "Only the decision with this trace (request) id, in full: rule, rationale's signals, stages.")
    String requestId;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 1_000_000) {
            throw new UsageException("--limit must lie in [1, 1000000]");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = host.openStore(new SimpleMeterRegistry())) {
            if (requestId != null) {
                return printRequest(store, out);
            }
            List<AuditRecord> records = store.audit().recent(limit, Optional.ofNullable(tenant));
            for (AuditRecord record : records) {
                if (json) {
                    out.println(store.audit().jsonLine(record));
                } else {
                    out.printf("%s  %-9s %-10s %-28s %-14s %s%n", record.decidedAt(), record.verdict(), record.tenant(),
                            record.rule(), record.categories().isEmpty() ? "-" : String.join(",", record.categories()),
                            oneLine(record.prompt()));
                }
            }
            if (!json && records.isEmpty()) {
                out.println("No decisions recorded yet.");
            }
            out.flush();
            return 0;
        }
    }

    /** One request's records as JSON lines (a client may have reused the id: then more than one). */
    private int printRequest(Store store, PrintWriter out) {
        List<AuditRecord> records = store.audit().forRequest(requestId).stream()
                .filter(r -> tenant == null || r.tenant().equals(tenant)).toList();
        if (records.isEmpty()) { // like grep: nothing found is exit status 1, not a usage error
            spec.commandLine().getErr().println("veto: no decision with trace id '" + requestId + "' in the audit trail"
                    + (tenant == null ? "" : " of tenant " + tenant) + " (it may be older than the retention period)");
            return 1;
        }
        records.forEach(record -> out.println(store.audit().jsonLine(record)));
        out.flush();
        return 0;
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 80 ? flat : flat.substring(0, 79) + "…";
    }
}
