# The browser check's tools: Debian's Chromium (headless) and playwright-core to drive it.
# playwright-core goes into the cache, never into the repository; it downloads no browser.

node_dir="$KIT_CACHE/node"
step "Chromium and playwright-core $PLAYWRIGHT_CORE_VERSION (for the browser check)"
if [ ! -x /usr/bin/chromium ]; then
  command -v apt-get >/dev/null \
    || die "/usr/bin/chromium is missing and this system has no apt-get." \
           "Install Chromium so that /usr/bin/chromium exists, then run ./kit setup again."
  mkdir -p "$KIT_CACHE/logs"
  note "installing Debian's chromium package (once; log: $KIT_CACHE/logs/apt-chromium.log)"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } \
      > "$KIT_CACHE/logs/apt-chromium.log" 2>&1 \
    || { tail -n 20 "$KIT_CACHE/logs/apt-chromium.log" >&2
         die "apt-get could not install chromium (the end of its log is above)." \
             "Run 'apt-get install chromium' by hand to see why, then run ./kit setup again."; }
fi
if [ "$(cat "$node_dir/.installed" 2>/dev/null)" != "$PLAYWRIGHT_CORE_VERSION" ]; then
  command -v npm >/dev/null \
    || die "npm was not found on PATH." "Install Node.js 18 or newer with npm, then run ./kit setup again."
  note "installing playwright-core $PLAYWRIGHT_CORE_VERSION with npm into $node_dir"
  mkdir -p "$node_dir"
  [ -f "$node_dir/package.json" ] \
    || printf '{ "name": "pulley-kit-browser-check", "private": true }\n' > "$node_dir/package.json"
  (cd "$node_dir" && npm install --silent --no-audit --no-fund --save-exact \
      "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2) \
    || die "npm could not install playwright-core@$PLAYWRIGHT_CORE_VERSION (npm's output is above)." \
           "Check that the npm registry is reachable, then run ./kit setup again."
  printf '%s\n' "$PLAYWRIGHT_CORE_VERSION" > "$node_dir/.installed"
fi
record_env KIT_CHROMIUM /usr/bin/chromium
record_env KIT_NODE "$(command -v node)"
# The check imports playwright-core by this path (ES modules ignore NODE_PATH).
record_env KIT_PLAYWRIGHT_CORE "$node_dir/node_modules/playwright-core"
