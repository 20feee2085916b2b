// The per-state runtime: counting allocator, limit hook, the kill, output counter.
//
// Memory is enforced only while Lua code runs (`budget`). While host (Swift) code runs, inside a
// host function or before a script starts, the allocator grants every request the C heap can
// satisfy, so that pushing a value from Swift can never raise LUA_ERRMEM and longjmp across
// Swift frames. A host function that pushed past the limit is caught when it returns: the
// trampoline checks the count and kills the state for memory (trampoline.c).
#define _GNU_SOURCE
#include "CLuaShim.h"
#include "runtime_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const kill_messages[] = {
    [HR_KILL_NONE] = "killed",
    [HR_KILL_MEMORY] = "memory limit exceeded",
    [HR_KILL_INSTRUCTIONS] = "instruction limit exceeded",
    [HR_KILL_TIME] = "time limit exceeded",
    [HR_KILL_OUTPUT] = "output limit exceeded",
    [HR_KILL_CPU] = "CPU time limit exceeded",
};

/// Now on a limit clock: the monotonic clock, or the calling thread's CPU time.
static int64_t clock_now_ns(int clock) {
    struct timespec ts;
    clock_gettime(clock == HR_CLOCK_WALL ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// MARK: Allocator

/// The C heap itself failed. Lua code gets NULL (Lua raises LUA_ERRMEM); host code cannot turn
/// it into a Lua error without jumping across Swift frames, so the process ends cleanly instead.
static void *heap_exhausted(hr_runtime *rt) {
    if (rt->budget == HR_HOST_CODE) {
        static const char msg[] = "hostrun: out of memory in host code\n";
        (void)!write(2, msg, sizeof msg - 1);
        _exit(70);
    }
    return NULL;
}

/// Notes the script line that asked for memory past the limit. Reading the call stack
/// allocates nothing, so it is safe from inside the allocator.
static void note_refusal(hr_runtime *rt) {
    lua_State *L = rt->running;
    lua_Debug ar;
    for (int level = 0; L != NULL && lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(rt->refused_source, sizeof rt->refused_source, "%s", ar.short_src);
            rt->refused_line = ar.currentline;
            return;
        }
    }
}

static void *hr_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    hr_runtime *rt = ud;
    if (nsize == 0) {
        if (ptr != NULL) {
            rt->used -= osize;
            free(ptr);
        }
        return NULL;
    }
    size_t old = ptr ? osize : 0;  // without a block, osize only tells the object's type
    size_t used = rt->used - old + nsize;
    if (__builtin_expect(nsize > old && (used > rt->budget || used < rt->used), 0)) {
        note_refusal(rt);
        return NULL;  // Lua collects garbage once and retries, then raises LUA_ERRMEM
    }
    void *block = realloc(ptr, nsize);
    if (__builtin_expect(block == NULL, 0)) return heap_exhausted(rt);
    rt->used = used;
    if (used > rt->peak) rt->peak = used;
    return block;
}

static int hr_panic(lua_State *L) {
    // Unreachable by design: every call into Lua is protected. Say so loudly if it ever happens.
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "hostrun: unprotected Lua error: %s\n", msg ? msg : "(not a string)");
    fflush(stderr);
    abort();
}

lua_State *hr_newstate(void) {
    hr_runtime *rt = calloc(1, sizeof *rt);
    if (rt == NULL) return NULL;
    rt->budget = HR_HOST_CODE;
    lua_State *L = lua_newstate(hr_alloc, rt);
    if (L == NULL) {
        free(rt);
        return NULL;
    }
    rt->main = L;
    rt->running = L;
    rt->timer_slot = -1;
    rt->last_resort_code[HR_CLOCK_WALL] = rt->last_resort_code[HR_CLOCK_CPU] = -1;
    rt->budget = HR_HOST_CODE;
    rt->hook_interval = 10000;
    if (hr_coverage_default()) hr_coverage_enable(L);
    lua_atpanic(L, hr_panic);
    for (int k = HR_KILL_NONE; k <= HR_KILL_LAST; k++) {
        lua_pushstring(L, kill_messages[k]);
        rt->kill_message_ref[k] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    return L;
}

void hr_close(lua_State *L) {
    hr_runtime *rt = hr_runtime_of(L);
    hr_timers_release(rt);
    rt->budget = HR_HOST_CODE;
    lua_close(L);
    hr_coverage_merge(rt);
    free(rt->traceback);
    free(rt);
}

hr_runtime *hr_runtime_of(lua_State *L) {
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

void hr_set_host(lua_State *L, void *host) { hr_runtime_of(L)->host = host; }
void *hr_host(lua_State *L) { return hr_runtime_of(L)->host; }
lua_State *hr_main_thread(lua_State *L) { return hr_runtime_of(L)->main; }

size_t hr_memory_used(lua_State *L) { return hr_runtime_of(L)->used; }
size_t hr_memory_peak(lua_State *L) { return hr_runtime_of(L)->peak; }
void hr_set_memory_limit(lua_State *L, size_t limit) {
    hr_runtime *rt = hr_runtime_of(L);
    rt->limit = limit;
    if (rt->budget != HR_HOST_CODE) rt->budget = hr_lua_budget(rt);
}
size_t hr_memory_limit(lua_State *L) { return hr_runtime_of(L)->limit; }

// MARK: Hook and kill

/// Whether the count hook must check the deadline of `clock` itself because no timer enforces it.
static int untimed_deadline(const hr_runtime *rt, int clock) {
    return rt->deadline_ns[clock] != 0 && !rt->timed[clock];
}

void hr_install_hook(lua_State *L) {
    hr_runtime *rt = hr_runtime_of(L);
    int killed = __atomic_load_n(&rt->killed, __ATOMIC_RELAXED);
    // The count hook only for an instruction limit (or a deadline without a timer): a count
    // hook makes Lua 5.4 route every instruction through its hook dispatcher.
    int counting = killed || rt->instruction_limit != 0 || untimed_deadline(rt, HR_CLOCK_WALL) ||
                   untimed_deadline(rt, HR_CLOCK_CPU);
    // One hook function per thread: the count event checks the limits, the line event counts
    // coverage (hr_hook tells them apart).
    int mask = (counting ? LUA_MASKCOUNT : 0) | (rt->coverage != NULL && !killed ? LUA_MASKLINE : 0);
    if (mask != 0) lua_sethook(L, hr_hook, mask, killed ? 1 : rt->hook_interval);
    else lua_sethook(L, NULL, 0, 0);
}

void hr_set_hook_interval(lua_State *L, int interval) {
    hr_runtime_of(L)->hook_interval = interval > 0 ? interval : 1;
    hr_install_hook(hr_runtime_of(L)->main);
}

void hr_set_instruction_limit(lua_State *L, uint64_t limit) {
    hr_runtime *rt = hr_runtime_of(L);
    rt->instruction_limit = limit;
    rt->instructions = 0;
    hr_install_hook(rt->main);
}

uint64_t hr_instructions_executed(lua_State *L) { return hr_runtime_of(L)->instructions; }

/// Sets the deadline of `clock` `seconds` from now on that clock (0 or less removes it).
static void set_deadline(lua_State *L, int clock, double seconds) {
    hr_runtime *rt = hr_runtime_of(L);
    if (seconds > 0) {
        int64_t ns = (int64_t)(seconds * 1e9);
        rt->deadline_ns[clock] = clock_now_ns(clock) + ns;
        rt->timed[clock] = hr_timer_arm(rt, clock, ns) == 0;
    } else {
        rt->deadline_ns[clock] = 0;
        hr_timer_disarm(rt, clock);
    }
    hr_install_hook(rt->main);
}

void hr_set_time_limit(lua_State *L, double seconds) { set_deadline(L, HR_CLOCK_WALL, seconds); }
void hr_set_cpu_limit(lua_State *L, double seconds) { set_deadline(L, HR_CLOCK_CPU, seconds); }

double hr_time_left(lua_State *L) {
    const hr_runtime *rt = hr_runtime_of(L);
    if (rt->deadline_ns[HR_CLOCK_WALL] == 0) return -1;
    int64_t left = rt->deadline_ns[HR_CLOCK_WALL] - clock_now_ns(HR_CLOCK_WALL);
    return left > 0 ? (double)left / 1e9 : 0;
}

void hr_stop_time_limits(lua_State *L) {
    set_deadline(L, HR_CLOCK_WALL, 0);
    set_deadline(L, HR_CLOCK_CPU, 0);
}

hr_kill hr_killed(lua_State *L) {
    return (hr_kill)__atomic_load_n(&hr_runtime_of(L)->killed, __ATOMIC_RELAXED);
}

void hr_mark_killed(hr_runtime *rt, hr_kill kind) {
    int none = HR_KILL_NONE;
    // The first kill wins: a memory breach found while unwinding a time kill stays a time kill.
    __atomic_compare_exchange_n(&rt->killed, &none, (int)kind, 0, __ATOMIC_RELAXED,
                                __ATOMIC_RELAXED);
}

void hr_arm_kill(hr_runtime *rt) {
    // lua_sethook is async-signal-safe (lua.c stops scripts on SIGINT the same way): the timers'
    // signal handler calls this too. Loops notice the new hook at their next jump.
    if (__atomic_load_n(&rt->killed, __ATOMIC_RELAXED) != HR_KILL_NONE)
        lua_sethook(rt->running, hr_hook, LUA_MASKCOUNT, 1);
}

int hr_kill_raise(lua_State *L, hr_kill kind) {
    hr_runtime *rt = hr_runtime_of(L);
    hr_mark_killed(rt, kind);
    hr_kill in_force = hr_killed(L);
    // From now on this thread checks on every instruction, so the handlers that unwinding runs
    // (__close, message handlers) are stopped at once. The message is preallocated: raising a
    // kill never allocates.
    lua_sethook(L, hr_hook, LUA_MASKCOUNT, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->kill_message_ref[in_force]);
    return lua_error(L);
}

void hr_after_protected(lua_State *L, int status) {
    if (status == LUA_ERRMEM) hr_mark_killed(hr_runtime_of(L), HR_KILL_MEMORY);
    hr_kill kind = hr_killed(L);
    if (kind != HR_KILL_NONE) hr_kill_raise(L, kind);
}

void hr_hook(lua_State *L, lua_Debug *ar) {
    hr_runtime *rt = hr_runtime_of(L);
    if (ar->event == LUA_HOOKLINE) {
        if (rt->coverage != NULL) hr_coverage_line(rt, L, ar);
        return;
    }
    hr_kill kind = hr_killed(L);
    if (kind != HR_KILL_NONE) hr_kill_raise(L, kind);
    rt->instructions += (uint64_t)rt->hook_interval;
    if (rt->instruction_limit != 0 && rt->instructions > rt->instruction_limit)
        hr_kill_raise(L, HR_KILL_INSTRUCTIONS);
    if (untimed_deadline(rt, HR_CLOCK_WALL) && clock_now_ns(HR_CLOCK_WALL) > rt->deadline_ns[HR_CLOCK_WALL])
        hr_kill_raise(L, HR_KILL_TIME);
    if (untimed_deadline(rt, HR_CLOCK_CPU) && clock_now_ns(HR_CLOCK_CPU) > rt->deadline_ns[HR_CLOCK_CPU])
        hr_kill_raise(L, HR_KILL_CPU);
}

// MARK: Output

void hr_set_output(lua_State *L, hr_write_fn write, void *context, uint64_t limit) {
    hr_runtime *rt = hr_runtime_of(L);
    rt->write = write;
    rt->write_context = context;
    rt->output_limit = limit;
    rt->output_used = 0;
}

uint64_t hr_output_limit(lua_State *L) { return hr_runtime_of(L)->output_limit; }

int hr_output_account(hr_runtime *rt, int stream, const char *bytes, size_t length) {
    if (__atomic_load_n(&rt->killed, __ATOMIC_RELAXED) != HR_KILL_NONE) return 0;
    size_t allowed = length;
    int over = 0;
    if (rt->output_limit != 0 && rt->output_used + length > rt->output_limit) {
        allowed = (size_t)(rt->output_limit - rt->output_used);
        over = 1;
    }
    if (allowed > 0 && rt->write != NULL) rt->write(rt->write_context, stream, bytes, allowed);
    rt->output_used += allowed;
    if (over) hr_mark_killed(rt, HR_KILL_OUTPUT);
    return !over;
}

void hr_output_write(lua_State *L, int stream, const char *bytes, size_t length) {
    hr_runtime *rt = hr_runtime_of(L);
    if (!hr_output_account(rt, stream, bytes, length)) hr_kill_raise(L, hr_killed(L));
}

void hr_stdio_write(int stream, const void *bytes, size_t length) {
    fwrite(bytes, 1, length, stream == 2 ? stderr : stdout);
}

void hr_stdio_flush(void) {
    fflush(stdout);
    fflush(stderr);
}
