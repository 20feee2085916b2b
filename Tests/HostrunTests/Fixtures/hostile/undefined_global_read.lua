-- expect: error
-- stderr: undefined global 'undefined_thing'
-- Reading a global nobody defined is an error, so typos and probes fail loudly.
print(rawget(_G, "io"), rawget(_G, "debug"))
return undefined_thing
