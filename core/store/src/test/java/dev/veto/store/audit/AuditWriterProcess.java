package dev.veto.store.audit;

import dev.veto.core.Decision;
import dev.veto.core.Veto;
import dev.veto.store.HostFixture;
import dev.veto.store.Store;
import dev.veto.store.Stores;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A host in its own process that checks requests as fast as it can and prints {@code ACK <request id>} each
 * time a decision is returned — that is, acknowledged. {@link HostKilledMidWriteTest} kills it with SIGKILL.
 */
public final class AuditWriterProcess {

    private AuditWriterProcess() {
    }

    public static void main(String[] args) {
        String url = args[0];
        Path home = Path.of(args[1]);
        try (Store store = Stores.open(url, home, Clock.systemUTC()); Veto veto = HostFixture.start(store, home)) {
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; ; i++) {
                Decision decision = veto.check(veto.request("request number " + i + " from jane.doe@example.com").build());
                System.out.println("ACK " + decision.requestId());
                System.out.flush();
            }
        }
    }
}
