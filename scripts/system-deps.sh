#!/usr/bin/env bash
# Checks what the machine must have besides Python packages; installs it with apt-get when run as root,
# otherwise stops and says what to install. Usage: scripts/system-deps.sh run|test
set -euo pipefail
purpose=${1:-test}
missing=()
need() { # need <debian package> <test command...>
  local package=$1; shift
  "$@" >/dev/null 2>&1 || missing+=("$package")
}
need gettext command -v msgfmt
need libpango-1.0-0 test -e /usr/lib/x86_64-linux-gnu/libpango-1.0.so.0 -o -e /usr/lib/aarch64-linux-gnu/libpango-1.0.so.0
need libpangoft2-1.0-0 sh -c 'ls /usr/lib/*-linux-gnu/libpangoft2-1.0.so.0'
need libharfbuzz-subset0 sh -c 'ls /usr/lib/*-linux-gnu/libharfbuzz-subset.so.0'
need fonts-dejavu-core test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
need poppler-utils command -v pdftotext
if [ "$purpose" = test ]; then
  need chromium test -x /usr/bin/chromium
  need postgresql-15 test -x /usr/lib/postgresql/15/bin/initdb
  need postgresql-contrib-15 sh -c 'ls /usr/share/postgresql/15/extension/btree_gist.control'
fi
[ ${#missing[@]} -eq 0 ] && exit 0
# postgresql-contrib-15 is part of postgresql-15 on Debian 12: install the main package for it.
packages=$(printf '%s\n' "${missing[@]}" | sed 's/^postgresql-contrib-15$/postgresql-15/' | sort -u | tr '\n' ' ')
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: $packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $packages >/dev/null
else
  echo "This machine lacks: $packages" >&2
  echo "Install them (Debian/Ubuntu): sudo apt-get install -y $packages" >&2
  exit 1
fi
