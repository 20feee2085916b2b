// The wall-time and CPU-time limits, enforced by POSIX timers instead of a count hook.
//
// Lua 5.4 sends every instruction through luaG_traceexec as soon as any count hook is set, which
// costs about 15 % on CPU-bound scripts. So by default no hook is set at all: each state has a
// timer on the monotonic clock (wall time) and one on its thread's CPU clock. When one fires, its
// signal handler marks the state killed and sets a count hook of 1 on the thread running Lua code
// now (rt->running: the main thread or a coroutine), which raises the kill at its next
// instruction; lua_sethook is async-signal-safe, as lua.c's SIGINT handler relies on. A loop
// picks the hook up at its next jump.
//
// If the state is still running a grace period later, a single C call (a pathological pattern,
// say) is holding it; when a last resort is set (the command line), the handler writes a message
// and ends the process with the limit's exit code, since nothing else can stop a C function.
//
// Signals carry a token, not a pointer: a slot in a process-wide table plus a generation, so a
// signal still queued after its state closed finds no runtime (or another state's token) and is
// ignored. Closing waits for a handler in flight on another thread before freeing the runtime.
#define _GNU_SOURCE
#include "CLuaShim.h"
#include "runtime_internal.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if defined(__linux__)

#define SLOT_BITS 10
#define SLOTS (1 << SLOT_BITS)
#define CLOCK_BIT (1u << SLOT_BITS)
#define GENERATION_SHIFT (SLOT_BITS + 1)

static hr_runtime *slots[SLOTS];       // atomic
static uint32_t generation;            // atomic
static int handlers_in_flight;         // atomic
static pthread_once_t handler_once = PTHREAD_ONCE_INIT;
static int handler_installed;

/// A real-time signal: each timer's expiry is queued on its own, where two standard signals
/// fired at once would merge into one and a state could miss its kill.
static int limit_signal(void) { return SIGRTMIN + 4; }

static void set_relative(timer_t timer, int64_t ns) {
    if (ns < 1) ns = 1;
    struct itimerspec spec = {{0, 0}, {(time_t)(ns / 1000000000), (long)(ns % 1000000000)}};
    timer_settime(timer, 0, &spec, NULL);
}

static void on_limit(hr_runtime *rt, int clock) {
    if (rt->timer_state[clock] == HR_TIMER_ARMED) {
        rt->timer_state[clock] = HR_TIMER_FIRED;
        hr_mark_killed(rt, clock == HR_CLOCK_WALL ? HR_KILL_TIME : HR_KILL_CPU);
        hr_arm_kill(rt);
        if (rt->last_resort_code[clock] >= 0) set_relative(rt->timer[clock], rt->grace_ns);
        return;
    }
    if (rt->timer_state[clock] != HR_TIMER_FIRED || rt->last_resort_code[clock] < 0) return;
    // Still inside the same C call after the grace period (the run would have disarmed the
    // timer had it ended): write and _exit are async-signal-safe.
    const char *message = rt->last_resort_message[clock];
    (void)!write(2, message, strlen(message));
    _exit(rt->last_resort_code[clock]);
}

static void limit_handler(int signal, siginfo_t *info, void *context) {
    (void)signal;
    (void)context;
    int saved_errno = errno;
    __atomic_add_fetch(&handlers_in_flight, 1, __ATOMIC_SEQ_CST);
    uint32_t token = (uint32_t)info->si_value.sival_int;
    hr_runtime *rt = __atomic_load_n(&slots[token & (SLOTS - 1)], __ATOMIC_SEQ_CST);
    if (rt != NULL && rt->timer_token == (token & ~CLOCK_BIT))
        on_limit(rt, (token & CLOCK_BIT) ? HR_CLOCK_CPU : HR_CLOCK_WALL);
    __atomic_sub_fetch(&handlers_in_flight, 1, __ATOMIC_SEQ_CST);
    errno = saved_errno;
}

static void install_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = limit_handler;
    action.sa_flags = SA_SIGINFO | SA_RESTART;  // interrupted reads and writes resume
    sigemptyset(&action.sa_mask);
    handler_installed = sigaction(limit_signal(), &action, NULL) == 0;
}

/// Takes a free slot for the runtime; returns 0, or -1 when all are taken.
static int take_slot(hr_runtime *rt) {
    if (rt->timer_slot >= 0) return 0;
    for (int i = 0; i < SLOTS; i++) {
        hr_runtime *none = NULL;
        if (__atomic_load_n(&slots[i], __ATOMIC_RELAXED) != NULL) continue;
        uint32_t gen = __atomic_add_fetch(&generation, 1, __ATOMIC_RELAXED);
        rt->timer_token = (gen << GENERATION_SHIFT) | (uint32_t)i;
        if (__atomic_compare_exchange_n(&slots[i], &none, rt, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
            rt->timer_slot = i;
            return 0;
        }
    }
    return -1;
}

static int make_timer(hr_runtime *rt, int clock) {
    pid_t self = gettid();
    if (rt->timer_made[clock] && rt->timer_thread[clock] != self) {
        timer_delete(rt->timer[clock]);  // the state moved to another thread: signal that one
        rt->timer_made[clock] = 0;
    }
    if (rt->timer_made[clock]) return 0;
    clockid_t id = CLOCK_MONOTONIC;
    if (clock == HR_CLOCK_CPU && pthread_getcpuclockid(pthread_self(), &id) != 0) return -1;
    // The signal goes to the thread running the state, never to another of the process's
    // threads, where it would interrupt a poll() or a timed read (EINTR) in code that has
    // nothing to do with Lua: a server's, a database driver's.
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_THREAD_ID;
#ifdef sigev_notify_thread_id
    event.sigev_notify_thread_id = self;
#else
    event._sigev_un._tid = self;  // glibc before 2.35 names the field only
#endif
    event.sigev_signo = limit_signal();
    event.sigev_value.sival_int = (int)(rt->timer_token | (clock == HR_CLOCK_CPU ? CLOCK_BIT : 0));
    if (timer_create(id, &event, &rt->timer[clock]) != 0) return -1;
    rt->timer_made[clock] = 1;
    rt->timer_thread[clock] = self;
    return 0;
}

int hr_timer_arm(hr_runtime *rt, int clock, int64_t ns) {
    pthread_once(&handler_once, install_handler);
    if (!handler_installed || take_slot(rt) != 0 || make_timer(rt, clock) != 0) return -1;
    // A parent may have started us with the signal blocked (Foundation's Process blocks some).
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, limit_signal());
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    rt->timer_state[clock] = HR_TIMER_ARMED;
    set_relative(rt->timer[clock], ns);
    return 0;
}

void hr_timer_disarm(hr_runtime *rt, int clock) {
    if (!rt->timer_made[clock]) return;
    struct itimerspec off;
    memset(&off, 0, sizeof off);
    timer_settime(rt->timer[clock], 0, &off, NULL);
    rt->timer_state[clock] = HR_TIMER_OFF;  // a signal already queued is ignored
}

void hr_timers_release(hr_runtime *rt) {
    for (int clock = HR_CLOCK_WALL; clock <= HR_CLOCK_CPU; clock++) {
        if (!rt->timer_made[clock]) continue;
        timer_delete(rt->timer[clock]);
        rt->timer_made[clock] = 0;
    }
    if (rt->timer_slot < 0) return;
    __atomic_store_n(&slots[rt->timer_slot], NULL, __ATOMIC_SEQ_CST);
    rt->timer_slot = -1;
    // A handler on another thread may have read the slot just before: let it finish. (One on
    // this thread has already returned: it interrupted us and ran to completion.)
    while (__atomic_load_n(&handlers_in_flight, __ATOMIC_SEQ_CST) != 0) sched_yield();
}

#else  // No POSIX timers: the count hook checks the deadlines (runtime.c).

int hr_timer_arm(hr_runtime *rt, int clock, int64_t ns) {
    (void)rt, (void)clock, (void)ns;
    return -1;
}
void hr_timer_disarm(hr_runtime *rt, int clock) { (void)rt, (void)clock; }
void hr_timers_release(hr_runtime *rt) { (void)rt; }

#endif

void hr_set_last_resort(lua_State *L, double grace_seconds, int time_exit_code, int cpu_exit_code,
                        const char *program) {
    hr_runtime *rt = hr_runtime_of(L);
    rt->grace_ns = (int64_t)(grace_seconds * 1e9);
    rt->last_resort_code[HR_CLOCK_WALL] = time_exit_code;
    rt->last_resort_code[HR_CLOCK_CPU] = cpu_exit_code;
    snprintf(rt->last_resort_message[HR_CLOCK_WALL], sizeof rt->last_resort_message[0],
             "%s: time limit exceeded inside a single long call; stopping\n", program);
    snprintf(rt->last_resort_message[HR_CLOCK_CPU], sizeof rt->last_resort_message[0],
             "%s: CPU time limit exceeded inside a single long call; stopping\n", program);
}
