#!/usr/bin/env bash
# LIBLINEAR (Debian's liblinear-dev 2.3.0) on the benchmark suite's own training rows, for the README's
# small-data comparison. Installs the library with apt when missing (root), builds the harness, exports
# the sets, and times train() at LIBLINEAR's default stop (eps 0.01) and two tighter ones.
#   benchmarks/peers/run-liblinear.sh [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-${TMPDIR:-/tmp}/logreg-peers}"
mkdir -p "$out"
if [ ! -f /usr/include/linear.h ]; then
  apt-get update -qq && apt-get install -y -qq liblinear-dev >/dev/null
fi
gcc -O2 -o "$out/liblinear_peer" "$here/liblinear_peer.c" -llinear -lm
dotnet run -c Release --project "$here/../LogReg.Benchmarks" -- --export-peers "$out" breast-cancer-std breast-cancer small-1000x20
for set in breast-cancer-std breast-cancer small-1000x20; do
  for eps in 0.01 1e-4 1e-8; do
    "$out/liblinear_peer" "$out/$set.csv" "$eps" 1000 | sed "s/^/$set: /"
  done
done
