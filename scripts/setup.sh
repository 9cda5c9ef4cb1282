# ./kit setup: installs what the kit needs, once. Each step is idempotent and cheap to
# repeat; everything goes into $KIT_CACHE (default ~/.cache/pulley-kit).
# A step is a file in scripts/setup/, sourced in order; it records what later commands
# need (tool paths, JAVA_HOME) in $KIT_ENV.

# What `./kit demo` needs: build and run the guests and the Java library.
KIT_CORE_STEPS=(jdk rust-wasm32 wasm-tools libwasmtime c-api-headers)
# What the course adds: the notebook kernel and the browser for its checks.
KIT_COURSE_STEPS=()

run_setup() { # run_setup core|all
  local s steps=("${KIT_CORE_STEPS[@]}")
  [ "${1:-all}" = all ] && steps+=("${KIT_COURSE_STEPS[@]}")
  load_kit_env
  for s in "${steps[@]}"; do
    # shellcheck disable=SC1090
    source "$KIT_ROOT/scripts/setup/$s.sh"
  done
  step "setup complete (cache: $KIT_CACHE)"
}
