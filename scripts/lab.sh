#!/usr/bin/env bash
# ./kit lab: JupyterLab from the kit's virtual environment, on 127.0.0.1 only, rooted at the
# repository and opened at notebooks/, with the kit's kernel. Ctrl-C stops it (no prompt).
# Options: --port N (default 8888, or a free port if that one is taken), --token TOKEN
# (default: a new random one). The browser test starts it with both.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$KIT_ROOT/scripts/build.sh"
load_kit_env

port="" token=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port)  [ $# -ge 2 ] || die "--port needs a number."; port=$2; shift 2 ;;
    --token) [ $# -ge 2 ] || die "--token needs a value."; token=$2; shift 2 ;;
    -h|--help) sed -n '2,5s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option '$1' for ./kit lab." "Options: --port N, --token TOKEN." ;;
  esac
done
[ -x "${KIT_VENV:-}/bin/jupyter-lab" ] || die "JupyterLab is not installed in the kit's cache." "Run ./kit setup, then ./kit lab again."

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "$port" ]; then
  port=8888
  if port_in_use "$port"; then
    port=$("$KIT_VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  fi
fi
[ -n "$token" ] || token=$("$KIT_VENV/bin/python" -c 'import secrets; print(secrets.token_hex(24))')
url="http://127.0.0.1:$port/lab/tree/notebooks?token=$token"

# Jupyter logs only warnings; the address is printed once the server answers.
(
  for _ in $(seq 1 600); do
    kill -0 $$ 2>/dev/null || exit 0
    if port_in_use "$port"; then
      printf '\n\033[1;32mJupyterLab is running.\033[0m Open this address in your browser:\n\n    %s\n\nStop it with Ctrl-C.\n\n' "$url"
      exit 0
    fi
    sleep 0.2
  done
) &

jupyter_env
step "starting JupyterLab on 127.0.0.1:$port (notebooks in $KIT_ROOT/notebooks)"
export JUPYTER_TOKEN=$token
as_root=()
[ "$(id -u)" != 0 ] || as_root=(--allow-root) # containers and CI often run as root
exec "$KIT_VENV/bin/jupyter-lab" --no-browser --ip=127.0.0.1 --port="$port" --port-retries=0 \
  --ServerApp.root_dir="$KIT_ROOT" --LabApp.default_url=/lab/tree/notebooks \
  --ServerApp.answer_yes=True --log-level=WARN --LabApp.log_level=WARN "${as_root[@]}" \
  --MappingKernelManager.default_kernel_name=pulley-kit \
  --config="$KIT_ROOT/notebooks/kernel/jupyter_server_config.py"
