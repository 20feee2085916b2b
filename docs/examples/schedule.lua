-- The scheduler configuration of a ward's centre: hostrun schedule --config schedule.lua
--
-- A Lua file returning a table, evaluated in an empty sandbox: comments and computed values
-- are fine, nothing outside the file can be reached. Schedules are read in the centre's time;
-- `workingdays 07:30` skips weekends and public holidays and includes make-up working days.
-- See docs/scheduling.md for every field, docs/checks.md for the checks and their args.
--
-- Relative paths are relative to the folder hostrun runs in: the systemd unit of
-- docs/checks.md sets WorkingDirectory=/var/lib/hostrun, so alerts land in
-- /var/lib/hostrun/alerts.jsonl.

local morning = "workingdays 07:30"

return {
  timezone = "Asia/Ho_Chi_Minh",

  checks = {
    -- Every working morning: what is late, and who holds it. Still late tomorrow: told again.
    { name = "overdue", schedule = morning, sinks = { "log", "alerts" }, repeat_after = "1d" },

    -- Twice a day, the dossiers due within two working days, so they are not late tomorrow.
    { name = "due-soon", schedule = "workingdays 07:30,13:30", args = { days = 2 },
      sinks = { "log", "alerts" }, repeat_after = "1d" },

    -- Once a week is enough to be reminded of what waits on the applicant or on nobody.
    { name = "supplement-stale", schedule = "workingdays 08:00", args = { days = 10 },
      sinks = { "alerts" }, repeat_after = "7d" },
    { name = "stalled", schedule = "workingdays 08:00", args = { days = 10 },
      sinks = { "alerts" }, repeat_after = "7d" },

    -- Citizens' feedback must be answered on time too.
    { name = "feedback-due", schedule = morning, args = { days = 2 },
      sinks = { "log", "alerts" }, repeat_after = "1d" },

    -- Every hour: has a source system stopped feeding data? Demo data is not a feed.
    -- A missed hour is not worth catching up: the next one tells the same.
    { name = "source-silent", schedule = "0 * * * *", args = { hours = 26, ignore = { "demo:ward", "demo:seed" } },
      sinks = { "log", "alerts" }, repeat_after = "12h", catch_up = "skip", timeout = "2m" },

    -- Data quality, every Monday before the week starts: one rule scheduled under its own name.
    { name = "weekly-due-dates", check = "due-date-mismatch", schedule = "30 6 * * MON",
      args = { received_from = "01/01/2026" }, sinks = { "alerts" }, timeout = "10m" },
    { name = "weekly-conflicts", check = "conflicting-sources", schedule = "40 6 * * MON",
      sinks = { "alerts" }, timeout = "10m" },
  },

  sinks = {
    -- `log` (standard error, which journald keeps) exists without being defined.
    alerts = { type = "jsonl", path = "alerts.jsonl" },

    -- A chat or ticket system, posted JSON with retries and back-off:
    -- ops = { type = "webhook", url = "https://ops.example.vn/hooks/hostrun" },

    -- The leaders' mailbox, through the centre's mail server:
    -- leaders = { type = "email", smtp_host = "mail.example.vn", from = "hostrun@example.vn",
    --             to = { "lanhdao@example.vn" } },
  },
}
