-- Veto's shared state: the audit trail and the human review queue.
-- Portable SQL (SQLite and PostgreSQL): times are epoch milliseconds, lists and signals are JSON text.

CREATE TABLE audit_record (
    record_id      VARCHAR(36)  PRIMARY KEY,
    request_id     VARCHAR(200) NOT NULL,
    decided_at     BIGINT       NOT NULL,
    host           VARCHAR(200) NOT NULL,
    tenant         VARCHAR(200) NOT NULL,
    user_hash      VARCHAR(64)  NOT NULL,
    channel        VARCHAR(200) NOT NULL,
    language       VARCHAR(16)  NOT NULL,
    verdict        VARCHAR(16)  NOT NULL,
    category       VARCHAR(100) NOT NULL,
    categories     TEXT         NOT NULL,
    rule_id        VARCHAR(300) NOT NULL,
    policy_version VARCHAR(200) NOT NULL,
    text_handling  VARCHAR(16)  NOT NULL,
    prompt         TEXT         NOT NULL,
    signals        TEXT         NOT NULL,
    stages         TEXT         NOT NULL,
    latency_us     BIGINT       NOT NULL,
    case_id        VARCHAR(64)
);
CREATE INDEX audit_record_time ON audit_record (decided_at);
CREATE INDEX audit_record_tenant_time ON audit_record (tenant, decided_at);

CREATE TABLE review_case (
    case_id          VARCHAR(64)  PRIMARY KEY,
    tenant           VARCHAR(200) NOT NULL,
    request_id       VARCHAR(200) NOT NULL,
    created_at       BIGINT       NOT NULL,
    due_at           BIGINT       NOT NULL,
    priority         INTEGER      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    language         VARCHAR(16)  NOT NULL,
    text_handling    VARCHAR(16)  NOT NULL,
    prompt           TEXT         NOT NULL,
    context          TEXT         NOT NULL,
    signals          TEXT         NOT NULL,
    verdict_rule     VARCHAR(300) NOT NULL,
    categories       TEXT         NOT NULL,
    rationale        TEXT         NOT NULL,
    policy_version   VARCHAR(200) NOT NULL,
    on_expiry        VARCHAR(16)  NOT NULL,
    reviewer         VARCHAR(200),
    lease_until      BIGINT,
    response         TEXT,
    note             TEXT,
    resolved_at      BIGINT,
    resolved_by      VARCHAR(200),
    callback_url     TEXT,
    callback_state   VARCHAR(16)  NOT NULL,
    callback_attempts INTEGER     NOT NULL,
    callback_next_at BIGINT,
    version          INTEGER      NOT NULL
);
CREATE INDEX review_case_queue ON review_case (status, priority, created_at);
CREATE INDEX review_case_tenant ON review_case (tenant, status);
CREATE INDEX review_case_due ON review_case (status, due_at);
CREATE INDEX review_case_callback ON review_case (callback_state, callback_next_at);

CREATE TABLE review_event (
    event_id VARCHAR(36)  PRIMARY KEY,
    case_id  VARCHAR(64)  NOT NULL,
    at       BIGINT       NOT NULL,
    actor    VARCHAR(200) NOT NULL,
    action   VARCHAR(32)  NOT NULL,
    note     TEXT         NOT NULL
);
CREATE INDEX review_event_case ON review_event (case_id, at);

CREATE TABLE reviewer_session (
    token_hash VARCHAR(64)  PRIMARY KEY,
    reviewer   VARCHAR(200) NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL
);
CREATE INDEX reviewer_session_expiry ON reviewer_session (expires_at);
