// The C side of hostrun's Lua bridge.
//
// Four jobs, each in its own .c file:
//   runtime.c    the per-state runtime: counting allocator, the limit hook, the kill that pcall,
//                __close and error handlers cannot swallow, the output counter;
//   timers.c     the wall-time and CPU-time limits: POSIX timers whose signal arms the hook of the
//                running thread only when a limit is reached, and the last resort for single long
//                C calls (so that, by default, no hook runs per instruction at all);
//   trampoline.c host functions: a lua_CFunction that calls a Swift callback and raises the Lua
//                error only after every Swift frame has returned, plus the protected entry point
//                and message handler the host uses to run Lua code;
//   coverage.c   line counts for `hostrun test --coverage` and the executable lines of a chunk;
//   sandbox.c    guarded replacements for base and coroutine functions, read-only proxies and
//                the strict global environment (the policy that uses them is Sandbox/SandboxPolicy).
//
// Lua macros that Swift cannot import are restated below as static inline functions.
#pragma once
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stddef.h>
#include <stdint.h>

// MARK: - Lua macros as functions

static inline int hr_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline int hr_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline void hr_pop(lua_State *L, int n) { lua_settop(L, -(n)-1); }
static inline void hr_newtable(lua_State *L) { lua_createtable(L, 0, 0); }
static inline int hr_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcallk(L, nargs, nresults, msgh, 0, NULL);
}
static inline void hr_call(lua_State *L, int nargs, int nresults) {
    lua_callk(L, nargs, nresults, 0, NULL);
}
static inline const char *hr_tolstring(lua_State *L, int idx, size_t *len) {
    return lua_tolstring(L, idx, len);
}
static inline void hr_insert(lua_State *L, int idx) { lua_rotate(L, idx, 1); }
static inline void hr_remove(lua_State *L, int idx) { lua_rotate(L, idx, -1); lua_settop(L, -2); }
static inline void hr_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcclosure(L, f, 0); }
static inline void hr_pushglobaltable(lua_State *L) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
}
static inline int hr_isinteger(lua_State *L, int idx) { return lua_isinteger(L, idx); }
static inline void *hr_newuserdata(lua_State *L, size_t size) { return lua_newuserdatauv(L, size, 0); }
static inline int hr_loadbuffer(lua_State *L, const char *buf, size_t size, const char *name,
                                const char *mode) {
    return luaL_loadbufferx(L, buf, size, name, mode);
}

// MARK: - Runtime: allocator, limits and the kill

/// Why a state was killed. A kill is final: once set, every hook tick and every return from a
/// protected call raises again, so no script code can swallow it.
typedef enum hr_kill {
    HR_KILL_NONE = 0,
    HR_KILL_MEMORY = 1,
    HR_KILL_INSTRUCTIONS = 2,
    HR_KILL_TIME = 3,
    HR_KILL_OUTPUT = 4,
    HR_KILL_CPU = 5,
    HR_KILL_LAST = HR_KILL_CPU,
} hr_kill;

/// Where `print` and `warn` write: stream 1 is standard output, 2 is standard error.
typedef void (*hr_write_fn)(void *context, int stream, const char *bytes, size_t length);

typedef struct hr_runtime hr_runtime;

/// Creates a state whose allocator counts every byte, with the runtime attached.
/// Returns NULL when the C heap cannot provide even the initial state.
lua_State *hr_newstate(void);
/// Closes the state (running host finalizers) and frees its runtime.
void hr_close(lua_State *L);
/// The runtime of any thread of a state.
hr_runtime *hr_runtime_of(lua_State *L);

/// The host object that owns the state (set by the Swift bridge), shared by all its threads.
void hr_set_host(lua_State *L, void *host);
void *hr_host(lua_State *L);
/// The main thread of the state `L` belongs to.
lua_State *hr_main_thread(lua_State *L);

/// Bytes currently allocated by the state, and the most ever allocated at once.
size_t hr_memory_used(lua_State *L);
size_t hr_memory_peak(lua_State *L);
/// Memory limit in bytes; 0 means none. Enforced only while Lua code runs (see runtime.c).
void hr_set_memory_limit(lua_State *L, size_t limit);
size_t hr_memory_limit(lua_State *L);

/// `interval` instructions pass between two checks of the instruction limit.
void hr_set_hook_interval(lua_State *L, int interval);
/// Instruction limit; 0 means none. Counted in whole hook intervals by a count hook, installed
/// only while an instruction limit is set (Lua 5.4 runs every instruction through its hook
/// dispatcher once any count hook is set, which costs about 15 %). New coroutines inherit it.
void hr_set_instruction_limit(lua_State *L, uint64_t limit);
uint64_t hr_instructions_executed(lua_State *L);
/// Wall-clock deadline `seconds` from now (monotonic clock); 0 or less removes it. A timer
/// signal kills the state at the deadline (HR_KILL_TIME), whichever thread of it is running.
void hr_set_time_limit(lua_State *L, double seconds);
/// CPU-time limit: `seconds` more of the calling thread's CPU time; 0 or less removes it.
/// Enforced like the deadline, by a timer on the thread's CPU clock (HR_KILL_CPU).
void hr_set_cpu_limit(lua_State *L, double seconds);
/// Seconds left until the wall-clock deadline (0 once passed); -1 when there is none.
double hr_time_left(lua_State *L);
/// Stops the time and CPU timers (at the end of a run); the limits no longer apply.
void hr_stop_time_limits(lua_State *L);
/// Output limit in bytes for print and warn; 0 means none.
void hr_set_output(lua_State *L, hr_write_fn write, void *context, uint64_t limit);
uint64_t hr_output_limit(lua_State *L);

/// The kill in force, if any.
hr_kill hr_killed(lua_State *L);
/// Kills the state and raises the kill's error (never returns).
int hr_kill_raise(lua_State *L, hr_kill kind);
/// Raises the kill's error when the state is killed; turns LUA_ERRMEM into a memory kill.
/// Call after every protected call made on behalf of a script.
void hr_after_protected(lua_State *L, int status);
/// Writes through the output counter; kills with HR_KILL_OUTPUT past the limit (may raise).
void hr_output_write(lua_State *L, int stream, const char *bytes, size_t length);

/// Writes to the process's standard output (stream 1) or error (2) through stdio's buffers,
/// and flushes both (Swift 6 cannot name C's `stdout` global safely).
void hr_stdio_write(int stream, const void *bytes, size_t length);
void hr_stdio_flush(void);

/// The last resort for single long C calls (a pathological pattern, say) that no hook can
/// interrupt: when the state is still running `grace_seconds` after its wall-time (or CPU-time)
/// limit killed it, the process writes "`program`: time limit exceeded inside a single long
/// call; stopping" to standard error and ends with `time_exit_code` (or `cpu_exit_code`).
/// A negative code disables it for that limit. Applies to every limit that fires from now on.
void hr_set_last_resort(lua_State *L, double grace_seconds, int time_exit_code, int cpu_exit_code,
                        const char *program);

// MARK: - Coverage (coverage.c)

typedef struct hr_coverage hr_coverage;

/// Whether states created from now on record line coverage (`hostrun test --coverage`).
void hr_coverage_set_default(int on);
int hr_coverage_default(void);
/// Makes the state record line coverage from now on. Its counts join the process-wide table
/// when it closes. The line hook shares the hook with the limits, which still apply.
void hr_coverage_enable(lua_State *L);
/// Visits each file of the process-wide table: its chunk name ("@path") and hits by line
/// (`size` entries, index = line). Returns how many files there are.
typedef void (*hr_coverage_visit)(void *context, const char *name, const uint64_t *hits, size_t size);
size_t hr_coverage_copy(hr_coverage_visit visit, void *context);
/// Empties the process-wide table.
void hr_coverage_clear(void);
/// Calls `visit` with the line of every instruction of a chunk's functions that a line hook can
/// report; `is_last` marks a function's final instruction (the implicit return at its `end`).
/// Returns 0 when the chunk does not compile or its bytecode is not Lua 5.4's.
typedef void (*hr_line_visit)(void *context, int line, int is_last);
int hr_coverage_executable_lines(const char *source, size_t length, const char *name,
                                 hr_line_visit visit, void *context);

// MARK: - Host functions (trampoline.c)

/// A host callback. Returns the number of results it pushed, or HR_CALL_ERROR with the error
/// value pushed on top; the trampoline raises it after the callback has returned.
typedef int (*hr_host_callback)(lua_State *L, void *context);
/// Releases a host callback's context when Lua collects the function.
typedef void (*hr_release_fn)(void *context);
#define HR_CALL_ERROR (-1)

/// Pushes a Lua function that calls `callback(L, context)`. `release(context)` runs when the
/// function is collected or the state closes. `extra_upvalues` values on top of the stack are
/// kept as upvalues 2... of the function (upvalue 1 holds the callback).
void hr_push_host_function(lua_State *L, hr_host_callback callback, void *context,
                           hr_release_fn release, int extra_upvalues);

/// Runs the function below `nargs` arguments in protected mode with the limits enforced and a
/// message handler that records a traceback without host frames (hr_error_traceback).
/// LUA_ERRMEM becomes a memory kill.
int hr_host_pcall(lua_State *L, int nargs, int nresults);
/// Traceback and location of the last error caught by hr_host_pcall.
const char *hr_error_traceback(lua_State *L);
const char *hr_error_source(lua_State *L);
int hr_error_line(lua_State *L);

/// Typed userdata: a block holding one host object pointer, released by `release` at collection.
/// The metatable is identified by `type_key`'s address (a registry light-userdata key), never by
/// name, so scripts cannot forge it.
void **hr_new_host_userdata(lua_State *L, const void *type_key);
/// Tells the collector that `bytes` of host memory hang off a userdata just pushed (a Swift
/// object it cannot see): after the current host function returns, Lua does the collector work
/// that allocating them would have caused, so small userdata holding big host objects are
/// collected at the pace of the memory they really hold.
void hr_add_gc_cost(lua_State *L, size_t bytes);
/// The host object pointer of the userdata at `idx` when it has the metatable of `type_key`,
/// else NULL; `*closed` is set when it is of that type but already released.
void *hr_check_host_userdata(lua_State *L, int idx, const void *type_key, int *closed);
/// Creates (or fetches) the metatable of `type_key`, leaving it on the stack; returns 1 if new.
int hr_host_metatable(lua_State *L, const void *type_key, hr_release_fn release);

// MARK: - Sandbox primitives (sandbox.c)

int hr_sb_pcall(lua_State *L);
int hr_sb_xpcall(lua_State *L);
int hr_sb_setmetatable(lua_State *L);
int hr_sb_rawset(lua_State *L);
int hr_sb_collectgarbage(lua_State *L);
int hr_sb_print(lua_State *L);
int hr_sb_co_resume(lua_State *L);
int hr_sb_co_wrap(lua_State *L);
int hr_sb_co_close(lua_State *L);
/// `load` limited to text chunks, defaulting to the environment in upvalue 1.
int hr_sb_load(lua_State *L);
/// Routes `warn` to the output counter (standard error), honouring "@on" and "@off".
void hr_sb_install_warn(lua_State *L, int enabled);
/// Replaces the table at `idx` by a read-only proxy pushed on the stack.
void hr_sb_push_frozen(lua_State *L, int idx);
/// Whether the value at `idx` is a read-only proxy.
int hr_sb_is_frozen(lua_State *L, int idx);
/// Gives the table at `idx` a metatable that makes reading an undefined name an error.
void hr_sb_make_strict(lua_State *L, int idx);
/// Sets `__metatable = false` on the string metatable so scripts cannot reach or change it.
void hr_sb_protect_string_metatable(lua_State *L);
