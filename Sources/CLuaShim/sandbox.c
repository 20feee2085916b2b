// Guarded replacements for the base and coroutine functions the sandbox keeps, read-only proxies
// and the strict environment. Which names get which guard is decided in one place,
// Sources/Sandbox/SandboxPolicy.swift; this file only implements the guards.
//
// The common rule: every protected call made for a script (pcall, xpcall, coroutine resume,
// wrap and close) ends with hr_after_protected, which re-raises a kill (instruction, time,
// memory, output) so that no script code can swallow it, and turns LUA_ERRMEM into a memory kill.
#include "CLuaShim.h"
#include "runtime_internal.h"

#include <string.h>

/// Deeper nesting of coroutine closes overflows the C stack of Lua 5.4.4 (fixed upstream in
/// 5.4.6 by counting C calls across lua_closethread). Real code never nests closes this deep.
#define HR_MAX_CLOSE_DEPTH 32

// MARK: pcall and xpcall

static int finish_pcall(lua_State *L, int status, lua_KContext extra) {
    hr_after_protected(L, status);
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

int hr_sb_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_pcall);
    return finish_pcall(L, status, 0);
}

/// Wraps the script's message handler: Lua runs a handler before unwinding, and when the error
/// is a kill raised from the hook, hooks are off until the unwinding, so a looping handler could
/// never be stopped. A kill therefore skips the script's handler entirely.
static int guarded_handler(lua_State *L) {
    if (hr_killed(L) != HR_KILL_NONE) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

int hr_sb_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_pcall);
    return finish_pcall(L, status, 2);
}

// MARK: Metatables, raw writes, collectgarbage

int hr_sb_setmetatable(lua_State *L) {
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not allowed in the sandbox");
        lua_pop(L, 1);
    }
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

int hr_sb_rawset(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    if (hr_sb_is_frozen(L, 1)) return luaL_error(L, "attempt to modify a read-only table");
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

int hr_sb_collectgarbage(lua_State *L) {
    const char *option = luaL_optstring(L, 1, "collect");
    if (strcmp(option, "count") != 0)
        return luaL_error(L, "collectgarbage(\"%s\") is not allowed in the sandbox (only \"count\")",
                          option);
    int kilobytes = lua_gc(L, LUA_GCCOUNT);
    int bytes = lua_gc(L, LUA_GCCOUNTB);
    lua_pushnumber(L, (lua_Number)kilobytes + ((lua_Number)bytes / 1024));
    return 1;
}

// MARK: print and warn

int hr_sb_print(lua_State *L) {
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t length;
        const char *text = luaL_tolstring(L, i, &length);  // may run __tostring: script code
        if (i > 1) hr_output_write(L, 1, "\t", 1);
        hr_output_write(L, 1, text, length);
        lua_pop(L, 1);
    }
    hr_output_write(L, 1, "\n", 1);
    return 0;
}

static void warn_function(void *ud, const char *message, int continued) {
    hr_runtime *rt = ud;
    // Never raises: Lua also warns from inside the collector. A breach is marked and the hook
    // raises it at the next instruction.
    if (!rt->warn_continuing && !continued && message[0] == '@') {
        if (strcmp(message, "@on") == 0) rt->warn_enabled = 1;
        else if (strcmp(message, "@off") == 0) rt->warn_enabled = 0;
        return;
    }
    if (rt->warn_enabled) {
        if (!rt->warn_continuing) hr_output_account(rt, 2, "Lua warning: ", 13);
        hr_output_account(rt, 2, message, strlen(message));
        if (!continued) hr_output_account(rt, 2, "\n", 1);
    }
    rt->warn_continuing = continued;
    hr_arm_kill(rt);
}

void hr_sb_install_warn(lua_State *L, int enabled) {
    hr_runtime *rt = hr_runtime_of(L);
    rt->warn_enabled = enabled;
    rt->warn_continuing = 0;
    lua_setwarnf(L, warn_function, rt);
}

// MARK: load

#define RESERVED_SLOT 5

static const char *read_chunk(lua_State *L, void *ud, size_t *size) {
    (void)ud;
    luaL_checkstack(L, 2, "too many nested functions");
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        *size = 0;
        return NULL;
    }
    if (!lua_isstring(L, -1)) luaL_error(L, "reader function must return a string");
    lua_replace(L, RESERVED_SLOT);
    return lua_tolstring(L, RESERVED_SLOT, size);
}

int hr_sb_load(lua_State *L) {
    size_t length;
    const char *source = lua_tolstring(L, 1, &length);
    const char *mode = luaL_optstring(L, 3, "t");
    if (strchr(mode, 'b') != NULL)
        return luaL_error(L, "binary chunks are not allowed in the sandbox");
    int has_env = !lua_isnone(L, 4);
    lua_settop(L, RESERVED_SLOT);
    int status;
    if (source != NULL) {
        const char *name = luaL_optstring(L, 2, source);
        status = luaL_loadbufferx(L, source, length, name, "t");
    } else {
        const char *name = luaL_optstring(L, 2, "=(load)");
        luaL_checktype(L, 1, LUA_TFUNCTION);
        status = lua_load(L, read_chunk, NULL, name, "t");
    }
    if (status != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushvalue(L, has_env ? 4 : lua_upvalueindex(1));
    if (lua_setupvalue(L, -2, 1) == NULL) lua_pop(L, 1);
    return 1;
}

// MARK: Coroutines (resume, wrap and close re-implemented so that kills are never swallowed)

enum { CO_RUNNING, CO_SUSPENDED, CO_NORMAL, CO_DEAD };
static const char *const co_status_names[] = {"running", "suspended", "normal", "dead"};

static int co_status(lua_State *L, lua_State *co) {
    if (L == co) return CO_RUNNING;
    switch (lua_status(co)) {
    case LUA_YIELD:
        return CO_SUSPENDED;
    case LUA_OK: {
        lua_Debug ar;
        if (lua_getstack(co, 0, &ar)) return CO_NORMAL;
        return lua_gettop(co) == 0 ? CO_DEAD : CO_SUSPENDED;
    }
    default:
        return CO_DEAD;
    }
}

static int co_resume(lua_State *L, lua_State *co, int nargs) {
    if (lua_status(co) == LUA_OK && lua_gettop(co) == 0) {
        lua_pushliteral(L, "cannot resume dead coroutine");
        return -1;
    }
    if (!lua_checkstack(co, nargs)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, nargs);
    int nresults;
    hr_runtime *rt = hr_runtime_of(L);
    rt->running = co;  // the thread a limit timer must stop
    int status = lua_resume(co, L, nargs, &nresults);
    rt->running = L;
    hr_after_protected(L, status);  // a timer that fired just before the line above is seen here
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nresults + 1)) {
            lua_pop(co, nresults);
            lua_pushliteral(L, "too many results to resume");
            return -1;
        }
        lua_xmove(co, L, nresults);
        return nresults;
    }
    lua_xmove(co, L, 1);
    return -1;
}

static int close_thread(lua_State *L, lua_State *co) {
    hr_runtime *rt = hr_runtime_of(L);
    if (rt->close_depth >= HR_MAX_CLOSE_DEPTH)
        return luaL_error(L, "coroutine closes nested too deeply");
    rt->close_depth++;
    rt->running = co;  // its __close handlers run on it
    int status = lua_resetthread(co);
    rt->running = L;
    rt->close_depth--;
    hr_after_protected(L, status);
    return status;
}

int hr_sb_co_resume(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co, 1, "coroutine");
    int r = co_resume(L, co, lua_gettop(L) - 1);
    if (r < 0) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    lua_insert(L, -(r + 1));
    return r + 1;
}

static int co_wrapped(lua_State *L) {
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int r = co_resume(L, co, lua_gettop(L));
    if (r < 0) {
        int status = lua_status(co);
        if (status != LUA_OK && status != LUA_YIELD) {
            status = close_thread(L, co);
            lua_xmove(co, L, 1);
        }
        if (lua_type(L, -1) == LUA_TSTRING) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return r;
}

int hr_sb_co_wrap(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);  // inherits the hook of L
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, co_wrapped, 1);
    return 1;
}

int hr_sb_co_close(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co, 1, "coroutine");
    hr_after_protected(L, LUA_OK);
    int status = co_status(L, co);
    if (status != CO_DEAD && status != CO_SUSPENDED)
        return luaL_error(L, "cannot close a %s coroutine", co_status_names[status]);
    status = close_thread(L, co);
    if (status == LUA_OK) {
        lua_pushboolean(L, 1);
        return 1;
    }
    lua_pushboolean(L, 0);
    lua_xmove(co, L, 1);
    return 2;
}

// MARK: Read-only proxies

static const char frozen_key = 0;

static int frozen_newindex(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "attempt to set field '%s' of a read-only table", lua_tostring(L, 2));
    return luaL_error(L, "attempt to modify a read-only table");
}

static int frozen_next(lua_State *L) {
    lua_settop(L, 2);
    if (lua_next(L, 1)) return 2;
    lua_pushnil(L);
    return 1;
}

static void push_frozen_target(lua_State *L, int proxy) {
    lua_getmetatable(L, proxy);
    lua_pushliteral(L, "__index");
    lua_rawget(L, -2);
    lua_remove(L, -2);
}

static int frozen_pairs(lua_State *L) {
    lua_pushcfunction(L, frozen_next);
    push_frozen_target(L, 1);
    lua_pushnil(L);
    return 3;
}

static int frozen_len(lua_State *L) {
    push_frozen_target(L, 1);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

/// Freezes the table at `idx` and, recursively, the tables it holds; `visited` (absolute index)
/// maps tables already frozen to their proxy so cycles end.
static void push_frozen(lua_State *L, int idx, int visited) {
    luaL_checkstack(L, 8, "tables nested too deeply to freeze");
    idx = lua_absindex(L, idx);
    lua_pushvalue(L, idx);
    if (lua_rawget(L, visited) != LUA_TNIL) return;
    lua_pop(L, 1);
    if (hr_sb_is_frozen(L, idx)) {
        lua_pushvalue(L, idx);
        return;
    }
    lua_createtable(L, 0, 0);  // the proxy
    lua_pushvalue(L, idx);
    lua_pushvalue(L, -2);
    lua_rawset(L, visited);
    lua_pushnil(L);
    while (lua_next(L, idx)) {  // replace nested tables by their proxies
        if (lua_type(L, -1) == LUA_TTABLE) {
            push_frozen(L, -1, visited);
            lua_pushvalue(L, -3);
            lua_insert(L, -2);
            lua_rawset(L, idx);
        }
        lua_pop(L, 1);
    }
    lua_createtable(L, 0, 6);
    lua_pushvalue(L, idx);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, frozen_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, frozen_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushcfunction(L, frozen_len);
    lua_setfield(L, -2, "__len");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &frozen_key);
    lua_setmetatable(L, -2);
}

void hr_sb_push_frozen(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_createtable(L, 0, 0);
    int visited = lua_gettop(L);
    push_frozen(L, idx, visited);
    lua_remove(L, visited);
}

int hr_sb_is_frozen(lua_State *L, int idx) {
    if (!lua_getmetatable(L, idx)) return 0;
    int frozen = lua_rawgetp(L, -1, &frozen_key) != LUA_TNIL;
    lua_pop(L, 2);
    return frozen;
}

// MARK: Strict globals and the string metatable

static int undefined_global(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "undefined global '%s'", lua_tostring(L, 2));
    return luaL_error(L, "undefined global (a %s key)", luaL_typename(L, 2));
}

void hr_sb_make_strict(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, undefined_global);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, idx);
}

void hr_sb_protect_string_metatable(lua_State *L) {
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}
