// The C baseline for Pulley Kit's Java binding: the same component calls, made by a C
// program straight through the Wasmtime C API, on the kit's engine profile (component
// model on, target pulley64, signals-based traps off, everything else default).
//
// usage: c_api_baseline [OPTIONS] SPEC...
//   SPEC is FILE.component.wasm:EXPORT[:ARG], where ARG is
//     (nothing)    the export takes no parameters         e.g. guest1.component.wasm:run
//     some=TEXT    one option<string> parameter, some(TEXT) e.g. guest2.component.wasm:run:some=Kevin
//     none         one option<string> parameter, none
//     string=N     one string parameter: N bytes of ASCII, "abc...zabc..."
//     list-u32=N   one list<u32> parameter: [0, 1, ..., N-1]
//     record-abc   one record-abc parameter (types.wit): {a: 7, b: "x", c: [1, 2, 3]}
//   An export measured returns one string, one list<u32> or one record-abc. The string=,
//   list-u32= and record-abc calls are echoes: the first call checks that the result equals
//   the argument.
//   OPTIONS: --warmup-ms N (1000)  --batch-ms N (100)  --batches N (30)  --load-runs N (30)
//
// For each SPEC: compile the component once, instantiate it once in its own store with a
// component linker that holds the board's imports (embedded:platform gpio, timer and log,
// as C callbacks, for blinky; components that import nothing never see them), then time
// calls in batches (after a warm-up) and report the median and min of the per-batch
// ns/call. For each distinct FILE: time wasmtime_component_new, and
// wasmtime_component_deserialize of its serialized form.
// One JSON object goes to stdout; progress goes to stderr. Any error exits with status 1.

#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wasmtime.h>

#define TARGET "pulley64"

// ---------------------------------------------------------------------------------------
// Errors and small helpers

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

// Exits with Wasmtime's message if err is set (the error is ours to delete).
static void check(wasmtime_error_t *err, const char *fmt, ...) {
  if (err == NULL) return;
  wasm_name_t msg;
  wasmtime_error_message(err, &msg);
  va_list ap;
  va_start(ap, fmt);
  fputs("error: ", stderr);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, ": %.*s\n", (int)msg.size, msg.data);
  wasm_byte_vec_delete(&msg);
  wasmtime_error_delete(err);
  exit(1);
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (p == NULL) die("out of memory");
  return p;
}

static uint8_t *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) die("cannot open %s: %s", path, strerror(errno));
  if (fseek(f, 0, SEEK_END) != 0) die("cannot seek %s", path);
  long size = ftell(f);
  if (size < 0) die("cannot size %s", path);
  rewind(f);
  uint8_t *buf = xmalloc((size_t)size);
  if (fread(buf, 1, (size_t)size, f) != (size_t)size) die("cannot read %s", path);
  fclose(f);
  *len = (size_t)size;
  return buf;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

typedef struct {
  double median, min, max, mean;
} stats_t;

static stats_t stats_of(double *v, size_t n) { // sorts v
  qsort(v, n, sizeof *v, cmp_double);
  stats_t s = {.min = v[0], .max = v[n - 1], .mean = 0};
  for (size_t i = 0; i < n; i++) s.mean += v[i] / (double)n;
  s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  return s;
}

static void json_str(FILE *out, const char *s, size_t n) {
  fputc('"', out);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
    else if (c < 0x20) fprintf(out, "\\u%04x", c);
    else fputc(c, out);
  }
  fputc('"', out);
}

// Keeps the compiler from proving a buffer dead (and dropping malloc/memcpy/free).
static inline void escape(void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }

// ---------------------------------------------------------------------------------------
// The engine, components, and one call

typedef enum { ARGS_NONE_GIVEN, ARG_SOME, ARG_NONE, ARG_STRING, ARG_LIST_U32, ARG_RECORD_ABC } arg_kind_t;

typedef struct {
  const char *path, *export_name, *arg; // arg: the TEXT of some=TEXT, the bytes of string=N
  size_t arg_len;                       // string=N: N
  char *owned_arg;                      // string=N: the buffer arg points at
  uint32_t *items;                      // list-u32=N: the caller's N numbers
  size_t n_items;
  arg_kind_t arg_kind;
  char name[256], args_text[256];       // "guest2.run", "some(\"Kevin\")"
  wasmtime_store_t *store;
  wasmtime_context_t *ctx;
  wasmtime_component_func_t func;
  char *first_result;                   // the result of the first call, for the report
  size_t first_result_len;
  stats_t ns_per_call;
  uint64_t batch_iterations, batches;
} call_case_t;

static wasm_engine_t *new_engine(void) {
  wasm_config_t *cfg = wasm_config_new();
  if (cfg == NULL) die("wasm_config_new failed");
  wasmtime_config_wasm_component_model_set(cfg, true);
  check(wasmtime_config_target_set(cfg, TARGET), "wasmtime_config_target_set(%s)", TARGET);
  wasmtime_config_signals_based_traps_set(cfg, false);
  wasm_engine_t *engine = wasm_engine_new_with_config(cfg); // takes ownership of cfg
  if (engine == NULL) die("wasm_engine_new_with_config failed (profile: %s)", TARGET);
  return engine;
}

static wasmtime_component_t *compile(wasm_engine_t *engine, const uint8_t *bytes, size_t len,
                                     const char *path) {
  wasmtime_component_t *component = NULL;
  check(wasmtime_component_new(engine, bytes, len, &component), "compiling %s", path);
  return component;
}

static volatile uint64_t sink; // every result feeds this, so no call is ever dead code

// A result, copied out of Wasmtime's value into the caller's own memory: what a binding
// hands to its caller. Only the members of the result's kind are set.
typedef struct {
  wasmtime_component_valkind_t kind;
  char *text;      // a string; a record's b
  size_t text_len;
  uint32_t *u32s;  // a list<u32>
  size_t n_u32s;
  uint8_t *bytes;  // a record's c (list<u8>)
  size_t n_bytes;
  uint32_t a;      // a record's a
} copy_t;

static void free_copy(copy_t *k) {
  free(k->text);
  free(k->u32s);
  free(k->bytes);
}

static char *copy_text(const wasm_name_t *s, size_t *len) {
  char *copy = xmalloc(s->size + 1);
  memcpy(copy, s->data, s->size);
  copy[s->size] = '\0';
  *len = s->size;
  return copy;
}

static bool name_is(const wasm_name_t *name, const char *s) {
  return name->size == strlen(s) && memcmp(name->data, s, name->size) == 0;
}

// Copies the result r into out, checking every kind on the way as a binding must.
static void copy_result(const call_case_t *c, const wasmtime_component_val_t *r, copy_t *out) {
  *out = (copy_t){.kind = r->kind};
  switch (r->kind) {
  case WASMTIME_COMPONENT_STRING:
    out->text = copy_text(&r->of.string, &out->text_len);
    return;
  case WASMTIME_COMPONENT_LIST: {
    size_t n = r->of.list.size;
    out->u32s = xmalloc(n * sizeof *out->u32s);
    out->n_u32s = n;
    for (size_t i = 0; i < n; i++) {
      const wasmtime_component_val_t *v = &r->of.list.data[i];
      if (v->kind != WASMTIME_COMPONENT_U32) die("%s returned a list item of kind %d, not a u32", c->name, (int)v->kind);
      out->u32s[i] = v->of.u32;
    }
    return;
  }
  case WASMTIME_COMPONENT_RECORD: // record-abc: fields found by name, as a binding reads them
    for (size_t f = 0; f < r->of.record.size; f++) {
      const wasmtime_component_valrecord_entry_t *e = &r->of.record.data[f];
      if (name_is(&e->name, "a") && e->val.kind == WASMTIME_COMPONENT_U32) {
        out->a = e->val.of.u32;
      } else if (name_is(&e->name, "b") && e->val.kind == WASMTIME_COMPONENT_STRING) {
        out->text = copy_text(&e->val.of.string, &out->text_len);
      } else if (name_is(&e->name, "c") && e->val.kind == WASMTIME_COMPONENT_LIST) {
        size_t n = e->val.of.list.size;
        out->bytes = xmalloc(n);
        out->n_bytes = n;
        for (size_t i = 0; i < n; i++) {
          const wasmtime_component_val_t *v = &e->val.of.list.data[i];
          if (v->kind != WASMTIME_COMPONENT_U8) die("%s returned c[%zu] of kind %d, not a u8", c->name, i, (int)v->kind);
          out->bytes[i] = v->of.u8;
        }
      } else {
        die("%s returned a record field '%.*s' of kind %d, not one of record-abc's", c->name,
            (int)e->name.size, e->name.data, (int)e->val.kind);
      }
    }
    return;
  default:
    die("%s returned a value of kind %d, not a string, list<u32> or record-abc", c->name, (int)r->kind);
  }
}

// One call, as a binding makes it: build the arguments, call, copy the result into the
// caller's own memory, release Wasmtime's copy, then (here) the caller's copy too.
static inline void call_once(call_case_t *c, copy_t *keep) {
  // Arguments are only borrowed: func_call converts them into its own values before the
  // call and never frees or keeps them, so they may point at the caller's memory (stack,
  // static data). Only results are Wasmtime-allocated. A string must be valid UTF-8.
  wasmtime_component_val_t args[1], payload;
  wasmtime_component_val_t *items = NULL, c_items[3];
  wasmtime_component_valrecord_entry_t fields[3];
  size_t nargs = 0;
  switch (c->arg_kind) {
  case ARGS_NONE_GIVEN:
    break;
  case ARG_SOME:
    payload.kind = WASMTIME_COMPONENT_STRING;
    payload.of.string.size = strlen(c->arg);
    payload.of.string.data = (wasm_byte_t *)c->arg;
    args[0].kind = WASMTIME_COMPONENT_OPTION;
    args[0].of.option = &payload;
    nargs = 1;
    break;
  case ARG_NONE:
    args[0].kind = WASMTIME_COMPONENT_OPTION;
    args[0].of.option = NULL;
    nargs = 1;
    break;
  case ARG_STRING: // the caller's bytes, borrowed as they are (a C caller needs no copy)
    args[0].kind = WASMTIME_COMPONENT_STRING;
    args[0].of.string.size = c->arg_len;
    args[0].of.string.data = (wasm_byte_t *)c->arg;
    nargs = 1;
    break;
  case ARG_LIST_U32:
    // The C API has no packed list<u32>: each number becomes a 32-byte value, so the list
    // is built anew from the caller's numbers on every call.
    items = xmalloc(c->n_items * sizeof *items);
    for (size_t i = 0; i < c->n_items; i++) {
      items[i].kind = WASMTIME_COMPONENT_U32;
      items[i].of.u32 = c->items[i];
    }
    escape(items);
    args[0].kind = WASMTIME_COMPONENT_LIST;
    args[0].of.list.size = c->n_items;
    args[0].of.list.data = items;
    nargs = 1;
    break;
  case ARG_RECORD_ABC: { // {a: 7, b: "x", c: [1, 2, 3]}: every field named, in declaration order
    static const uint8_t c_bytes[3] = {1, 2, 3};
    for (size_t i = 0; i < 3; i++) {
      c_items[i].kind = WASMTIME_COMPONENT_U8;
      c_items[i].of.u8 = c_bytes[i];
    }
    fields[0].name = (wasm_name_t){1, (wasm_byte_t *)"a"};
    fields[0].val.kind = WASMTIME_COMPONENT_U32;
    fields[0].val.of.u32 = 7;
    fields[1].name = (wasm_name_t){1, (wasm_byte_t *)"b"};
    fields[1].val.kind = WASMTIME_COMPONENT_STRING;
    fields[1].val.of.string = (wasm_name_t){1, (wasm_byte_t *)"x"};
    fields[2].name = (wasm_name_t){1, (wasm_byte_t *)"c"};
    fields[2].val.kind = WASMTIME_COMPONENT_LIST;
    fields[2].val.of.list.size = 3;
    fields[2].val.of.list.data = c_items;
    args[0].kind = WASMTIME_COMPONENT_RECORD;
    args[0].of.record.size = 3;
    args[0].of.record.data = fields;
    nargs = 1;
    break;
  }
  }

  // func_call frees whatever the result slot holds before writing the result into it, so
  // the slot must hold a valid value (the header: never uninitialized memory). After
  // wasmtime_component_val_delete a string slot is left empty, but a boxed payload
  // (option, result, variant) is left dangling, so a slot is reset before every call.
  wasmtime_component_val_t result;
  result.kind = WASMTIME_COMPONENT_BOOL;
  result.of.boolean = false;
  check(wasmtime_component_func_call(&c->func, c->ctx, args, nargs, &result, 1),
        "calling %s(%s)", c->name, c->args_text);
  free(items);

  copy_t copy;
  copy_result(c, &result, &copy);
  wasmtime_component_val_delete(&result); // the result's memory belongs to the caller
  escape(copy.text);
  escape(copy.u32s);
  escape(copy.bytes);
  sink += copy.text_len + copy.n_u32s + copy.n_bytes + copy.a
          + (copy.text_len ? (uint8_t)copy.text[copy.text_len / 2] : 0)
          + (copy.n_u32s ? copy.u32s[copy.n_u32s / 2] : 0) + (copy.n_bytes ? copy.bytes[copy.n_bytes / 2] : 0);
  if (keep != NULL) *keep = copy;
  else free_copy(&copy);
}

// The first call's result, checked against the argument for the echo calls and described
// for the report: a short string as it is, anything else abridged.
static char *check_and_describe(const call_case_t *c, const copy_t *k) {
  bool echoed = true;
  if (c->arg_kind == ARG_STRING)
    echoed = k->kind == WASMTIME_COMPONENT_STRING && k->text_len == c->arg_len && memcmp(k->text, c->arg, c->arg_len) == 0;
  else if (c->arg_kind == ARG_LIST_U32)
    echoed = k->kind == WASMTIME_COMPONENT_LIST && k->n_u32s == c->n_items
             && memcmp(k->u32s, c->items, c->n_items * sizeof *c->items) == 0;
  else if (c->arg_kind == ARG_RECORD_ABC)
    echoed = k->kind == WASMTIME_COMPONENT_RECORD && k->a == 7 && k->text_len == 1 && k->text[0] == 'x'
             && k->n_bytes == 3 && k->bytes[0] == 1 && k->bytes[1] == 2 && k->bytes[2] == 3;
  if (!echoed) die("%s(%s) did not return its argument", c->name, c->args_text);

  char out[256];
  if (k->kind == WASMTIME_COMPONENT_STRING && k->text_len <= 80)
    snprintf(out, sizeof out, "%s", k->text);
  else if (k->kind == WASMTIME_COMPONENT_STRING)
    snprintf(out, sizeof out, "%.16s... (%zu bytes)", k->text, k->text_len);
  else if (k->kind == WASMTIME_COMPONENT_LIST && k->n_u32s > 0)
    snprintf(out, sizeof out, "[%u, ..., %u] (%zu items)", k->u32s[0], k->u32s[k->n_u32s - 1], k->n_u32s);
  else if (k->kind == WASMTIME_COMPONENT_LIST)
    snprintf(out, sizeof out, "[]");
  else
    snprintf(out, sizeof out, "{a: %u, b: \"%s\", c: (%zu bytes)}", k->a, k->text ? k->text : "", k->n_bytes);
  char *s = xmalloc(strlen(out) + 1);
  strcpy(s, out);
  return s;
}

// ---------------------------------------------------------------------------------------
// The board's imports (wit/blinky.wit), as C callbacks. blinky's status() calls gpio.read
// once; the others are defined so that blinky instantiates, and do nothing.

// gpio.read(pin: u32) -> bool: pin 25 (the LED) reads low. A bool owns no memory, so it
// is written into Wasmtime's result slot in place (results must be Wasmtime-allocated).
static wasmtime_error_t *gpio_read(void *env, wasmtime_context_t *ctx, const wasmtime_component_func_type_t *ty,
                                   wasmtime_component_val_t *args, size_t nargs,
                                   wasmtime_component_val_t *results, size_t nresults) {
  (void)env, (void)ctx, (void)ty;
  if (nargs != 1 || args[0].kind != WASMTIME_COMPONENT_U32 || nresults != 1)
    return wasmtime_error_new("gpio.read: expected (u32) -> bool");
  results[0].kind = WASMTIME_COMPONENT_BOOL;
  results[0].of.boolean = args[0].of.u32 != 25;
  return NULL;
}

// timer.now-ms() -> u64: always 0.
static wasmtime_error_t *now_ms(void *env, wasmtime_context_t *ctx, const wasmtime_component_func_type_t *ty,
                                wasmtime_component_val_t *args, size_t nargs,
                                wasmtime_component_val_t *results, size_t nresults) {
  (void)env, (void)ctx, (void)ty, (void)args, (void)nargs;
  if (nresults != 1) return wasmtime_error_new("timer.now-ms: expected one result");
  results[0].kind = WASMTIME_COMPONENT_U64;
  results[0].of.u64 = 0;
  return NULL;
}

// gpio.set-high, gpio.set-low, timer.delay-ms, log.info: no result, nothing to do.
static wasmtime_error_t *do_nothing(void *env, wasmtime_context_t *ctx, const wasmtime_component_func_type_t *ty,
                                    wasmtime_component_val_t *args, size_t nargs,
                                    wasmtime_component_val_t *results, size_t nresults) {
  (void)env, (void)ctx, (void)ty, (void)args, (void)nargs, (void)results, (void)nresults;
  return NULL;
}

static void add_interface(wasmtime_component_linker_instance_t *root, const char *name, size_t n,
                          const char *const *funcs, const wasmtime_component_func_callback_t *callbacks) {
  wasmtime_component_linker_instance_t *iface = NULL;
  check(wasmtime_component_linker_instance_add_instance(root, name, strlen(name), &iface), "defining %s", name);
  for (size_t i = 0; i < n; i++) {
    check(wasmtime_component_linker_instance_add_func(iface, funcs[i], strlen(funcs[i]), callbacks[i], NULL, NULL),
          "defining %s#%s", name, funcs[i]);
  }
  wasmtime_component_linker_instance_delete(iface);
}

static void add_board_imports(wasmtime_component_linker_t *linker) {
  // The root borrows the linker (and an interface the root): delete them before instantiating.
  wasmtime_component_linker_instance_t *root = wasmtime_component_linker_root(linker);
  add_interface(root, "embedded:platform/gpio", 3, (const char *const[]){"read", "set-high", "set-low"},
                (const wasmtime_component_func_callback_t[]){gpio_read, do_nothing, do_nothing});
  add_interface(root, "embedded:platform/timer", 2, (const char *const[]){"delay-ms", "now-ms"},
                (const wasmtime_component_func_callback_t[]){do_nothing, now_ms});
  add_interface(root, "embedded:platform/log", 1, (const char *const[]){"info"},
                (const wasmtime_component_func_callback_t[]){do_nothing});
  wasmtime_component_linker_instance_delete(root);
}

// The compile-and-instantiate step for one case: its own store, a linker with the board's imports.
static void instantiate(call_case_t *c, wasm_engine_t *engine, const wasmtime_component_t *comp) {
  c->store = wasmtime_store_new(engine, NULL, NULL);
  if (c->store == NULL) die("wasmtime_store_new failed");
  c->ctx = wasmtime_store_context(c->store);

  wasmtime_component_linker_t *linker = wasmtime_component_linker_new(engine);
  if (linker == NULL) die("wasmtime_component_linker_new failed");
  add_board_imports(linker);
  wasmtime_component_instance_t instance;
  check(wasmtime_component_linker_instantiate(linker, c->ctx, comp, &instance),
        "instantiating %s", c->path);
  wasmtime_component_linker_delete(linker);

  // The export index is looked up once on the component; per store only the func.
  wasmtime_component_export_index_t *idx =
      wasmtime_component_get_export_index(comp, NULL, c->export_name, strlen(c->export_name));
  if (idx == NULL) die("%s has no export named '%s'", c->path, c->export_name);
  if (!wasmtime_component_instance_get_func(&instance, c->ctx, idx, &c->func))
    die("export '%s' of %s is not a function", c->export_name, c->path);
  wasmtime_component_export_index_delete(idx);
}

// ---------------------------------------------------------------------------------------
// Measurements

typedef struct {
  uint64_t warmup_ms, batch_ms, batches, load_runs;
} options_t;

static void measure_calls(call_case_t *c, const options_t *o) {
  copy_t first;
  call_once(c, &first);
  c->first_result = check_and_describe(c, &first);
  c->first_result_len = strlen(c->first_result);
  free_copy(&first);
  fprintf(stderr, "  %s(%s) -> %s\n", c->name, c->args_text, c->first_result);

  // Warm-up, which also estimates the cost of a call to size the batches.
  uint64_t n = 0, t0 = now_ns(), t;
  do {
    for (int i = 0; i < 100; i++) call_once(c, NULL);
    n += 100;
    t = now_ns();
  } while (t - t0 < o->warmup_ms * 1000000u);
  double est = (double)(t - t0) / (double)n;
  c->batch_iterations = (uint64_t)((double)o->batch_ms * 1e6 / est);
  if (c->batch_iterations < 100) c->batch_iterations = 100;
  c->batches = o->batches;

  double *per_call = xmalloc(o->batches * sizeof *per_call);
  for (uint64_t b = 0; b < o->batches; b++) {
    uint64_t start = now_ns();
    for (uint64_t i = 0; i < c->batch_iterations; i++) call_once(c, NULL);
    per_call[b] = (double)(now_ns() - start) / (double)c->batch_iterations;
  }
  c->ns_per_call = stats_of(per_call, o->batches);
  free(per_call);
  fprintf(stderr, "  %s: median %.1f ns/call, min %.1f, max %.1f (%llu batches of %llu)\n",
          c->name, c->ns_per_call.median, c->ns_per_call.min, c->ns_per_call.max,
          (unsigned long long)c->batches, (unsigned long long)c->batch_iterations);
}

typedef struct {
  const char *path;
  char name[256];
  size_t wasm_bytes, serialized_bytes;
  stats_t compile_ns, deserialize_ns;
} load_case_t;

static void measure_loads(load_case_t *l, wasm_engine_t *engine, const options_t *o) {
  size_t len;
  uint8_t *bytes = read_file(l->path, &len);
  l->wasm_bytes = len;
  double *v = xmalloc(o->load_runs * sizeof *v);

  wasmtime_component_delete(compile(engine, bytes, len, l->path)); // warm-up
  for (uint64_t r = 0; r < o->load_runs; r++) {
    wasmtime_component_t *comp = NULL;
    uint64_t t0 = now_ns();
    wasmtime_error_t *err = wasmtime_component_new(engine, bytes, len, &comp);
    v[r] = (double)(now_ns() - t0);
    check(err, "compiling %s", l->path);
    wasmtime_component_delete(comp);
  }
  l->compile_ns = stats_of(v, o->load_runs);

  wasmtime_component_t *comp = compile(engine, bytes, len, l->path);
  wasm_byte_vec_t ser;
  check(wasmtime_component_serialize(comp, &ser), "serializing %s", l->path);
  wasmtime_component_delete(comp);
  l->serialized_bytes = ser.size;

  for (uint64_t r = 0; r <= o->load_runs; r++) { // run 0 is the warm-up
    wasmtime_component_t *d = NULL;
    uint64_t t0 = now_ns();
    wasmtime_error_t *err = wasmtime_component_deserialize(engine, (const uint8_t *)ser.data, ser.size, &d);
    uint64_t t1 = now_ns();
    check(err, "deserializing %s", l->path);
    wasmtime_component_delete(d);
    if (r > 0) v[r - 1] = (double)(t1 - t0);
  }
  l->deserialize_ns = stats_of(v, o->load_runs);
  wasm_byte_vec_delete(&ser);
  free(v);
  free(bytes);
  fprintf(stderr, "  %s: compile median %.2f ms, deserialize median %.1f us (%llu runs each)\n",
          l->name, l->compile_ns.median / 1e6, l->deserialize_ns.median / 1e3,
          (unsigned long long)o->load_runs);
}

// ---------------------------------------------------------------------------------------
// Command line and report

static void component_name(const char *path, char *out, size_t cap) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  const char *suffixes[] = {".component.wasm", ".wasm"};
  for (size_t i = 0; i < 2; i++) {
    size_t s = strlen(suffixes[i]);
    if (n > s && strcmp(base + n - s, suffixes[i]) == 0) { n -= s; break; }
  }
  snprintf(out, cap, "%.*s", (int)n, base);
}

static uint64_t parse_count(const char *flag, const char *v) {
  char *end;
  unsigned long long x = v ? strtoull(v, &end, 10) : 0;
  if (v == NULL || *end != '\0' || x == 0) die("%s needs a positive integer", flag);
  return x;
}

static void parse_spec(char *spec, call_case_t *c) {
  // FILE ends at the last ".wasm:" so that paths may contain ':' elsewhere.
  char *sep = NULL;
  for (char *p = strstr(spec, ".wasm:"); p; p = strstr(p + 1, ".wasm:")) sep = p + 5;
  if (sep == NULL) die("bad spec '%s': expected FILE.component.wasm:EXPORT[:ARG]", spec);
  *sep = '\0';
  c->path = spec;
  c->export_name = sep + 1;
  char *arg = strchr(sep + 1, ':');
  c->arg_kind = ARGS_NONE_GIVEN;
  c->args_text[0] = '\0';
  if (arg != NULL) {
    *arg++ = '\0';
    if (strncmp(arg, "some=", 5) == 0) {
      c->arg_kind = ARG_SOME;
      c->arg = arg + 5;
      snprintf(c->args_text, sizeof c->args_text, "some(\"%s\")", c->arg);
    } else if (strcmp(arg, "none") == 0) {
      c->arg_kind = ARG_NONE;
      snprintf(c->args_text, sizeof c->args_text, "none");
    } else if (strncmp(arg, "string=", 7) == 0) { // the same text as ValueKindBenchmark's
      c->arg_kind = ARG_STRING;
      c->arg_len = parse_count("string=", arg + 7);
      c->owned_arg = xmalloc(c->arg_len);
      for (size_t i = 0; i < c->arg_len; i++) c->owned_arg[i] = (char)('a' + i % 26);
      c->arg = c->owned_arg;
      snprintf(c->args_text, sizeof c->args_text, "\"abc...\" (%zu bytes)", c->arg_len);
    } else if (strncmp(arg, "list-u32=", 9) == 0) {
      c->arg_kind = ARG_LIST_U32;
      c->n_items = parse_count("list-u32=", arg + 9);
      c->items = xmalloc(c->n_items * sizeof *c->items);
      for (size_t i = 0; i < c->n_items; i++) c->items[i] = (uint32_t)i;
      snprintf(c->args_text, sizeof c->args_text, "[0, 1, ..., %zu]", c->n_items - 1);
    } else if (strcmp(arg, "record-abc") == 0) {
      c->arg_kind = ARG_RECORD_ABC;
      snprintf(c->args_text, sizeof c->args_text, "{a: 7, b: \"x\", c: [1, 2, 3]}");
    } else {
      die("bad argument '%s' in spec: expected some=TEXT, none, string=N, list-u32=N or record-abc", arg);
    }
  }
  if (*c->export_name == '\0') die("spec for %s names no export", c->path);
  char comp[200];
  component_name(c->path, comp, sizeof comp);
  snprintf(c->name, sizeof c->name, "%s.%s", comp, c->export_name);
}

static void cpu_model(char *out, size_t cap) {
  snprintf(out, cap, "unknown");
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (f == NULL) return;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    char *colon = strchr(line, ':');
    if (strncmp(line, "model name", 10) == 0 && colon) {
      colon += 2;
      colon[strcspn(colon, "\n")] = '\0';
      snprintf(out, cap, "%s", colon);
      break;
    }
  }
  fclose(f);
}

static void print_stats(FILE *out, const char *prefix, stats_t s, double scale) {
  fprintf(out, "\"%s_median\":%.1f,\"%s_min\":%.1f,\"%s_max\":%.1f,\"%s_mean\":%.1f", prefix,
          s.median / scale, prefix, s.min / scale, prefix, s.max / scale, prefix, s.mean / scale);
}

int main(int argc, char **argv) {
  options_t o = {.warmup_ms = 1000, .batch_ms = 100, .batches = 30, .load_runs = 30};
  call_case_t *cases = calloc((size_t)argc, sizeof *cases);
  load_case_t *loads = calloc((size_t)argc, sizeof *loads);
  if (cases == NULL || loads == NULL) die("out of memory");
  size_t ncases = 0, nloads = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--warmup-ms") == 0) o.warmup_ms = parse_count(a, argv[++i]);
    else if (strcmp(a, "--batch-ms") == 0) o.batch_ms = parse_count(a, argv[++i]);
    else if (strcmp(a, "--batches") == 0) o.batches = parse_count(a, argv[++i]);
    else if (strcmp(a, "--load-runs") == 0) o.load_runs = parse_count(a, argv[++i]);
    else if (a[0] == '-') die("unknown option %s", a);
    else parse_spec(argv[i], &cases[ncases++]);
  }
  if (ncases == 0)
    die("usage: %s [--warmup-ms N] [--batch-ms N] [--batches N] [--load-runs N] "
        "FILE.component.wasm:EXPORT[:ARG]...", argv[0]);

  wasm_engine_t *engine = new_engine();
  fprintf(stderr, "Wasmtime %s C API, target %s, signals-based traps off\n", WASMTIME_VERSION,
          TARGET);

  // Calls: one compile and one instance per case.
  for (size_t i = 0; i < ncases; i++) {
    call_case_t *c = &cases[i];
    size_t len;
    uint8_t *bytes = read_file(c->path, &len);
    wasmtime_component_t *comp = compile(engine, bytes, len, c->path);
    free(bytes);
    instantiate(c, engine, comp);
    wasmtime_component_delete(comp); // the instance keeps what it needs
    measure_calls(c, &o);
  }

  // Loads: compile and deserialize times, once per distinct file.
  for (size_t i = 0; i < ncases; i++) {
    bool seen = false;
    for (size_t j = 0; j < nloads; j++) seen |= strcmp(loads[j].path, cases[i].path) == 0;
    if (seen) continue;
    load_case_t *l = &loads[nloads++];
    l->path = cases[i].path;
    component_name(l->path, l->name, sizeof l->name);
    measure_loads(l, engine, &o);
  }

  char cpu[256];
  cpu_model(cpu, sizeof cpu);
  FILE *out = stdout;
  fprintf(out, "{\"wasmtime\":\"%s\",\"target\":\"%s\",\"signals_based_traps\":false,", WASMTIME_VERSION, TARGET);
  fprintf(out, "\"clock\":\"CLOCK_MONOTONIC\",\"host\":{\"cpu\":");
  json_str(out, cpu, strlen(cpu));
  fprintf(out, ",\"online_cpus\":%ld},", sysconf(_SC_NPROCESSORS_ONLN));
  fprintf(out, "\"options\":{\"warmup_ms\":%llu,\"batch_ms\":%llu,\"batches\":%llu,\"load_runs\":%llu},",
          (unsigned long long)o.warmup_ms, (unsigned long long)o.batch_ms,
          (unsigned long long)o.batches, (unsigned long long)o.load_runs);
  fprintf(out, "\"cases\":[");
  for (size_t i = 0; i < ncases; i++) {
    call_case_t *c = &cases[i];
    fprintf(out, "%s\n  {\"name\":", i ? "," : "");
    json_str(out, c->name, strlen(c->name));
    fprintf(out, ",\"args\":");
    json_str(out, c->args_text, strlen(c->args_text));
    fprintf(out, ",\"result\":");
    json_str(out, c->first_result, c->first_result_len);
    fputc(',', out);
    print_stats(out, "ns_per_call", c->ns_per_call, 1);
    fprintf(out, ",\"batches\":%llu,\"iterations_per_batch\":%llu,\"iterations\":%llu}",
            (unsigned long long)c->batches, (unsigned long long)c->batch_iterations,
            (unsigned long long)(c->batches * c->batch_iterations));
  }
  fprintf(out, "],\n\"loads\":[");
  for (size_t i = 0; i < nloads; i++) {
    load_case_t *l = &loads[i];
    fprintf(out, "%s\n  {\"name\":", i ? "," : "");
    json_str(out, l->name, strlen(l->name));
    fprintf(out, ",\"wasm_bytes\":%zu,\"serialized_bytes\":%zu,", l->wasm_bytes, l->serialized_bytes);
    print_stats(out, "compile_us", l->compile_ns, 1e3);
    fputc(',', out);
    print_stats(out, "deserialize_us", l->deserialize_ns, 1e3);
    fprintf(out, ",\"runs\":%llu}", (unsigned long long)o.load_runs);
  }
  fprintf(out, "]}\n");

  for (size_t i = 0; i < ncases; i++) {
    free(cases[i].first_result);
    free(cases[i].owned_arg);
    free(cases[i].items);
    wasmtime_store_delete(cases[i].store);
  }
  wasm_engine_delete(engine);
  free(cases);
  free(loads);
  return fflush(out) == 0 ? 0 : 1;
}
