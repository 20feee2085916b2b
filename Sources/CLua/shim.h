// Debian's liblua5.4-dev headers, found through pkg-config (-I/usr/include/lua5.4).
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
