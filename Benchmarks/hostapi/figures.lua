-- Benchmark (a): the figures of a six-month period through `stats`, computed by the store.
local f = stats.figures(period.half_year(2025, 2))
print(f.received, f.finished, f.in_progress, f.identities_hold)
