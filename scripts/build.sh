# Building lib.jar and running what is inside it. Sourced by ./kit after setup.

LIB_JAR="$KIT_ROOT/lib/target/lib.jar"

mvn_kit() { # Maven with the kit's JDK, tools and its own local repository in the cache
  (cd "$KIT_ROOT" && mvn -B -ntp -Dmaven.repo.local="$KIT_CACHE/m2" \
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

run_bench() {
  build_lib
  step "running the JMH benchmarks (several minutes)"
  mvn_kit -q -DskipTests -pl bench -am package >&2 || die "building the benchmarks failed."
  mkdir -p "$KIT_ROOT/bench"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$KIT_ROOT/bench/target/benchmarks.jar" \
    -rf json -rff "$KIT_ROOT/bench/results.json" "$@"
  note "results: bench/results.json"
}
