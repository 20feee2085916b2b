#pragma once
/// Sets the global `c_add`: a plain C lua_CFunction returning a + b for two integers, checked
/// the idiomatic way (luaL_checkinteger). `L` is a `lua_State *`.
void baseline_register(void *L);
