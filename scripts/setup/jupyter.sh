# The course's notebook tools: a Python virtual environment in the cache with JupyterLab,
# nbclient and the JJava kernel (all pinned), and the kit's own kernelspec, "pulley-kit",
# inside that environment (the user's global Jupyter folders are left alone).

venv="$KIT_CACHE/venv"
spec_dir="$venv/share/jupyter/kernels/pulley-kit"
jupyter_pins="jjava==$JJAVA_VERSION jupyterlab==$JUPYTERLAB_VERSION nbclient==$NBCLIENT_VERSION nbformat==$NBFORMAT_VERSION"
step "Jupyter: JJava $JJAVA_VERSION kernel 'pulley-kit', JupyterLab $JUPYTERLAB_VERSION (in $venv)"

if [ "$(cat "$venv/.kit-pins" 2>/dev/null)" != "$jupyter_pins" ] || [ ! -x "$venv/bin/python" ]; then
  command -v python3 >/dev/null \
    || die "python3 was not found on PATH." "Install Python 3.9 or newer, then run ./kit setup again."
  if [ ! -x "$venv/bin/python" ]; then
    note "creating the virtual environment with $(command -v python3)"
    rm -rf "$venv"
    python3 -m venv "$venv" >&2 \
      || die "python3 -m venv could not create $venv." \
             "On Debian or Ubuntu install the venv module (apt-get install python3-venv), then run ./kit setup again."
  fi
  note "installing $jupyter_pins with pip (once, about a minute)"
  # shellcheck disable=SC2086
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $jupyter_pins >&2 \
    || die "pip could not install the notebook tools (pip's output is above)." \
           "Check that PyPI is reachable, then run ./kit setup again; 'rm -rf $venv' starts afresh."
  printf '%s' "$jupyter_pins" > "$venv/.kit-pins"
fi

# JJava's pip package ships its kernel jar inside its own kernelspec, "java".
jjava_jar="$venv/share/jupyter/kernels/java/jjava.jar"
[ -f "$jjava_jar" ] \
  || die "the jjava package did not install $jjava_jar." "Delete $venv and run ./kit setup again."

json_str() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
# The kernel runs JJava itself (no launcher) on the kit's JDK, with lib.jar on JShell's class
# path and the startup script that imports the kit and registers its HTML renderer. Rewritten
# on every setup, so a clone elsewhere points the kernel at its own lib.jar.
kernel_json=$(cat <<JSON
{
  "argv": [
    $(json_str "$JAVA_HOME/bin/java"),
    "--enable-native-access=ALL-UNNAMED",
    "-ea",
    "-Djava.awt.headless=true",
    $(json_str "-Djava.util.logging.config.file=$KIT_ROOT/notebooks/kernel/logging.properties"),
    "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
    "-jar", $(json_str "$jjava_jar"),
    "{connection_file}"
  ],
  "display_name": "Java (Pulley Kit)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "JJAVA_CLASSPATH": $(json_str "$KIT_ROOT/lib/target/lib.jar"),
    "JJAVA_STARTUP_SCRIPTS_PATH": $(json_str "$KIT_ROOT/notebooks/kernel/startup.jshell"),
    "PULLEY_KIT_CACHE": $(json_str "$KIT_CACHE")
  },
  "metadata": {
    "pulley_kit_root": $(json_str "$KIT_ROOT")
  }
}
JSON
)
if [ "$(cat "$spec_dir/kernel.json" 2>/dev/null)" != "$kernel_json" ]; then
  mkdir -p "$spec_dir"
  printf '%s\n' "$kernel_json" > "$spec_dir/kernel.json.tmp" && mv "$spec_dir/kernel.json.tmp" "$spec_dir/kernel.json"
  note "kernelspec 'pulley-kit' -> $KIT_ROOT/lib/target/lib.jar"
fi
record_env KIT_VENV "$venv"
