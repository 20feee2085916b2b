-- Project modules and fixture files next to the spec.
local fixtures = require("busted.fixtures")
local dossiers = require("Tests.TestHarness.specs.helpers.dossiers")

describe("fixture files", function()
  local text = fixtures.read("fixtures/dossiers.csv")

  it("are read relative to the spec, UTF-8 intact", function()
    assert.matches("^mã hồ sơ,thủ tục,số ngày\n", text)
  end)

  it("feed project modules", function()
    assert.are.same({
      { code = "HS-001", procedure = "Đăng ký khai sinh", days = 3 },
      { code = "HS-002", procedure = "Cấp bản sao", days = 20 },
    }, dossiers.parse(text))
  end)

  it("work with helpers that assert", function()
    dossiers.assert_on_time(dossiers.parse(text)[1], 15)
  end)
end)
