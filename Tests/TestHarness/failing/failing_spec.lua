-- Deliberately failing: every way a spec can go wrong, each shown with its file and line.
-- Kept out of the green suite; the harness's tests check how these are reported.
local function summary(dossiers)
  local counts = { on_time = 0, late = 0 }
  for _, d in ipairs(dossiers) do
    if d.days <= 15 then counts.on_time = counts.on_time + 1 else counts.late = counts.late + 1 end
  end
  return counts
end

local function check_code(code)
  assert.are.equal("1.001234", code)
end

describe("monthly summary", function()
  it("counts dossiers on time and late", function()
    local counts = summary({ { days = 3 }, { days = 20 }, { days = 15 } })
    assert.are.same({ on_time = 1, late = 2, procedures = { "birth" } }, counts)
  end)

  it("passes", function()
    assert.is_true(true)
  end)

  it("checks a code through a helper", function()
    check_code("1.009999")
  end)

  it("raises an error", function()
    local dossier
    return dossier.status
  end)

  it("fails in finally", function()
    finally(function() error("cleanup failed") end)
  end)

  pending("waits for the calendar")
end)

describe("a hook that errors", function()
  before_each(function() error("cannot open the store") end)
  it("never runs", function() end)
end)

describe("a setup that fails", function()
  setup(function() assert.is_true(false) end)
  it("never runs either", function() end)
end)

describe("a describe body that errors", function()
  error("bad declaration")
end)
