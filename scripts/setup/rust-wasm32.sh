# The Rust toolchain for the guests: cargo plus the wasm32-unknown-unknown standard library.

step "Rust toolchain for wasm32-unknown-unknown"
command -v cargo >/dev/null && command -v rustup >/dev/null \
  || die "cargo and rustup were not found on PATH." \
         "Install Rust with rustup (https://rustup.rs), then run ./kit setup again."
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  note "adding the wasm32-unknown-unknown target with rustup"
  rustup target add wasm32-unknown-unknown >&2 \
    || die "rustup could not add the wasm32-unknown-unknown target." \
           "Run 'rustup target add wasm32-unknown-unknown' by hand to see why."
fi
note "$(cargo --version), wasm32-unknown-unknown installed"
# Guest builds keep their crate downloads in the kit's cache, not in ~/.cargo.
record_env CARGO_HOME "$KIT_CACHE/cargo"
mkdir -p "$CARGO_HOME"
# rustup's proxies find the toolchain through RUSTUP_HOME, which must stay where rustup put it.
record_env RUSTUP_HOME "${RUSTUP_HOME:-$HOME/.rustup}"
record_env KIT_CARGO "$(command -v cargo)"
