--- `require("luassert")`: the assert object with every standard assertion, modifier,
-- matcher and formatter registered, and English messages.
local assert = require("luassert.assert")

assert._COPYRIGHT = "luassert API; hostrun implementation"
assert._DESCRIPTION = "Extends Lua's built-in assertions to provide additional tests and the ability to create your own."
assert._VERSION = "Luassert 1.8.0"

require("luassert.assertions")
require("luassert.modifiers")
require("luassert.array")
require("luassert.matchers")
require("luassert.formatters")
require("luassert.spy")
require("luassert.languages.en")

return assert
