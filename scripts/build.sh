# Building lib.jar and running what is inside it. Sourced by ./kit after setup.

LIB_JAR="$KIT_ROOT/lib/target/lib.jar"

mvn_kit() { # Maven with the kit's JDK, tools and its own local repository in the cache
  # Maven 3.8 itself uses sun.misc.Unsafe; allow it quietly on JDK 24+.
  (cd "$KIT_ROOT" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -B -ntp -Dstyle.color=never -Dmaven.repo.local="$KIT_CACHE/m2" \
      -Dkit.cargo="$KIT_CARGO" -Dkit.wasm.tools="$KIT_WASM_TOOLS" \
      -Dkit.libwasmtime.dir="$(dirname "$KIT_LIBWASMTIME")" -Dkit.cache="$KIT_CACHE" "$@")
}

lib_is_current() { # true when lib.jar is newer than every source it is built from
  [ -f "$LIB_JAR" ] || return 1
  [ -z "$(cd "$KIT_ROOT" && find pom.xml pins.properties lib/pom.xml lib/src/main wit guests \
            -path guests/target -prune -o -type f -newer "$LIB_JAR" -print -quit)" ]
}

build_lib() {
  if lib_is_current; then return 0; fi
  step "building lib.jar (guests -> components -> Pulley artifacts -> Java library)"
  mvn_kit -q -DskipTests -pl lib package >&2 || die "the build failed (Maven's output is above)."
  note "$LIB_JAR"
}

java_kit() { # java with lib.jar, native access and the kit's tools known
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$LIB_JAR" "$@"
}

run_kit_cli() { java_kit dev.pulleykit.kit.cli.KitCommand "$@"; }

run_jshell() {
  # JShell runs snippets in a second JVM: -R passes flags to that one.
  exec "$JAVA_HOME/bin/jshell" --class-path "$LIB_JAR" -R--enable-native-access=ALL-UNNAMED \
    --startup DEFAULT --startup "$KIT_ROOT/jshell/kit-startup.jsh" "$@"
}

run_tests() {
  step "running every test (JUnit unit tests, then the course checks against lib.jar)"
  mvn_kit verify "$@"
}

# On AMD Zen CPUs, glibc's `rep movsb` path for copies of 4 KiB and more (which Wasmtime's own
# copies into and out of guest memory take) runs at one of two speeds, fixed per process by where
# its buffers land. A C run and a JVM fork that draw different speeds differ by a third on the
# 4 KiB string alone, so both sides use glibc's vector copy loop instead, the same for each. An
# explicit GLIBC_TUNABLES, or --glibc-default, is left as it is (bench/c/README.md).
BENCH_GLIBC_TUNABLES="glibc.cpu.x86_rep_movsb_threshold=1000000000"

run_bench() { # ./kit bench [--glibc-default] [JMH OPTIONS]: the binding (JMH) and the C baseline, same machine, same run
  if [ "${1:-}" = "--glibc-default" ]; then
    shift
  elif [ -z "${GLIBC_TUNABLES:-}" ]; then
    export GLIBC_TUNABLES="$BENCH_GLIBC_TUNABLES"
    note "both sides copy with glibc's vector loop, not rep movsb (GLIBC_TUNABLES=$GLIBC_TUNABLES; --glibc-default to keep glibc's choice)"
  fi
  build_lib
  step "building the benchmarks"
  mvn_kit -q -DskipTests -pl bench -am package >&2 || die "building the benchmarks failed (Maven's output is above)."
  run_c_baseline bench/c-baseline.json
  step "JMH: calls and loads through the Java binding (about two minutes)"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$KIT_ROOT/bench/target/benchmarks.jar" \
    -rf json -rff "$KIT_ROOT/bench/results.json" "$@" >&2 || die "JMH failed (its output is above)."
  note "JMH results: bench/results.json"
  # Once more after JMH: on a shared machine speed drifts, and the report takes the mean.
  run_c_baseline bench/c-baseline-after.json
  "$JAVA_HOME/bin/java" -cp "$KIT_ROOT/bench/target/benchmarks.jar" dev.pulleykit.bench.BenchReport \
    "$KIT_ROOT/bench/results.json" "$KIT_ROOT/bench/c-baseline.json" "$KIT_ROOT/bench/c-baseline-after.json"
}

# Notebooks: `./kit notebook run` (scripts/notebook_run.py) and `./kit lab` (scripts/lab.sh).
jupyter_env() { # Jupyter's own settings and runtime files live in the cache (unless set), apart from the user's
  export JUPYTER_CONFIG_DIR="${JUPYTER_CONFIG_DIR:-$KIT_CACHE/jupyter/config}"
  export JUPYTER_DATA_DIR="${JUPYTER_DATA_DIR:-$KIT_CACHE/jupyter/data}"
  export JUPYTER_RUNTIME_DIR="${JUPYTER_RUNTIME_DIR:-$KIT_CACHE/jupyter/runtime}" JUPYTER_PLATFORM_DIRS=1
}

run_notebook_cmd() { # ./kit notebook run [--out DIR] FILE...
  local sub=${1:-}
  [ $# -gt 0 ] && shift
  case "$sub" in
    run)
      [ $# -gt 0 ] || die "no notebook given." "Example: ./kit notebook run notebooks/*.ipynb"
      jupyter_env
      "$KIT_VENV/bin/python" "$KIT_ROOT/scripts/notebook_run.py" "$@" ;;
    *) die "unknown notebook command '$sub'." \
           "Use ./kit notebook run FILE... (or ./kit lab to open the notebooks in JupyterLab)." ;;
  esac
}
