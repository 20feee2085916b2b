-- Dossiers of a PostgreSQL store as hostrun's canonical CSV (docs/canonical-csv.md), times as
-- local ISO 8601, as Benchmarks/import/canonical-export.sql does for an SQLite file: those the
-- condition :where selects, in id order.
\set ON_ERROR_STOP 1
COPY (
    SELECT code, source, procedure_code, procedure_name, field, department, channel, fully_online::int,
           to_char(to_timestamp(received_at / 1000.0) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS') AS received_at,
           to_char(to_timestamp(due_at / 1000.0) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS') AS due_at,
           status,
           to_char(to_timestamp(finished_at / 1000.0) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS') AS finished_at,
           digitised::int, data_reused::int, fee_payable::int, paid_online::int,
           applicant_name, applicant_id, applicant_phone
    FROM dossiers WHERE :where ORDER BY id
) TO STDOUT WITH (FORMAT csv, HEADER);
