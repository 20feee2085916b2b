-- The figures of a reporting period, written by hand for psql: the baseline that
-- `pg-bench figures` and `pg-bench rollup` are measured against. Run with :from and :to set to
-- 'yyyy-MM-dd', and :centre for one centre's line (as `pg-bench figures`); without :centre it
-- prints one line per centre, then the total (as `pg-bench rollup`). Instants are milliseconds
-- since 1970 UTC; *_day columns are the centre's local days (Asia/Ho_Chi_Minh) since 1970-01-01.
CREATE TEMP VIEW cells AS
WITH bounds AS (
    SELECT (extract(epoch FROM (:'from'::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') * 1000)::bigint AS start_ms,
           (extract(epoch FROM (:'to'::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') * 1000)::bigint AS end_ms,
           :'to'::date - date '1970-01-01' AS to_day)
SELECT d.centre,
       CASE WHEN d.received_at < b.start_ms THEN 'carried_over' ELSE d.channel END AS intake,
       CASE
         WHEN d.finished_at < b.end_ms THEN
           CASE WHEN d.status IN ('refused', 'withdrawn') THEN d.status
                WHEN d.due_day IS NULL OR d.finished_day = d.due_day THEN 'on_time'
                WHEN d.finished_day < d.due_day THEN 'early'
                ELSE 'late' END
         ELSE
           -- Still open at the end: its status then, from the history (current one if none).
           CASE COALESCE((SELECT h.status FROM status_history h
                          WHERE h.dossier_id = d.id AND h.at < b.end_ms
                          ORDER BY h.at DESC, h.id DESC LIMIT 1),
                         CASE WHEN EXISTS (SELECT 1 FROM status_history h WHERE h.dossier_id = d.id)
                              THEN 'received' ELSE d.status END)
             WHEN 'supplement_requested' THEN 'supplement_requested'
             WHEN 'awaiting_payment' THEN 'awaiting_payment'
             ELSE CASE WHEN d.due_day IS NULL OR d.due_day >= b.to_day THEN 'within_limit'
                       ELSE 'overdue' END
           END
       END AS outcome,
       d.digitised, d.data_reused, d.fully_online, d.fee_payable, d.paid_online, d.apology_due_at
FROM dossiers d, bounds b
WHERE d.is_primary AND d.received_at < b.end_ms
  AND (d.received_at >= b.start_ms OR d.finished_at IS NULL OR d.finished_at >= b.start_ms);

\if :{?centre}
SELECT :'centre',
       count(*),
       count(*) FILTER (WHERE intake = 'carried_over'), count(*) FILTER (WHERE intake = 'online'),
       count(*) FILTER (WHERE intake = 'in_person'), count(*) FILTER (WHERE intake = 'postal'),
       count(*) FILTER (WHERE outcome IN ('early', 'on_time', 'late', 'refused', 'withdrawn')),
       count(*) FILTER (WHERE outcome = 'early'), count(*) FILTER (WHERE outcome = 'on_time'),
       count(*) FILTER (WHERE outcome = 'late'), count(*) FILTER (WHERE outcome = 'refused'),
       count(*) FILTER (WHERE outcome = 'withdrawn'),
       count(*) FILTER (WHERE outcome IN ('within_limit', 'overdue', 'supplement_requested', 'awaiting_payment')),
       count(*) FILTER (WHERE outcome = 'within_limit'), count(*) FILTER (WHERE outcome = 'overdue'),
       count(*) FILTER (WHERE outcome = 'supplement_requested'),
       count(*) FILTER (WHERE outcome = 'awaiting_payment'),
       count(*) FILTER (WHERE intake = 'online' AND digitised),
       count(*) FILTER (WHERE intake = 'online' AND data_reused),
       count(*) FILTER (WHERE intake = 'online' AND fully_online),
       count(*) FILTER (WHERE intake = 'online' AND fee_payable),
       count(*) FILTER (WHERE intake = 'online' AND fee_payable AND paid_online),
       count(*) FILTER (WHERE intake <> 'carried_over' AND digitised),
       count(*) FILTER (WHERE intake <> 'carried_over' AND data_reused),
       count(*) FILTER (WHERE intake <> 'carried_over' AND fee_payable),
       count(*) FILTER (WHERE intake <> 'carried_over' AND fee_payable AND paid_online),
       count(*) FILTER (WHERE apology_due_at IS NOT NULL)
FROM cells WHERE centre = :'centre';
\else
SELECT coalesce(centre, 'total'),
       count(*),
       count(*) FILTER (WHERE intake = 'carried_over'), count(*) FILTER (WHERE intake = 'online'),
       count(*) FILTER (WHERE intake = 'in_person'), count(*) FILTER (WHERE intake = 'postal'),
       count(*) FILTER (WHERE outcome IN ('early', 'on_time', 'late', 'refused', 'withdrawn')),
       count(*) FILTER (WHERE outcome = 'early'), count(*) FILTER (WHERE outcome = 'on_time'),
       count(*) FILTER (WHERE outcome = 'late'), count(*) FILTER (WHERE outcome = 'refused'),
       count(*) FILTER (WHERE outcome = 'withdrawn'),
       count(*) FILTER (WHERE outcome IN ('within_limit', 'overdue', 'supplement_requested', 'awaiting_payment')),
       count(*) FILTER (WHERE outcome = 'within_limit'), count(*) FILTER (WHERE outcome = 'overdue'),
       count(*) FILTER (WHERE outcome = 'supplement_requested'),
       count(*) FILTER (WHERE outcome = 'awaiting_payment'),
       count(*) FILTER (WHERE intake = 'online' AND digitised),
       count(*) FILTER (WHERE intake = 'online' AND data_reused),
       count(*) FILTER (WHERE intake = 'online' AND fully_online),
       count(*) FILTER (WHERE intake = 'online' AND fee_payable),
       count(*) FILTER (WHERE intake = 'online' AND fee_payable AND paid_online),
       count(*) FILTER (WHERE intake <> 'carried_over' AND digitised),
       count(*) FILTER (WHERE intake <> 'carried_over' AND data_reused),
       count(*) FILTER (WHERE intake <> 'carried_over' AND fee_payable),
       count(*) FILTER (WHERE intake <> 'carried_over' AND fee_payable AND paid_online),
       count(*) FILTER (WHERE apology_due_at IS NOT NULL)
FROM cells GROUP BY ROLLUP (centre) ORDER BY centre COLLATE "C" NULLS LAST;
\endif
