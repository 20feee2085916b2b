// Host functions and the host's protected entry into Lua.
//
// A host function is a C closure over `trampoline` whose first upvalue is a small userdata
// holding the Swift callback and its context. The callback never raises: it returns a count of
// results, or HR_CALL_ERROR with the error value pushed. `trampoline` raises only after the
// callback has returned, so `lua_error` never unwinds a Swift frame.
#include "CLuaShim.h"
#include "runtime_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct hr_hostfn {
    hr_host_callback callback;
    void *context;
    hr_release_fn release;
    hr_runtime *rt;
} hr_hostfn;

static const char hostfn_metatable_key = 0;

static int hostfn_gc(lua_State *L) {
    hr_hostfn *fn = lua_touserdata(L, 1);
    if (fn != NULL && fn->release != NULL) {
        hr_release_fn release = fn->release;
        fn->release = NULL;
        release(fn->context);
    }
    return 0;
}

/// After a host function: a kill, or memory pushed past the limit by host code (allowed while
/// it ran, see runtime.c), is raised now that no Swift frame is left.
static int after_host_call(lua_State *L, hr_runtime *rt, int results, size_t budget) {
    if (rt->gc_cost >= 1024) {
        // Host memory behind the userdata pushed: as much collector work as that many bytes
        // allocated by Lua would cause (may run finalizers, which release host objects).
        int kilobytes = rt->gc_cost > (size_t)INT_MAX * 1024 ? INT_MAX : (int)(rt->gc_cost / 1024);
        rt->gc_cost %= 1024;
        lua_gc(L, LUA_GCSTEP, kilobytes);
    }
    if (rt->used > budget) {
        lua_gc(L, LUA_GCCOLLECT, 0);
        if (rt->used > budget) hr_mark_killed(rt, HR_KILL_MEMORY);
    }
    int killed = __atomic_load_n(&rt->killed, __ATOMIC_RELAXED);
    if (killed != HR_KILL_NONE) return hr_kill_raise(L, (hr_kill)killed);
    if (results < 0) return lua_error(L);
    return results;
}

static int trampoline(lua_State *L) {
    hr_hostfn *fn = lua_touserdata(L, lua_upvalueindex(1));
    hr_runtime *rt = fn->rt;
    size_t budget = rt->budget;
    rt->budget = HR_HOST_CODE;  // host code may push freely; checked after it returns
    int results = fn->callback(L, fn->context);
    rt->budget = budget;
    if (__builtin_expect(rt->used > budget || results < 0 || rt->gc_cost >= 1024 ||
                             __atomic_load_n(&rt->killed, __ATOMIC_RELAXED), 0))
        return after_host_call(L, rt, results, budget);
    return results;
}

void hr_push_host_function(lua_State *L, hr_host_callback callback, void *context,
                           hr_release_fn release, int extra_upvalues) {
    hr_hostfn *fn = lua_newuserdatauv(L, sizeof *fn, 0);
    fn->callback = callback;
    fn->context = context;
    fn->release = release;
    fn->rt = hr_runtime_of(L);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &hostfn_metatable_key) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 2);
        lua_pushcfunction(L, hostfn_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &hostfn_metatable_key);
    }
    lua_setmetatable(L, -2);
    if (extra_upvalues > 0) lua_rotate(L, -(extra_upvalues + 1), 1);
    lua_pushcclosure(L, trampoline, extra_upvalues + 1);
}

// MARK: Protected entry and message handler

static void set_traceback(hr_runtime *rt, const char *text) {
    free(rt->traceback);
    rt->traceback = text ? strdup(text) : NULL;
}

/// Records where the error happened and a traceback without host frames, and turns the error
/// object into a message. Script metamethods (__tostring) run with the limits still enforced.
static int message_handler(lua_State *L) {
    hr_runtime *rt = hr_runtime_of(L);
    hr_kill killed = hr_killed(L);
    if (killed == HR_KILL_NONE && lua_type(L, 1) != LUA_TSTRING) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
            lua_replace(L, 1);
        } else {
            lua_settop(L, 1);
            lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
            lua_replace(L, 1);
        }
    }
    size_t budget = rt->budget;
    rt->budget = HR_HOST_CODE;  // reporting an error must not fail for want of memory
    rt->error_source[0] = '\0';
    rt->error_line = 0;
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            strncpy(rt->error_source, ar.short_src, sizeof rt->error_source - 1);
            rt->error_source[sizeof rt->error_source - 1] = '\0';
            rt->error_line = ar.currentline;
            break;
        }
    }
    luaL_traceback(L, L, NULL, 1);
    // Unnamed C frames are the host's own entry points, not the script's.
    luaL_gsub(L, lua_tostring(L, -1), "\n\t[C]: in ?", "");
    set_traceback(rt, lua_tostring(L, -1));
    lua_pop(L, 2);
    rt->budget = budget;
    if (lua_type(L, 1) != LUA_TSTRING) {  // killed with a non-string object: say why
        lua_rawgeti(L, LUA_REGISTRYINDEX, rt->kill_message_ref[killed]);
        lua_replace(L, 1);
    }
    lua_settop(L, 1);
    return 1;
}

int hr_host_pcall(lua_State *L, int nargs, int nresults) {
    hr_runtime *rt = hr_runtime_of(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_rotate(L, base, 1);
    set_traceback(rt, NULL);
    rt->error_source[0] = '\0';
    rt->error_line = 0;
    rt->refused_line = 0;
    size_t budget = rt->budget;
    rt->budget = hr_lua_budget(rt);
    lua_State *caller = rt->running;
    rt->running = L;  // the thread a limit timer must stop
    int status = lua_pcall(L, nargs, nresults, base);
    rt->running = caller;
    rt->budget = budget;
    lua_rotate(L, base, -1);
    lua_pop(L, 1);
    if (status == LUA_ERRMEM) hr_mark_killed(rt, HR_KILL_MEMORY);
    if (status != LUA_OK && rt->error_line == 0 && rt->refused_line > 0 && hr_killed(L) == HR_KILL_MEMORY) {
        // No message handler ran for the memory error: name the line the allocator noted.
        memcpy(rt->error_source, rt->refused_source, sizeof rt->error_source);
        rt->error_line = rt->refused_line;
    }
    return status;
}

const char *hr_error_traceback(lua_State *L) { return hr_runtime_of(L)->traceback; }
const char *hr_error_source(lua_State *L) { return hr_runtime_of(L)->error_source; }
int hr_error_line(lua_State *L) { return hr_runtime_of(L)->error_line; }

// MARK: Typed userdata

static int userdata_gc(lua_State *L) {
    hr_release_fn release = (hr_release_fn)lua_touserdata(L, lua_upvalueindex(1));
    void **block = lua_touserdata(L, 1);
    if (block != NULL && *block != NULL) {
        void *object = *block;
        *block = NULL;  // a resurrected userdata reads as closed, never as freed memory
        release(object);
    }
    return 0;
}

int hr_host_metatable(lua_State *L, const void *type_key, hr_release_fn release) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, type_key) != LUA_TNIL) return 0;
    lua_pop(L, 1);
    lua_createtable(L, 0, 6);
    lua_pushlightuserdata(L, (void *)release);
    lua_pushcclosure(L, userdata_gc, 1);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, type_key);
    return 1;
}

void hr_add_gc_cost(lua_State *L, size_t bytes) { hr_runtime_of(L)->gc_cost += bytes; }

void **hr_new_host_userdata(lua_State *L, const void *type_key) {
    void **block = lua_newuserdatauv(L, sizeof(void *), 0);
    *block = NULL;
    lua_rawgetp(L, LUA_REGISTRYINDEX, type_key);
    lua_setmetatable(L, -2);
    return block;
}

void *hr_check_host_userdata(lua_State *L, int idx, const void *type_key, int *closed) {
    *closed = 0;
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx)) return NULL;
    lua_rawgetp(L, LUA_REGISTRYINDEX, type_key);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (!same) return NULL;
    void **block = lua_touserdata(L, idx);
    if (*block == NULL) *closed = 1;
    return *block;
}
