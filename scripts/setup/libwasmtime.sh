# The official Wasmtime C API library, taken from the `wasmtime` wheel on PyPI (the wheel
# carries the same libwasmtime the C API release ships), both checksums verified.

dir="$KIT_CACHE/wasmtime-$WASMTIME_VERSION"
lib="$dir/libwasmtime.so"
step "libwasmtime $WASMTIME_VERSION (official C API)"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) die "the kit pins libwasmtime for Linux x86-64 only; this is $(uname -s)-$(uname -m)." ;;
esac
sha() { sha256sum "$1" | cut -d' ' -f1; }
if [ ! -f "$lib" ] || [ "$(sha "$lib")" != "$LIBWASMTIME_LINUX_X86_64_SHA256" ]; then
  mkdir -p "$KIT_CACHE/downloads" "$dir"
  wheel="$KIT_CACHE/downloads/$WASMTIME_WHEEL"
  if [ ! -f "$wheel" ] || [ "$(sha "$wheel")" != "$WASMTIME_WHEEL_SHA256" ]; then
    note "downloading $WASMTIME_WHEEL from PyPI"
    python3 -m pip download --quiet "wasmtime==$WASMTIME_VERSION" --no-deps --only-binary=:all: \
        --platform manylinux1_x86_64 -d "$KIT_CACHE/downloads" >&2 \
      || die "pip could not download wasmtime==$WASMTIME_VERSION."
  fi
  [ "$(sha "$wheel")" = "$WASMTIME_WHEEL_SHA256" ] \
    || die "$wheel does not have the pinned SHA-256." "Delete it and run ./kit setup again."
  python3 - "$wheel" "$lib.partial" <<'PY' || die "could not unpack libwasmtime from the wheel."
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("wasmtime/linux-x86_64/_libwasmtime.so"))
PY
  [ "$(sha "$lib.partial")" = "$LIBWASMTIME_LINUX_X86_64_SHA256" ] \
    || die "the libwasmtime inside the wheel does not have the pinned SHA-256."
  mv "$lib.partial" "$lib"
fi
record_env KIT_LIBWASMTIME "$lib"
note "$lib (sha256 verified)"
