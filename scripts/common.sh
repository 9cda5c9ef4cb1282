# Shared by ./kit and the setup steps: where things live, and how progress is shown.
# Sourced, never run on its own.

KIT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Everything setup installs goes here, outside the repository, so a fresh clone reuses it.
KIT_CACHE=${PULLEY_KIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulley-kit}
mkdir -p "$KIT_CACHE"

# shellcheck source=../pins.properties
source "$KIT_ROOT/pins.properties"

# Progress and errors go to stderr, so stdout stays the command's own output.
# Colour only on a terminal, so logs and CI output stay plain text.
if [ -t 2 ]; then KIT_BLUE=$'\033[1;34m' KIT_RED=$'\033[1;31m' KIT_OFF=$'\033[0m'; else KIT_BLUE='' KIT_RED='' KIT_OFF=''; fi
step() { printf '%s==>%s %s\n' "$KIT_BLUE" "$KIT_OFF" "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
die()  { printf '%serror:%s %s\n' "$KIT_RED" "$KIT_OFF" "$1" >&2; shift; for l in "$@"; do printf '       %s\n' "$l" >&2; done; exit 1; }

# Shows a long tool's output as progress: one line rewritten in place on a terminal,
# every 25th line (and the last) in a log. Usage: some-tool 2>&1 | progress_lines LABEL
progress_lines() {
  local n=0 line last=""
  while IFS= read -r line; do
    case $line in *"be sure to add"*) continue ;; esac # cargo install's PATH advice: the kit records the path itself
    n=$((n + 1)) last=$line
    if [ -t 2 ]; then printf '\r\033[K    [%s] %s' "$1" "${line:0:100}" >&2
    elif [ $((n % 25)) -eq 1 ]; then printf '    [%s] %s\n' "$1" "$line" >&2; fi
  done
  if [ -t 2 ]; then printf '\r\033[K' >&2; fi
  [ -n "$last" ] && printf '    [%s] %s\n' "$1" "$last" >&2
  return 0
}

# The environment file setup writes: JAVA_HOME, tool paths. Later commands source it.
KIT_ENV="$KIT_CACHE/env.sh"
load_kit_env() { if [ -f "$KIT_ENV" ]; then source "$KIT_ENV"; fi; }
record_env() { # record_env NAME VALUE: remembered for later ./kit commands
  local tmp="$KIT_ENV.tmp"
  { [ -f "$KIT_ENV" ] && grep -v "^export $1=" "$KIT_ENV"; printf 'export %s=%q\n' "$1" "$2"; } > "$tmp"
  mv "$tmp" "$KIT_ENV"
  export "$1=$2"
}
