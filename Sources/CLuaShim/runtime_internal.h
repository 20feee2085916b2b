// Internal layout of the runtime shared by the .c files of CLuaShim (not exported to Swift).
#pragma once
#include "CLuaShim.h"
#include <stdint.h>

struct hr_runtime {
    lua_State *main;
    void *host;  // the Swift object owning the state

    // Memory: bytes in use, the most ever used, the limit (0: none), and the budget in force
    // right now: the limit while Lua code runs (HR_UNLIMITED_LUA without one), HR_HOST_CODE
    // while host code runs (see runtime.c).
    size_t used, peak, limit, budget;

    // Instructions, counted in hook intervals, and the wall-clock deadline (0: none).
    int hook_interval;
    uint64_t instructions, instruction_limit;
    int64_t deadline_ns;

    // The kill in force (hr_kill), written by the watchdog's signal handler too: atomic.
    int killed;
    int kill_message_ref[HR_KILL_OUTPUT + 1];

    // print and warn.
    hr_write_fn write;
    void *write_context;
    uint64_t output_used, output_limit;
    int warn_enabled, warn_continuing;

    // Nesting of coroutine closes (Lua 5.4.4 overflows the C stack when they nest deeply).
    int close_depth;

    // Line counts while coverage is recorded (coverage.c), else NULL.
    hr_coverage *coverage;

    // Where the last error caught by hr_host_pcall happened, and its traceback.
    char error_source[256];
    int error_line;
    char *traceback;  // malloc'd

    // Watchdog (a timer signal; see runtime.c).
    int watchdog_fired, watchdog_exit_code;
    int64_t watchdog_grace_ns;
    char watchdog_message[256];
};

#define HR_HOST_CODE SIZE_MAX
#define HR_UNLIMITED_LUA (SIZE_MAX - 1)

/// The budget for Lua code under the current limit.
static inline size_t hr_lua_budget(const hr_runtime *rt) { return rt->limit ? rt->limit : HR_UNLIMITED_LUA; }

int64_t hr_now_ns(void);
/// Sets the main thread's hook for the limits and coverage in force (runtime.c).
void hr_install_hook(lua_State *L);
/// Counts the line of a line-hook event (coverage.c).
void hr_coverage_line(hr_runtime *rt, lua_State *L, lua_Debug *ar);
/// Adds the state's counts to the process-wide table and stops recording (coverage.c).
void hr_coverage_merge(hr_runtime *rt);
void hr_mark_killed(hr_runtime *rt, hr_kill kind);
/// Counts and writes output; returns 0 (after marking the kill) when the limit was reached.
int hr_output_account(hr_runtime *rt, int stream, const char *bytes, size_t length);
/// When the state is killed, makes the main thread's hook fire at its next instruction.
void hr_arm_kill(hr_runtime *rt);
