# Finds a JDK with the Foreign Function & Memory API (22 or newer; Temurin 25 preferred)
# and with javac and jshell, and records it as JAVA_HOME for every later ./kit command.

jdk_feature() { # prints the feature release of the JDK at $1, or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_jdk() {
  local candidates=() best="" best_feature=0 home feature
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk*)
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] && [ -x "$home/bin/jshell" ] || continue
    feature=$(jdk_feature "$home")
    if [ -n "$feature" ] && [ "$feature" -gt "$best_feature" ]; then best=$home best_feature=$feature; fi
  done
  [ "$best_feature" -ge "$JDK_MIN_FEATURE" ] && printf '%s\n' "$(readlink -f "$best")"
}

step "JDK (needs $JDK_MIN_FEATURE or newer for java.lang.foreign)"
jdk=$(find_jdk) || jdk=""
[ -n "$jdk" ] || die "no JDK $JDK_MIN_FEATURE or newer with javac and jshell was found." \
  "Looked at \$JAVA_HOME and /usr/lib/jvm. Install Temurin 25 (or any JDK 22+)," \
  "then run ./kit setup again, or point JAVA_HOME at it."
record_env JAVA_HOME "$jdk"
note "using $jdk (Java $(jdk_feature "$jdk"))"

if ! command -v mvn >/dev/null; then
  step "Maven (from Debian's packages)"
  { apt-get update -qq && apt-get install -y -qq maven; } >&2 || die "Maven is missing and could not be installed." "Install it (apt-get install maven) and run ./kit setup again."
fi
