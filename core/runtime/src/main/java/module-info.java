/**
 * The Veto host runtime: plugin discovery (PF4J), wiring (Guice), configuration (Typesafe Config), the
 * chain, the policy gate and the decision trace. Embeddable: it has no HTTP server and no CLI.
 */
module dev.veto.core {
    requires transitive dev.veto.spi;
    requires transitive typesafe.config;
    requires org.pf4j;
    requires com.google.guice;
    requires jakarta.inject;
    requires org.slf4j;
    requires com.ibm.icu;
    requires com.github.pemistahl.lingua;
    requires com.github.benmanes.caffeine;
    requires com.fasterxml.uuid;
    requires transitive micrometer.core;

    exports dev.veto.core;
    exports dev.veto.core.audit;
    exports dev.veto.core.config;
    exports dev.veto.core.install;
    exports dev.veto.core.policy;
    exports dev.veto.core.privacy;
    exports dev.veto.core.trace;

    // Guice constructs the host's services reflectively.
    opens dev.veto.core.audit to com.google.guice;
    opens dev.veto.core.chain to com.google.guice;
    opens dev.veto.core.normalize to com.google.guice;
    opens dev.veto.core.language to com.google.guice;
    opens dev.veto.core.policy to com.google.guice;
    opens dev.veto.core.respond to com.google.guice;
}
