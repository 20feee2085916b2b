-- expect: error
-- stderr: access to environment variable 'HOME' is not granted
print(os.getenv("HOME"))
