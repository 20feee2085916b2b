-- expect: error
-- stderr: undefined global 'debug'
-- debug.sethook would remove the limit hook.
debug.sethook()
