-- Failed console logins per name, shared by every host: password guessing is throttled across a cluster,
-- not per host.
CREATE TABLE login_failure (
    name      VARCHAR(200) PRIMARY KEY,
    failures  INTEGER      NOT NULL,
    first_at  BIGINT       NOT NULL
);
CREATE INDEX login_failure_time ON login_failure (first_at);
