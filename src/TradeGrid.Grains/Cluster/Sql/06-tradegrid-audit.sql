-- TradeGrid's own table: the audit of writes with the PostgreSQL backend, one row per call that began a write
-- (committed or not), readable with plain SQL. Written by Audit/PostgresAuditTable.cs; economies is a JSON array of
-- {"economy", "before", "after"} data versions.
CREATE TABLE IF NOT EXISTS tradegrid_audit (
    id bigserial NOT NULL PRIMARY KEY,
    at timestamptz NOT NULL,
    caller varchar(200) NOT NULL,
    role varchar(20) NOT NULL,
    rpc varchar(200) NOT NULL,
    summary text NOT NULL,
    outcome varchar(20) NOT NULL,
    write_id uuid NOT NULL,
    status varchar(40) NOT NULL,
    economies jsonb NOT NULL);

CREATE INDEX IF NOT EXISTS tradegrid_audit_by_caller ON tradegrid_audit (caller, id);
