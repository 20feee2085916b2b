-- The overdue list as of a day, written by hand for the sqlite3 shell: the baseline that
-- `store-bench overdue` is measured against. Run with :day set to 'yyyy-MM-dd'. Open at the end
-- of that day (received by then, not finished by then) and due before it; primaries only.
-- The `+` before received_day is the store's own planner hint, so both sides run the same plan
-- and the ratio measures hostrun's overhead: without it SQLite walks the received_day index
-- over nearly every row, about ten times slower at a million dossiers.
SELECT source, code, due_at, received_at, status, department, procedure_code, coalesce(applicant_name, '')
FROM dossiers
WHERE is_primary = 1
  AND due_day < unixepoch(:day) / 86400
  AND +received_day <= unixepoch(:day) / 86400
  AND (finished_day IS NULL OR finished_day > unixepoch(:day) / 86400)
ORDER BY due_at IS NULL, due_at, source, code;
