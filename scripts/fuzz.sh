#!/usr/bin/env bash
# Runs every fuzz target for N minutes each (default 1) and prints each
# one's exec count. Usage: scripts/fuzz.sh [MINUTES]   (or a Go duration
# such as 20s for a smoke run)
# New crashers land in the package's testdata/fuzz/<Target>/ and fail the
# script; commit them as regression seeds once fixed.
set -uo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-1}"
case "$minutes" in
  *[0-9]s) fuzztime="$minutes" ;;
  ''|*[!0-9]*|0) echo "usage: $0 [MINUTES]  (a whole number > 0, or e.g. 20s)" >&2; exit 2 ;;
  *) fuzztime="${minutes}m" ;;
esac

# package<TAB>target, one per reader (docx, xlsx, markdown, front matter,
# predecessor strings, config, MSPDI) plus the other parsers.
targets=$(grep -rn --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]+\(f \*testing\.F\)' internal \
  | sed -E 's#^(.*)/[^/]+_test\.go:[0-9]+:func (Fuzz[A-Za-z0-9_]+).*#./\1\t\2#' | sort -u)

failed=0
printf '%-28s %-24s %14s  %s\n' package target execs result
while IFS=$'\t' read -r pkg target; do
  log=$(mktemp)
  go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -parallel 2 >"$log" 2>&1
  rc=$?
  # The last progress line reads "fuzz: elapsed: 1m0s, execs: 123456 (..."
  execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  result=ok
  if [ $rc -ne 0 ]; then
    result="FAIL (see below)"
    failed=1
  fi
  printf '%-28s %-24s %14s  %s\n' "$pkg" "$target" "${execs:-0}" "$result"
  if [ $rc -ne 0 ]; then
    tail -30 "$log"
  fi
  rm -f "$log"
done <<<"$targets"
exit $failed
