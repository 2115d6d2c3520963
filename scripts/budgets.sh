#!/usr/bin/env bash
# Prints the speed budgets of the test suite as a table. Tests state no
# budget: a test that measures its work logs a TOOK line (internal/hangguard)
# and fails only past a hang bound. The budgets live here, in one table, and
# this script runs those tests and prints each measurement against its
# budget. Run it on a quiet machine before and after a change that could
# cost speed: wall-clock measurements are not robust to neighbours.
#
#   scripts/budgets.sh                     # every test that logs a TOOK line
#   scripts/budgets.sh ./internal/cli      # only those in some packages
#
# Exit status: 0, or 1 when a measurement is over its budget or a test fails.
set -uo pipefail
cd "$(dirname "$0")/.."

# Budgets in milliseconds, by measurement (the third field of a TOOK line).
# A measurement ending in "(CPU)" is one hostile file of TestRobustness
# checked in its own process (user + system CPU).
budgets='alias bomb	2000
abort at the deadline	1000
refusing 3,000,000 "*a_"	1000
refusing 100,000 intraword "_" then 100,000 closers	1000
reading 5,000 "*a_"	1000
stopping the matching at the deadline	1000
refusing the bomb	1000
refusing a 1 GiB bomb	1000
refusing the bad CRC	2000
reading 200,001 rows	2000
giving up on a stuck reader	1000
refusing the alias bomb	2000
evaluation stopped at its deadline	1000
schedule pack on 3,000 tasks	10000
three documents at a 400 ms eval deadline	10000
exit after interrupt while normalizing	2000
exit after terminated while normalizing	2000
the hostile directory	10000
(CPU)	2000
*	3000'

# The tests that log a TOOK line: every Test function whose body calls
# hangguard or logs TOOK itself, and their packages.
found=$(git ls-files '*_test.go' | xargs awk '
  /^func Test[A-Za-z0-9_]*\(/ { name = $2; sub(/\(.*/, "", name) }
  /hangguard\.|"TOOK/ && name != "" { d = FILENAME; sub(/\/[^\/]*$/, "", d); print "./" d "\t" name }' | sort -u)
run="^($(printf '%s\n' "$found" | cut -f2 | sort -u | paste -sd'|'))\$"
pkgs=($(printf '%s\n' "$found" | cut -f1 | sort -u))
if [ $# -gt 0 ]; then pkgs=("$@"); fi

out=$(go test -count=1 -v -run "$run" "${pkgs[@]}" 2>&1)
status=$?
printf '%-44s %-52s %10s %10s  %s\n' test measurement measured budget verdict
printf '%s\n' "$out" | awk -F'\t' -v budgets="$budgets" '
BEGIN {
  n = split(budgets, lines, "\n")
  for (i = 1; i <= n; i++) { split(lines[i], kv, "\t"); budget[kv[1]] = kv[2] }
}
/TOOK\t/ {
  what = $3; ms = $4; sub(/ ms$/, "", ms)
  b = budget["*"]
  if (what in budget) b = budget[what]
  else if (what ~ /\(CPU\)$/) b = budget["(CPU)"]
  verdict = (ms + 0 > b + 0) ? "OVER" : "ok"
  if (verdict == "OVER") over = 1
  printf "%-44s %-52s %7s ms %7s ms  %s\n", $2, what, ms, b, verdict
} END { exit over }'
over=$?
if [ $status -ne 0 ]; then
  printf '%s\n' "$out" | grep -E '^(--- FAIL|FAIL|panic)' >&2
  exit 1
fi
exit $over
