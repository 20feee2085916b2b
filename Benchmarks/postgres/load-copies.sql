-- Makes :copies centres of a store holding one ward (`hostrun demo` into a fresh database): the
-- ward becomes 'Phường 000', and copies 1…:copies-1 of its dossiers (codes suffixed -NN) and
-- their histories become 'Phường 001'…, with ids offset so that nothing is looked up. The
-- secondary indexes are dropped first and rebuilt after, as any bulk load does. The loading is
-- set-up, not what Benchmarks/postgres/scale.sh measures.
\set ON_ERROR_STOP 1
SET maintenance_work_mem = '512MB';
DROP INDEX dossiers_source, dossiers_received, dossiers_finished, dossiers_open_due,
           dossiers_centre_received, status_history_dossier;
UPDATE dossiers SET centre = 'Phường 000';
SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) AS cols
FROM information_schema.columns
WHERE table_name = 'dossiers' AND column_name NOT IN ('id', 'code', 'centre') \gset
INSERT INTO dossiers (id, code, centre, :cols)
SELECT d.id + k::bigint * 100000000, d.code || '-' || lpad(k::text, 2, '0'), 'Phường ' || lpad(k::text, 3, '0'), :cols
FROM dossiers d, generate_series(1, :copies - 1) AS g(k);
INSERT INTO status_history (id, dossier_id, status, at, actor, source, note, import_id)
SELECT h.id + k::bigint * 1000000000, h.dossier_id + k::bigint * 100000000, h.status, h.at, h.actor, h.source, h.note, h.import_id
FROM status_history h, generate_series(1, :copies - 1) AS g(k);
CREATE INDEX dossiers_source ON dossiers(source, code);
CREATE INDEX dossiers_received ON dossiers(received_day);
CREATE INDEX dossiers_finished ON dossiers(finished_day);
CREATE INDEX dossiers_open_due ON dossiers(due_day) WHERE finished_at IS NULL;
CREATE INDEX dossiers_centre_received ON dossiers(centre, received_at) WHERE is_primary;
CREATE INDEX status_history_dossier ON status_history(dossier_id, at);
SELECT setval('dossiers_id_seq', (SELECT max(id) FROM dossiers));
SELECT setval('status_history_id_seq', (SELECT max(id) FROM status_history));
VACUUM ANALYZE dossiers;
VACUUM ANALYZE status_history;
