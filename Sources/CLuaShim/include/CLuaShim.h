#pragma once
#include <lua.h>
/// Placeholder until the runtime lands: the trampoline, allocator and hook are declared here.
int hostrun_shim_version(void);
