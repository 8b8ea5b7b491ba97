-- `veto audit --request ID` looks a decision up by the trace id its user was shown: without an index that
-- reads the whole audit trail.
CREATE INDEX audit_record_request ON audit_record (request_id);
