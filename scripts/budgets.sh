#!/usr/bin/env bash
# Prints the speed budgets of the test suite as a table: every measurement a
# test reports through internal/testbudget (a BUDGET line), with its budget
# and whether it was over. Tests fail only at 10× a budget (a hang guard),
# so this is where a slowdown shows. Run it on a quiet machine: CPU budgets
# are robust to neighbours, wall-clock ones are not.
#
#   scripts/budgets.sh                     # every test that reports a budget
#   scripts/budgets.sh ./internal/cli      # only those in some packages
#
# Exit status: 0, or 1 when a measurement is over its budget or a test fails.
set -uo pipefail
cd "$(dirname "$0")/.."

# The tests that report a budget: every Test function whose body calls
# testbudget, and their packages.
found=$(git ls-files '*_test.go' | xargs awk '
  /^func Test[A-Za-z0-9_]*\(/ { name = $2; sub(/\(.*/, "", name) }
  /testbudget\./ && name != "" { d = FILENAME; sub(/\/[^\/]*$/, "", d); print "./" d "\t" name }' | sort -u)
run="^($(printf '%s\n' "$found" | cut -f2 | sort -u | paste -sd'|'))\$"
pkgs=($(printf '%s\n' "$found" | cut -f1 | sort -u))
if [ $# -gt 0 ]; then pkgs=("$@"); fi

out=$(go test -count=1 -v -run "$run" "${pkgs[@]}" 2>&1)
status=$?
printf '%-44s %-48s %10s %10s  %s\n' test measurement measured budget verdict
printf '%s\n' "$out" | awk -F'\t' '/BUDGET\t/ {
  printf "%-44s %-48s %10s %10s  %s\n", $2, $3, $4, $5, $6
  if ($6 == "OVER") over = 1
} END { exit over }'
over=$?
if [ $status -ne 0 ]; then
  printf '%s\n' "$out" | grep -E '^(--- FAIL|FAIL|panic)' >&2
  exit 1
fi
exit $over
