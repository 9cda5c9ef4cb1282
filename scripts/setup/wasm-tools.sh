# wasm-tools, the reference component tool: `component new` turns a core module into a
# component. Built once from crates.io with only the subcommands the kit uses.

tools_root="$KIT_CACHE/tools/wasm-tools-$WASM_TOOLS_VERSION"
step "wasm-tools $WASM_TOOLS_VERSION"
if [ ! -x "$tools_root/bin/wasm-tools" ]; then
  note "building from crates.io into $tools_root (a few minutes, once)"
  log="$KIT_CACHE/logs/wasm-tools-build.log"
  mkdir -p "$(dirname "$log")"
  "$KIT_CARGO" install "wasm-tools@$WASM_TOOLS_VERSION" --locked --color never \
      --root "$tools_root.partial" --no-default-features \
      --features component,validate,print,parse,objdump,dump,metadata 2>&1 | tee "$log" | progress_lines cargo
  if [ "${PIPESTATUS[0]}" -ne 0 ]; then
    tail -n 15 "$log" >&2
    die "building wasm-tools failed (the end of cargo's output is above; all of it is in $log)." \
      "Run ./kit setup again; a network hiccup while downloading crates is the usual cause."
  fi
  rm -rf "$tools_root" && mv "$tools_root.partial" "$tools_root"
fi
record_env KIT_WASM_TOOLS "$tools_root/bin/wasm-tools"
note "$("$KIT_WASM_TOOLS" --version)"
