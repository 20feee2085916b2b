local dossiers = require("Tests.TestHarness.specs.helpers.dossiers")
it("late dossier", function()
  dossiers.assert_on_time({ code = "HS-9", days = 40 }, 15)
end)
