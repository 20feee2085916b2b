-- The civil-status system's birth register, saved as Unicode text (UTF-16, tabs).
local fixtures = require("hostrun.fixtures")

local function load(file, opts)
  opts = opts or {}
  opts.connector = "hotich"
  return fixtures.load("fixtures/" .. file, opts)
end

describe("hotich", function()
  before_each(fixtures.fresh_store)

  it("imports the birth registrations of a UTF-16 export", function()
    local result = load("so-khai-sinh-thang-01-2026.txt")
    assert.are.same({ 5, 0 }, { result.inserted, result.rejected })
    local first = dossiers.get("HT-H56.21-260105-0001", "hotich")
    assert.are.same({ "1.001193", "Hộ tịch", "returned", "online", true, true },
      { first.procedure_code, first.field, first.status, first.channel, first.fully_online, first.data_reused })
    assert.are.equal("resolved", dossiers.get("HT-H56.21-260107-0003", "hotich").status)
    assert.are.equal("supplement_requested", dossiers.get("HT-H56.21-260109-0004", "hotich").status)
    local again = load("so-khai-sinh-thang-01-2026.txt")
    assert.are.equal(5, again.unchanged)
  end)

  it("rejects unknown words, a result before receipt and a month that does not exist", function()
    local result = load("du-lieu-loi.txt")
    assert.are.equal(4, result.rejected)
    assert.matches("'Đã lưu tạm' has no mapping", result.rejections[1].reason)
    assert.matches("'Zalo' has no mapping", result.rejections[2].reason)
    assert.are.equal("finished_at", result.rejections[3].field)
    assert.matches("month 13 does not exist", result.rejections[4].reason)
    assert.has_error(function() load("du-lieu-loi.txt", { strict = true }) end)
    assert.are.equal(0, dossiers.count{})
  end)

  it("writes nothing from another register", function()
    local ok, err = pcall(load, "so-ket-hon.txt")
    assert.is_false(ok)
    assert.matches("missing column%(s%).*Mã hồ sơ", err)
    assert.are.equal(0, dossiers.count{})
  end)
end)
