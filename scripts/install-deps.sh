#!/bin/sh
# Install the system packages vmlab needs to build and test, if any is missing.
# Debian/Ubuntu: apt-get as root or through sudo. Elsewhere: nothing to do if
# the tools and pkg-config's lua5.4 and readline answer; otherwise name what is
# needed and exit non-zero so the user can install it by hand.
set -eu

PACKAGES="build-essential pkg-config libreadline-dev liblua5.4-dev graphviz perl"

# The tools and pkg-config's lua5.4 and readline answer: nothing to install,
# whatever the package database says.
have_tools() {
	command -v cc >/dev/null 2>&1 && command -v make >/dev/null 2>&1 &&
	command -v pkg-config >/dev/null 2>&1 && pkg-config --exists lua5.4 readline &&
	command -v dot >/dev/null 2>&1 && command -v prove >/dev/null 2>&1
}

if have_tools; then
	exit 0
fi

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done 2>/dev/null

if command -v dpkg-query >/dev/null 2>&1 && [ -z "$missing" ]; then
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-deps: this is not a Debian-like system; please install:" >&2
	echo "  a C compiler, make, pkg-config, GNU Readline (headers), Lua 5.4 (headers, pkg-config name lua5.4), Graphviz, perl (prove)" >&2
	exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "install-deps: missing packages:$missing" >&2
	echo "install-deps: run as root: apt-get install$missing" >&2
	exit 1
fi

echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
