// Line coverage: the line hook's counts per state, merged into one process-wide table when the
// state closes, and the executable lines of a chunk read from its bytecode.
//
// Lua has one hook function per thread with a mask, so the line hook shares `hr_hook` with the
// limits' count hook (runtime.c dispatches on the event): a state that records coverage still
// stops at its instruction and time limits.
#include "CLuaShim.h"
#include "runtime_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct hr_cov_file {
    char *name;       // the chunk name, "@path"
    uint64_t *hits;   // by line
    size_t size;      // entries in hits
} hr_cov_file;

struct hr_coverage {
    hr_cov_file *files;
    size_t count, capacity;
    const char *last_source;  // cache of the last chunk seen (compared by content too)
    size_t last_index;
};

// MARK: Recording

static int record_new_states = 0;  // accessed atomically

void hr_coverage_set_default(int on) { __atomic_store_n(&record_new_states, on != 0, __ATOMIC_RELAXED); }
int hr_coverage_default(void) { return __atomic_load_n(&record_new_states, __ATOMIC_RELAXED); }

static void files_free(hr_cov_file *files, size_t count) {
    for (size_t i = 0; i < count; i++) {
        free(files[i].name);
        free(files[i].hits);
    }
    free(files);
}

// The entry of `name` in `files`, added when missing; SIZE_MAX when memory runs out.
static size_t file_index(hr_cov_file **files, size_t *count, size_t *capacity, const char *name) {
    for (size_t i = 0; i < *count; i++)
        if (strcmp((*files)[i].name, name) == 0) return i;
    if (*count == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 16;
        hr_cov_file *bigger = realloc(*files, grown * sizeof *bigger);
        if (bigger == NULL) return SIZE_MAX;
        *files = bigger;
        *capacity = grown;
    }
    char *copy = strdup(name);
    if (copy == NULL) return SIZE_MAX;
    (*files)[*count] = (hr_cov_file){copy, NULL, 0};
    return (*count)++;
}

// Adds `hits` to `file`'s count of `line`.
static int add_hits(hr_cov_file *file, size_t line, uint64_t hits) {
    if (line >= file->size) {
        size_t grown = file->size ? file->size : 64;
        while (grown <= line) grown *= 2;
        uint64_t *bigger = realloc(file->hits, grown * sizeof *bigger);
        if (bigger == NULL) return 0;
        memset(bigger + file->size, 0, (grown - file->size) * sizeof *bigger);
        file->hits = bigger;
        file->size = grown;
    }
    file->hits[line] += hits;
    return 1;
}

void hr_coverage_enable(lua_State *L) {
    hr_runtime *rt = hr_runtime_of(L);
    if (rt->coverage == NULL) rt->coverage = calloc(1, sizeof *rt->coverage);
    hr_install_hook(rt->main);
}

void hr_coverage_line(hr_runtime *rt, lua_State *L, lua_Debug *ar) {
    hr_coverage *cov = rt->coverage;
    if (ar->currentline <= 0 || !lua_getinfo(L, "S", ar) || ar->source[0] != '@') return;
    size_t index;
    if (cov->last_source == ar->source && strcmp(cov->files[cov->last_index].name, ar->source) == 0) {
        index = cov->last_index;
    } else {
        index = file_index(&cov->files, &cov->count, &cov->capacity, ar->source);
        if (index == SIZE_MAX) return;
        cov->last_source = ar->source;
        cov->last_index = index;
    }
    add_hits(&cov->files[index], (size_t)ar->currentline, 1);
}

// MARK: The process-wide table

static pthread_mutex_t merged_lock = PTHREAD_MUTEX_INITIALIZER;
static hr_cov_file *merged = NULL;
static size_t merged_count = 0, merged_capacity = 0;

void hr_coverage_merge(hr_runtime *rt) {
    hr_coverage *cov = rt->coverage;
    if (cov == NULL) return;
    pthread_mutex_lock(&merged_lock);
    for (size_t i = 0; i < cov->count; i++) {
        size_t index = file_index(&merged, &merged_count, &merged_capacity, cov->files[i].name);
        if (index == SIZE_MAX) break;
        for (size_t line = 0; line < cov->files[i].size; line++)
            if (cov->files[i].hits[line] != 0) add_hits(&merged[index], line, cov->files[i].hits[line]);
    }
    pthread_mutex_unlock(&merged_lock);
    files_free(cov->files, cov->count);
    free(cov);
    rt->coverage = NULL;
}

size_t hr_coverage_copy(hr_coverage_visit visit, void *context) {
    pthread_mutex_lock(&merged_lock);
    size_t count = merged_count;
    for (size_t i = 0; i < merged_count; i++)
        visit(context, merged[i].name, merged[i].hits, merged[i].size);
    pthread_mutex_unlock(&merged_lock);
    return count;
}

void hr_coverage_clear(void) {
    pthread_mutex_lock(&merged_lock);
    files_free(merged, merged_count);
    merged = NULL;
    merged_count = merged_capacity = 0;
    pthread_mutex_unlock(&merged_lock);
}

// MARK: Executable lines, from the bytecode
//
// lua_dump (not stripped) writes every prototype with its line information; the lines of its
// instructions are the lines a line hook can report, as debug.getinfo(f, "L") gives them for one
// function (ldebug.c, collectvalidlines). The format is Lua 5.4's (ldump.c); the header is
// checked, so another version fails instead of misreading.

typedef struct reader {
    const unsigned char *p, *end;
    int failed;
} reader;

static unsigned char byte_at(reader *r) {
    if (r->p >= r->end) { r->failed = 1; return 0; }
    return *r->p++;
}

static void skip(reader *r, size_t n) {
    if ((size_t)(r->end - r->p) < n) { r->failed = 1; r->p = r->end; return; }
    r->p += n;
}

static size_t size_at(reader *r) {  // ldump.c dumpSize: 7 bits a byte, the last one marked
    size_t x = 0;
    for (int i = 0; i < 10; i++) {
        unsigned char b = byte_at(r);
        x = (x << 7) | (b & 0x7f);
        if (b & 0x80) return x;
    }
    r->failed = 1;
    return 0;
}

static void skip_string(reader *r) {
    size_t size = size_at(r);
    if (size > 0) skip(r, size - 1);
}

typedef struct line_sink {
    hr_line_visit visit;
    void *context;
} line_sink;

static void read_function(reader *r, line_sink *sink, int depth) {
    if (depth > 200) { r->failed = 1; return; }
    skip_string(r);  // source
    int linedefined = (int)size_at(r);
    size_at(r);      // lastlinedefined
    byte_at(r);      // numparams
    int is_vararg = byte_at(r);
    byte_at(r);      // maxstacksize
    size_t code = size_at(r);
    skip(r, code * sizeof(uint32_t));  // Instruction: 32 bits in 5.4
    size_t constants = size_at(r);
    for (size_t i = 0; i < constants && !r->failed; i++) {
        switch (byte_at(r)) {
        case LUA_TNUMBER | (1 << 4): skip(r, sizeof(lua_Number)); break;   // float
        case LUA_TNUMBER | (0 << 4): skip(r, sizeof(lua_Integer)); break;  // integer
        case LUA_TSTRING | (0 << 4): case LUA_TSTRING | (1 << 4): skip_string(r); break;
        default: break;  // nil, false, true: no payload
        }
    }
    size_t upvalues = size_at(r);
    skip(r, upvalues * 3);
    size_t protos = size_at(r);
    for (size_t i = 0; i < protos && !r->failed; i++) read_function(r, sink, depth + 1);
    // Debug information.
    size_t lines = size_at(r);
    const signed char *lineinfo = (const signed char *)r->p;
    skip(r, lines);
    size_t absolute = size_at(r);
    const unsigned char *abs_start = r->p;
    for (size_t i = 0; i < absolute * 2 && !r->failed; i++) size_at(r);
    if (r->failed) return;
    // Walk the instructions: each adds its delta, or takes the next absolute line.
    reader abs = {abs_start, r->p, 0};
    int line = linedefined;
    for (size_t pc = 0; pc < lines; pc++) {
        if (lineinfo[pc] == -0x80) {  // ABSLINEINFO
            size_at(&abs);
            line = (int)size_at(&abs);
        } else {
            line += lineinfo[pc];
        }
        // A vararg function's first instruction (VARARGPREP) is never reported; the last one is
        // the implicit return at `end`, reported only when the function falls through to it.
        int is_last = pc + 1 == lines;
        if (!(is_vararg && pc == 0)) sink->visit(sink->context, line, is_last);
    }
    size_t locals = size_at(r);
    for (size_t i = 0; i < locals && !r->failed; i++) {
        skip_string(r);
        size_at(r);
        size_at(r);
    }
    size_t names = size_at(r);
    for (size_t i = 0; i < names && !r->failed; i++) skip_string(r);
}

typedef struct buffer {
    unsigned char *bytes;
    size_t length, capacity;
    int failed;
} buffer;

static int write_dump(lua_State *L, const void *p, size_t size, void *ud) {
    (void)L;
    buffer *b = ud;
    if (b->length + size > b->capacity) {
        size_t grown = b->capacity ? b->capacity : 4096;
        while (grown < b->length + size) grown *= 2;
        unsigned char *bigger = realloc(b->bytes, grown);
        if (bigger == NULL) { b->failed = 1; return 1; }
        b->bytes = bigger;
        b->capacity = grown;
    }
    memcpy(b->bytes + b->length, p, size);
    b->length += size;
    return 0;
}

int hr_coverage_executable_lines(const char *source, size_t length, const char *name,
                                 hr_line_visit visit, void *context) {
    lua_State *L = luaL_newstate();
    if (L == NULL) return 0;
    buffer dump = {0};
    int ok = luaL_loadbufferx(L, source, length, name, "t") == LUA_OK
             && lua_dump(L, write_dump, &dump, 0) == 0 && !dump.failed;
    lua_close(L);
    // Header: signature, version, format, LUAC_DATA, three sizes, LUAC_INT, LUAC_NUM.
    static const unsigned char header[] = {0x1b, 'L', 'u', 'a', 0x54, 0, 0x19, 0x93, '\r', '\n', 0x1a, '\n',
                                           sizeof(uint32_t), sizeof(lua_Integer), sizeof(lua_Number)};
    size_t header_size = sizeof header + sizeof(lua_Integer) + sizeof(lua_Number);
    if (ok && (dump.length < header_size + 1 || memcmp(dump.bytes, header, sizeof header) != 0)) ok = 0;
    if (ok) {
        reader r = {dump.bytes + header_size + 1, dump.bytes + dump.length, 0};  // +1: upvalue count
        line_sink sink = {visit, context};
        read_function(&r, &sink, 0);
        ok = !r.failed;
    }
    free(dump.bytes);
    return ok;
}
