# ./kit setup: installs what the kit needs, once. Each step is idempotent and cheap to
# repeat; everything goes into $KIT_CACHE (default ~/.cache/pulley-kit).
# A step is a file in scripts/setup/, sourced in order; it records what later commands
# need (tool paths, JAVA_HOME) in $KIT_ENV.

# What `./kit demo` needs: build and run the guests and the Java library.
KIT_CORE_STEPS=(jdk rust-wasm32 wasm-tools libwasmtime c-api-headers)
# What the course adds: the notebook kernel and the browser for its checks.
KIT_COURSE_STEPS=(jupyter browser)

run_setup() { # run_setup core|all
  local s group=${1:-all} steps=("${KIT_CORE_STEPS[@]}")
  [ "$group" = all ] && steps+=("${KIT_COURSE_STEPS[@]}")
  load_kit_env
  local stamp="$KIT_CACHE/setup-$group.stamp" want
  want=$(setup_fingerprint)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && recorded_paths_exist; then
    step "setup: everything is in place (cache: $KIT_CACHE)"
    return 0
  fi
  for s in "${steps[@]}"; do
    # shellcheck disable=SC1090
    source "$KIT_ROOT/scripts/setup/$s.sh"
  done
  printf '%s\n' "$want" > "$stamp"
  step "setup complete (cache: $KIT_CACHE)"
}

# What setup depends on: the pins, the setup scripts, and where this clone is (the notebook
# kernel points at this clone's lib.jar). A change to any of them reruns every step.
setup_fingerprint() {
  { printf '%s\n' "$KIT_ROOT"; cat "$KIT_ROOT/pins.properties" "$KIT_ROOT/scripts/setup.sh" "$KIT_ROOT"/scripts/setup/*.sh; } \
    | sha256sum | cut -d' ' -f1
}

# Every absolute path that setup recorded must still be there (a deleted tool reruns setup).
recorded_paths_exist() {
  [ -f "$KIT_ENV" ] || return 1
  local value
  while IFS= read -r value; do
    [ -e "$value" ] || return 1
  done < <(bash -c 'source "$1"; env' _ "$KIT_ENV" | sed -n 's/^\(JAVA_HOME\|CARGO_HOME\|RUSTUP_HOME\|KIT_[A-Z_]*\)=\(\/.*\)$/\2/p')
}
