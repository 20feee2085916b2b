-- expect: error
-- stderr: attempt to call a nil value (field 'execute')
os.execute("touch /tmp/hostrun-escaped")
