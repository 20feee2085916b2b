#include "BaselineC.h"
#include <lauxlib.h>
#include <lua.h>

static int c_add(lua_State *L) {
    lua_Integer a = luaL_checkinteger(L, 1);
    lua_Integer b = luaL_checkinteger(L, 2);
    lua_pushinteger(L, a + b);
    return 1;
}

void baseline_register(void *L) {
    lua_pushcfunction((lua_State *)L, c_add);
    lua_setglobal((lua_State *)L, "c_add");
}
