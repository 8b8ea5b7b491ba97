/** The Veto HTTP server: check endpoint, OpenAI-compatible guarded proxy, health and metrics. */
module dev.veto.server {
    requires transitive dev.veto.core;
    requires transitive dev.veto.store;
    requires io.javalin;
    requires org.eclipse.jetty.util;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.server;
    requires jakarta.servlet;
    requires com.fasterxml.jackson.databind;
    requires micrometer.core;
    requires transitive micrometer.registry.prometheus;
    requires org.slf4j;

    exports dev.veto.server;
    exports dev.veto.server.http;
    exports dev.veto.server.json;
    exports dev.veto.server.console;
}
