#include "CLuaShim.h"
int hostrun_shim_version(void) { return 1; }
