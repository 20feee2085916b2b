--- The registered words of luassert, by kind: assertions, modifiers and matchers.
return { assertion = {}, modifier = {}, matcher = {} }
