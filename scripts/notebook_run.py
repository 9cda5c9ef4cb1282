"""./kit notebook run: executes notebooks headless, each in a fresh kernel, and reports.

Runs with the kit's virtual environment (nbclient, nbformat). Progress goes to stderr;
failing cells and the one-line summary per notebook go to stdout. Exit status: 0 when
every cell of every notebook ran without error, 1 otherwise, 2 for a usage error.
"""

import argparse
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
KERNEL_HINT = ("The kernel's own messages are above; usual causes are a missing lib.jar (run ./kit build) "
               "or an error in notebooks/kernel/startup.jshell.")


def plain(text, keep_colour):
    return text if keep_colour else ANSI.sub("", text)


def first_line(source, width=60):
    line = next((l for l in source.splitlines() if l.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


def errors_of(cell):
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def run_one(path, args, colour):
    """Runs one notebook; returns (ok, summary line, executed notebook)."""
    nb = nbformat.read(path, as_version=4)
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    total = len(code_cells)
    started = {}

    def on_start(cell, cell_index):
        started[cell_index] = time.monotonic()

    def on_executed(cell, cell_index, execute_reply):
        n = code_cells.index(cell_index) + 1
        took = time.monotonic() - started.get(cell_index, time.monotonic())
        status = "FAILED" if errors_of(cell) else "ok"
        print(f"  [{n}/{total}] cell {cell_index + 1} {status} ({took:.1f} s)  {first_line(cell.source)}",
              file=sys.stderr, flush=True)

    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        startup_timeout=args.startup_timeout,
        allow_errors=True,  # run every cell, so every failure is reported at once
        record_timing=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        on_cell_start=on_start,
        on_cell_executed=on_executed,
    )
    print(f"{path}: {total} code cells, kernel '{args.kernel}'", file=sys.stderr, flush=True)
    t0 = time.monotonic()
    fatal = None
    try:
        client.execute()
    except CellTimeoutError as e:
        fatal = f"a cell ran longer than {args.timeout} s (raise it with --timeout): {e}"
    except DeadKernelError as e:
        fatal = f"the kernel died: {e}. {KERNEL_HINT}"
    except RuntimeError as e:  # e.g. the kernel died while starting
        fatal = f"the kernel could not run the notebook: {e}. {KERNEL_HINT}"
    elapsed = time.monotonic() - t0

    failures = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code" and errors_of(c)]
    for index, cell in failures:
        print(f"\n--- {path}: cell {index + 1} failed ---")
        print("source:")
        for line in cell.source.splitlines():
            print(f"  | {line}")
        for err in errors_of(cell):
            print(f"error: {err.get('ename', '?')}: {plain(str(err.get('evalue', '')), colour)}")
            for line in err.get("traceback", []):
                print(plain(line, colour))
    if fatal:
        print(f"\n--- {path}: {fatal}")

    ok = not failures and not fatal
    if ok:
        summary = f"ok      {path}: {total} code cells in {elapsed:.1f} s"
    else:
        what = f"{len(failures)} failing cell(s)" if failures else "stopped"
        summary = f"FAILED  {path}: {what} of {total} code cells ({elapsed:.1f} s)"
    return ok, summary, nb


def main():
    parser = argparse.ArgumentParser(prog="./kit notebook run",
                                     description="Execute notebooks headless, each in a fresh kernel.")
    parser.add_argument("notebooks", nargs="+", metavar="FILE", help="notebooks (.ipynb) to run")
    parser.add_argument("--out", metavar="DIR", help="write each executed notebook (with outputs) into DIR")
    parser.add_argument("--kernel", default="pulley-kit", help="kernel name (default: pulley-kit)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds one cell may run (default: 300)")
    parser.add_argument("--startup-timeout", type=int, default=120,
                        help="seconds the kernel may take to start (default: 120)")
    args = parser.parse_args()

    missing = [p for p in args.notebooks if not os.path.isfile(p)]
    if missing:
        print(f"error: no such notebook: {', '.join(missing)}", file=sys.stderr)
        print("       Give paths to .ipynb files, e.g. ./kit notebook run notebooks/*.ipynb", file=sys.stderr)
        return 2
    if args.out:
        os.makedirs(args.out, exist_ok=True)

    colour = sys.stdout.isatty()
    summaries, all_ok = [], True
    for path in args.notebooks:
        ok, summary, nb = run_one(path, args, colour)
        all_ok &= ok
        summaries.append(summary)
        if args.out:
            nbformat.write(nb, os.path.join(args.out, os.path.basename(path)))
    print()
    for s in summaries:
        print(s)
    if not all_ok:
        print("\nSome notebooks failed (the failing cells are listed above).")
    return 0 if all_ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
