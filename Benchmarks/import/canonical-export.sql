-- A store's dossiers as hostrun's canonical CSV (docs/canonical-csv.md), times as local ISO 8601,
-- with the optional centre column (empty where the store names none).
.headers on
.mode csv
SELECT code, source, procedure_code, procedure_name, field, department, channel, fully_online,
       strftime('%Y-%m-%dT%H:%M:%S', received_at / 1000, 'unixepoch', '+7 hours') AS received_at,
       strftime('%Y-%m-%dT%H:%M:%S', due_at / 1000, 'unixepoch', '+7 hours') AS due_at,
       status,
       strftime('%Y-%m-%dT%H:%M:%S', finished_at / 1000, 'unixepoch', '+7 hours') AS finished_at,
       digitised, data_reused, fee_payable, paid_online, applicant_name, applicant_id, applicant_phone,
       NULLIF(centre, '') AS centre
FROM dossiers ORDER BY id;
