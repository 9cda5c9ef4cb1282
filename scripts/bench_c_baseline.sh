# The C baseline: the course guests' calls made by a C program straight through the
# Wasmtime C API (bench/c/c_api_baseline.c), the yardstick for the Java binding's cost.
# Sourced by ./kit after setup (needs KIT_CARGO, KIT_WASM_TOOLS, KIT_LIBWASMTIME and
# KIT_WASMTIME_INCLUDE); defines run_c_baseline. Build outputs go to bench/c/target/.

C_BASELINE_DIR="$KIT_ROOT/bench/c"

# The calls measured: guest1's run(), guest2's run(some("Kevin")) as the course calls it,
# and two neighbours for context (none takes the default name; describe has no arguments).
# Then one call per kind of value, as ValueKindBenchmark makes them: a record, a list of
# 1,000 u32s, a 4 KiB string, and blinky's status(), which calls the host's gpio.read.
c_baseline_specs() { # prints one spec per line, relative to the target directory
  printf '%s\n' guest1.component.wasm:run guest2.component.wasm:run:some=Kevin \
    guest2.component.wasm:run:none guest2.component.wasm:describe \
    types.component.wasm:echo-record:record-abc types.component.wasm:echo-list-u32:list-u32=1000 \
    types.component.wasm:echo-string:string=4096 blinky.component.wasm:status
}

# The guests as components, rebuilt only when their core modules changed.
c_baseline_components() { # c_baseline_components OUT_DIR
  local out=$1 g core
  [ -n "${KIT_CARGO:-}" ] && [ -n "${KIT_WASM_TOOLS:-}" ] \
    || die "KIT_CARGO or KIT_WASM_TOOLS is not set." "Run ./kit setup first."
  note "building the guests (cargo, wasm32-unknown-unknown, release)"
  (cd "$KIT_ROOT/guests" && "$KIT_CARGO" build --quiet --release --target wasm32-unknown-unknown >&2) \
    || die "cargo could not build the guests (its output is above)."
  for g in guest1 guest2 types blinky; do
    core="$KIT_ROOT/guests/target/wasm32-unknown-unknown/release/$g.wasm"
    [ -f "$core" ] || die "cargo built no $core."
    if [ ! -f "$out/$g.component.wasm" ] || [ "$core" -nt "$out/$g.component.wasm" ]; then
      "$KIT_WASM_TOOLS" component new "$core" -o "$out/$g.component.wasm.partial" \
        || die "wasm-tools could not encode $g as a component (its output is above)."
      mv "$out/$g.component.wasm.partial" "$out/$g.component.wasm"
    fi
  done
}

# The C program, rebuilt when its source or the library it links changed.
c_baseline_binary() { # c_baseline_binary OUT_DIR: prints the binary's path
  local out=$1 src="$C_BASELINE_DIR/c_api_baseline.c" bin="$1/c_api_baseline"
  local libdir
  [ -n "${KIT_LIBWASMTIME:-}" ] && [ -f "$KIT_LIBWASMTIME" ] && [ -f "${KIT_WASMTIME_INCLUDE:-}/wasmtime.h" ] \
    || die "libwasmtime or its C headers are missing." "Run ./kit setup first."
  command -v gcc >/dev/null || die "gcc was not found on PATH." "Install it (apt-get install gcc)."
  libdir=$(dirname "$KIT_LIBWASMTIME")
  if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ] || [ "$KIT_LIBWASMTIME" -nt "$bin" ]; then
    note "compiling $(basename "$src") (gcc -O2, linked to $KIT_LIBWASMTIME)"
    # The library has no SONAME: -l: records the bare file name, the rpath finds it.
    gcc -O2 -std=c11 -Wall -Wextra -Werror -I"$KIT_WASMTIME_INCLUDE" "$src" -o "$bin.partial" \
        -L"$libdir" -l:libwasmtime.so -Wl,-rpath,"$libdir" >&2 \
      || die "gcc could not build $src (its output is above)."
    mv "$bin.partial" "$bin"
  fi
  printf '%s\n' "$bin"
}

# run_c_baseline OUT_JSON [PROGRAM OPTIONS...]: builds what is missing, runs the baseline
# and writes its JSON to OUT_JSON (a relative path is taken from the repository root).
# Options such as --batches 5 --load-runs 5 are passed to the program (see its header).
run_c_baseline() {
  [ $# -ge 1 ] || die "usage: run_c_baseline OUT_JSON [OPTIONS...]"
  local json=$1 out="$C_BASELINE_DIR/target" bin
  shift
  case "$json" in /*) ;; *) json="$KIT_ROOT/$json" ;; esac
  step "C API baseline (Wasmtime $WASMTIME_VERSION, pulley64, about a minute)"
  mkdir -p "$out" "$(dirname "$json")"
  c_baseline_components "$out"
  bin=$(c_baseline_binary "$out") || exit 1
  local specs=()
  mapfile -t specs < <(c_baseline_specs)
  (cd "$out" && "$bin" "$@" "${specs[@]}") > "$json.partial" \
    || { rm -f "$json.partial"; die "the C baseline failed (its message is above)."; }
  mv "$json.partial" "$json"
  note "results: ${json#"$KIT_ROOT"/}"
}
