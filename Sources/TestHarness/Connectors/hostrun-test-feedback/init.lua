--- Yields the feedback records a spec gave `fixtures.feedback` (options.rows) as they are.
return {
  records = "feedback",
  read = function(_, options) return options.rows end,
}
