#!/usr/bin/env bash
# Builds the two large workloads of docs/performance.md under OUTDIR:
#
#   OUTDIR/docs900/       900 documents in 10 project folders of 90, copied
#                         round-robin from testdata/corpus, testdata/field
#                         and examples/* (every document, not the READMEs,
#                         manifests, expectation files or configuration)
#   OUTDIR/sched10k/      a 10,000-task MS Project XML schedule (the one
#                         BenchmarkSchedule10k checks: tools/mkschedule,
#                         seed 1)
#
# The trees are the same on every run and machine: the source list is
# sorted bytewise, and copy i is named after its project and number
# (p03/0217-Project Charter.docx), so no two copies share a name.
#
#   scripts/benchtrees.sh OUT
#   tollgate check --as-of 2026-01-15 OUT/docs900
#   tollgate check --as-of 2026-09-08 OUT/sched10k
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
out=$1
cd "$(dirname "$0")/.."

total=900
perproject=90

rm -rf "$out/docs900" "$out/sched10k"
mkdir -p "$out/docs900" "$out/sched10k"

mapfile -t docs < <(find testdata/corpus testdata/field examples -type f \
	! -name '*.expect.yaml' ! -name 'README.md' ! -name 'MANIFEST.md' ! -name '.tollgate.yaml' |
	LC_ALL=C sort)
if [ ${#docs[@]} -eq 0 ]; then
	echo "$0: no source documents found" >&2
	exit 1
fi

for ((i = 0; i < total; i++)); do
	src=${docs[i % ${#docs[@]}]}
	dir=$(printf '%s/docs900/p%02d' "$out" $((i / perproject + 1)))
	mkdir -p "$dir"
	cp "$src" "$(printf '%s/%04d-%s' "$dir" "$i" "$(basename "$src")")"
done

go run ./tools/mkschedule -format mspdi -n 10000 -seed 1 -o "$out/sched10k/ims10k.xml"

echo "$out/docs900: $total documents from ${#docs[@]} sources; $out/sched10k/ims10k.xml: 10,000 tasks"
