/** The {@code veto} command line. */
module dev.veto.cli {
    requires dev.veto.core;
    requires dev.veto.server;
    requires dev.veto.store;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires com.fasterxml.jackson.databind;
    requires com.google.common;
    requires org.slf4j;
    requires ch.qos.logback.classic;

    // picocli binds options reflectively
    opens dev.veto.cli to info.picocli;
    // summary.json is written by Jackson from records
    opens dev.veto.cli.eval to com.fasterxml.jackson.databind;
}
