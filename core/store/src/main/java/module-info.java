/**
 * Veto's shared state: the durable audit trail and the human review queue, in an embedded SQLite file by
 * default or in PostgreSQL when several hosts run together. Flyway migrates the schema; HikariCP pools.
 */
module dev.veto.store {
    requires transitive dev.veto.core;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires com.fasterxml.uuid;
    requires flyway.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires java.net.http;
    // the JDBC drivers are found through java.sql.Driver services; named so the module path resolves them
    requires org.xerial.sqlitejdbc;
    requires org.postgresql.jdbc;
    requires flyway.database.postgresql;

    exports dev.veto.store;
    exports dev.veto.store.audit;
    exports dev.veto.store.review;
    exports dev.veto.store.reviewer;
}
