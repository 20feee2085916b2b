-- expect: error
-- stderr: undefined global 'package'
-- package.loadlib would load native code.
package.loadlib("libc.so.6", "system")
