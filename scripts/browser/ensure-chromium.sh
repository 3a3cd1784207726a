#!/usr/bin/env bash
# Make sure a headless Chromium is on this machine for the playground's browser test, installing
# Debian's `chromium` package when it is missing (like scripts/db/up.sh installs PostgreSQL).
# Idempotent and quiet: prints only the path of the browser on stdout, progress goes to stderr.
#
#   CHROMIUM_PATH="$(bash scripts/browser/ensure-chromium.sh)"
#
# Exit status is non-zero (with the reason on stderr) when no browser could be found or installed;
# the caller decides whether that fails the run.
set -Eeuo pipefail

log() { printf '[browser] %s\n' "$*" >&2; }

find_browser() {
  local candidate
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [[ -n $candidate && -x $candidate ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

if find_browser; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  log 'no chromium found and no apt-get to install it; set CHROMIUM_PATH to a Chromium or Chrome binary'
  exit 1
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
    log 'chromium is missing and installing it needs root (or sudo); set CHROMIUM_PATH instead'
    exit 1
  fi
fi

log 'installing Debian chromium (first run only)...'
# Other apt users on the machine hold the dpkg lock for a while: wait for it rather than fail.
apt_options=(-o DPkg::Lock::Timeout=600 -qq)
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo[@]}" apt-get "${apt_options[@]}" install -y --no-install-recommends chromium >/dev/null 2>&1; then
  "${sudo[@]}" apt-get "${apt_options[@]}" update >/dev/null 2>&1 || true
  "${sudo[@]}" apt-get "${apt_options[@]}" install -y --no-install-recommends chromium >&2 ||
    { log 'apt-get could not install chromium'; exit 1; }
fi
find_browser || { log 'chromium was installed but no binary was found'; exit 1; }
