// Internal layout of the runtime shared by the .c files of CLuaShim (not exported to Swift).
#pragma once
#include "CLuaShim.h"
#include <pthread.h>
#include <stdint.h>
#include <time.h>

struct hr_runtime {
    lua_State *main;
    void *host;  // the Swift object owning the state

    // Memory: bytes in use, the most ever used, the limit (0: none), and the budget in force
    // right now: the limit while Lua code runs (HR_UNLIMITED_LUA without one), HR_HOST_CODE
    // while host code runs (see runtime.c).
    size_t used, peak, limit, budget;

    // Instructions, counted in hook intervals (only while an instruction limit is set).
    int hook_interval;
    uint64_t instructions, instruction_limit;
    // The deadline of each limit clock (HR_CLOCK_*: the monotonic clock, the CPU clock of the
    // thread that set it), 0 for none. Timers enforce them (timers.c); only when a timer could
    // not be made does the count hook check them instead (`timed` tells which).
    int64_t deadline_ns[2];
    int timed[2];

    // The thread running Lua code now (main thread or a coroutine): the one whose hook a timer
    // arms. Set around every resume and host entry; read by the signal handler.
    lua_State *volatile running;

    // The kill in force (hr_kill), written by the timers' signal handler too: atomic.
    int killed;
    int kill_message_ref[HR_KILL_LAST + 1];

    // print and warn.
    hr_write_fn write;
    void *write_context;
    uint64_t output_used, output_limit;
    int warn_enabled, warn_continuing;

    // Bytes of host memory behind userdata pushed since the collector last heard of them
    // (hr_add_gc_cost); the trampoline turns each KiB into collector work.
    size_t gc_cost;

    // Nesting of coroutine closes (Lua 5.4.4 overflows the C stack when they nest deeply).
    int close_depth;

    // Line counts while coverage is recorded (coverage.c), else NULL.
    hr_coverage *coverage;

    // Where the last error caught by hr_host_pcall happened, and its traceback.
    char error_source[256];
    int error_line;
    // Where Lua code last asked for memory past the limit: Lua raises LUA_ERRMEM without
    // calling the message handler, so the allocator notes the line itself.
    char refused_source[256];
    int refused_line;
    char *traceback;  // malloc'd

    // Limit timers (timers.c): a slot in the process-wide table the signal handler reads, the
    // token that tells this state's signals from a previous owner's, one timer per clock.
    int timer_slot;
    uint32_t timer_token;
    int timer_made[2];
    timer_t timer[2];
    // The thread each timer signals (its kernel id): the one that armed it, running the state.
    pid_t timer_thread[2];
    // Each timer's state (HR_TIMER_*); the last resort (exit code per clock, -1 for none) after
    // a grace period; its messages, written at set-up (the handler cannot format).
    volatile int timer_state[2];
    int last_resort_code[2];
    int64_t grace_ns;
    char last_resort_message[2][160];
};

/// The two limit clocks: wall time (monotonic) and CPU time of the running thread.
enum { HR_CLOCK_WALL = 0, HR_CLOCK_CPU = 1 };
/// A timer is off (never armed, or disarmed: a late signal is ignored), armed, or has fired
/// and killed the state (a second expiry is the last resort's).
enum { HR_TIMER_OFF = 0, HR_TIMER_ARMED = 1, HR_TIMER_FIRED = 2 };

#define HR_HOST_CODE SIZE_MAX
#define HR_UNLIMITED_LUA (SIZE_MAX - 1)

/// The budget for Lua code under the current limit.
static inline size_t hr_lua_budget(const hr_runtime *rt) { return rt->limit ? rt->limit : HR_UNLIMITED_LUA; }

/// The limit hook (runtime.c): raises a kill in force, counts instructions, and checks the
/// deadlines that no timer enforces.
void hr_hook(lua_State *L, lua_Debug *ar);
/// Sets the main thread's hook for the limits and coverage in force (runtime.c).
void hr_install_hook(lua_State *L);
/// Counts the line of a line-hook event (coverage.c).
void hr_coverage_line(hr_runtime *rt, lua_State *L, lua_Debug *ar);
/// Adds the state's counts to the process-wide table and stops recording (coverage.c).
void hr_coverage_merge(hr_runtime *rt);
void hr_mark_killed(hr_runtime *rt, hr_kill kind);
/// Counts and writes output; returns 0 (after marking the kill) when the limit was reached.
int hr_output_account(hr_runtime *rt, int stream, const char *bytes, size_t length);
/// When the state is killed, makes the running thread's hook fire at its next instruction.
void hr_arm_kill(hr_runtime *rt);
/// Arms the timer of `clock` to fire `ns` from now on that clock; returns 0 when a timer
/// enforces it, -1 when the hook must (no timer could be made) (timers.c).
int hr_timer_arm(hr_runtime *rt, int clock, int64_t ns);
/// Disarms the timer of `clock` (a pending fire is ignored).
void hr_timer_disarm(hr_runtime *rt, int clock);
/// Deletes the timers and frees the slot; waits for a signal handler in flight (hr_close).
void hr_timers_release(hr_runtime *rt);
