#!/usr/bin/env bash
# Bring what the tests need beyond Python packages: Debian's Chromium (browser tests),
# PostgreSQL server binaries (Supabase backend tests), poppler-utils' pdftotext (the
# agreement's PDF read back) and axe-core (accessibility checks,
# pinned in package.json/package-lock.json, into the gitignored ./node_modules with npm).
# Installs with apt when it can (root, or passwordless sudo); otherwise says what is
# missing. The tests themselves decide: with CI=true a missing part fails the run,
# elsewhere those tests are skipped.
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
  if [ "$sudo" = none ]; then
    echo "test-deps: missing ${need[*]} and cannot install them (not root, no passwordless sudo)." >&2
    echo "test-deps: install them with: sudo apt-get install -y ${need[*]}" >&2
  else
    echo "test-deps: installing ${need[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq </dev/null >/dev/null \
      && $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null >/dev/null \
      || echo "test-deps: apt-get could not install ${need[*]}" >&2
  fi
fi
if [ ! -f "$here/node_modules/axe-core/axe.min.js" ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd "$here" && npm ci --no-audit --no-fund --silent </dev/null) || echo "test-deps: npm ci could not install axe-core" >&2
  else
    echo "test-deps: npm is missing; the accessibility checks need it" >&2
  fi
fi
exit 0
