#!/bin/sh
# Installs the Debian packages the facilitator needs, if any are missing.
# As root it runs apt-get itself; otherwise it prints the exact command to run.
set -e
command -v dpkg-query >/dev/null 2>&1 || {
    echo "note: not a Debian-based system; install PortAudio, espeak-ng and PulseAudio with your package manager" >&2
    exit 0
}
missing=""
for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
    echo "Installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq $missing >/dev/null
else
    echo "Missing system packages. Please run:" >&2
    echo "    sudo apt-get install$missing" >&2
    echo "(text mode and the tests that need no audio work without them)" >&2
fi
