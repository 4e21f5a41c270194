"""`python -m benchmarks [NAME ...] [-- ARGS]`: run the named benchmarks (all when none are named).

Every module in this package with a `main(argv: list[str]) -> int` is a benchmark; its name is the module name.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def available() -> list[str]:
    names = []
    for info in pkgutil.iter_modules(benchmarks.__path__):
        if info.name.startswith("_"):
            continue
        names.append(info.name)
    return sorted(names)


def main(argv: list[str]) -> int:
    extra: list[str] = []
    if "--" in argv:
        split = argv.index("--")
        argv, extra = argv[:split], argv[split + 1 :]
    if argv and argv[0] in ("-h", "--help", "list"):
        print("benchmarks:", ", ".join(available()))
        print("usage: ./dev bench [NAME ...] [-- ARGS for the benchmark]")
        return 0
    names = argv or available()
    status = 0
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        run = getattr(module, "main", None)
        if run is None:
            continue
        print(f"\n===== benchmark: {name} =====", flush=True)
        status |= int(run(extra) or 0)
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
