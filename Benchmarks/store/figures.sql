-- The figures of a reporting period, written by hand for the sqlite3 shell: the baseline that
-- `store-bench figures` is measured against. Run with :from and :to set to 'yyyy-MM-dd'.
-- Instants are milliseconds since 1970 UTC; *_day columns are local days (UTC+7) since 1970.
-- Prints the total line, then one line per field, in the counter order of store-bench.
CREATE TEMP TABLE bounds AS
SELECT (unixepoch(:from) - 25200) * 1000 AS start_ms,
       (unixepoch(:to, '+1 day') - 25200) * 1000 AS end_ms,
       unixepoch(:to) / 86400 AS to_day;

CREATE TEMP VIEW cells AS
SELECT d.field,
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
WHERE d.is_primary = 1 AND d.received_at < b.end_ms
  AND (d.received_at >= b.start_ms OR d.finished_at IS NULL OR d.finished_at >= b.start_ms);

SELECT 'total',
       count(*),
       sum(intake = 'carried_over'), sum(intake = 'online'), sum(intake = 'in_person'), sum(intake = 'postal'),
       sum(outcome IN ('early', 'on_time', 'late', 'refused', 'withdrawn')),
       sum(outcome = 'early'), sum(outcome = 'on_time'), sum(outcome = 'late'),
       sum(outcome = 'refused'), sum(outcome = 'withdrawn'),
       sum(outcome IN ('within_limit', 'overdue', 'supplement_requested', 'awaiting_payment')),
       sum(outcome = 'within_limit'), sum(outcome = 'overdue'),
       sum(outcome = 'supplement_requested'), sum(outcome = 'awaiting_payment'),
       sum(intake = 'online' AND digitised), sum(intake = 'online' AND data_reused),
       sum(intake = 'online' AND fully_online), sum(intake = 'online' AND fee_payable),
       sum(intake = 'online' AND fee_payable AND paid_online),
       sum(intake <> 'carried_over' AND digitised), sum(intake <> 'carried_over' AND data_reused),
       sum(intake <> 'carried_over' AND fee_payable),
       sum(intake <> 'carried_over' AND fee_payable AND paid_online),
       sum(apology_due_at IS NOT NULL)
FROM cells;

SELECT field,
       count(*),
       sum(intake = 'carried_over'), sum(intake = 'online'), sum(intake = 'in_person'), sum(intake = 'postal'),
       sum(outcome IN ('early', 'on_time', 'late', 'refused', 'withdrawn')),
       sum(outcome = 'early'), sum(outcome = 'on_time'), sum(outcome = 'late'),
       sum(outcome = 'refused'), sum(outcome = 'withdrawn'),
       sum(outcome IN ('within_limit', 'overdue', 'supplement_requested', 'awaiting_payment')),
       sum(outcome = 'within_limit'), sum(outcome = 'overdue'),
       sum(outcome = 'supplement_requested'), sum(outcome = 'awaiting_payment'),
       sum(intake = 'online' AND digitised), sum(intake = 'online' AND data_reused),
       sum(intake = 'online' AND fully_online), sum(intake = 'online' AND fee_payable),
       sum(intake = 'online' AND fee_payable AND paid_online),
       sum(intake <> 'carried_over' AND digitised), sum(intake <> 'carried_over' AND data_reused),
       sum(intake <> 'carried_over' AND fee_payable),
       sum(intake <> 'carried_over' AND fee_payable AND paid_online),
       sum(apology_due_at IS NOT NULL)
FROM cells GROUP BY field ORDER BY field;
