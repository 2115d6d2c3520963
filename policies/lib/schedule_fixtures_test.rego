# Fixtures for the schedule pack's tests: small inline schedules with known
# counts. Test-only (a _test.rego file is never loaded into the engine).
package tollgate.lib.schedule_fixtures

import rego.v1

# task(uid, over): an open, unlinked, not-started task at row uid, with the
# fields of over replacing the defaults.
task(uid, over) := object.union(
	{
		"uid": uid, "id": uid, "name": concat(" ", ["Task", uid]), "type": "task", "progress": "not-started",
		"predecessors": [], "successors": [], "resources": [], "loc": {"row": to_number(uid)},
	},
	over,
)

# tasks(n, over): tasks "1".."n", all with over.
tasks(n, over) := [task(sprintf("%d", [i]), over) | some i in numbers.range(1, n)]

rel(from, to, type, lag) := {"from": from, "to": to, "type": type, "lag_days": lag}

fs(from, to) := rel(from, to, "FS", 0)

# chain(n): 1 → 2 → … → n, finish-to-start.
chain(n) := [fs(sprintf("%d", [i]), sprintf("%d", [i + 1])) | some i in numbers.range(1, n - 1)]

# doc(over): a schedule artifact; over replaces fields of the payload
# (object.union merges nested objects: set a column to null to drop it).
doc(over) := {"kind": "schedule", "fields_found": ["schedule.tasks"], "schedule": object.union(
	{"status_date": "2024-06-07", "columns": {"predecessors": "Predecessors"}, "tasks": [], "relationships": [], "derived": null},
	over,
)}

# long(n, k, over): tasks "1".."n" with over, the first k of them without a
# location: offender lists longer than sched.max_related.
long(n, k, over) := [task(sprintf("%d", [i]), _unlocated(i, k, over)) | some i in numbers.range(1, n)]

_unlocated(i, k, over) := object.union(over, {"loc": null}) if i <= k

else := over

# rows(a, b): the locations of rows a..b, as related lists them.
rows(a, b) := [{"row": i} | some i in numbers.range(a, b)]

# fans(n, type, lag): relationships 1 → 2 … 1 → n+1.
fans(n, type, lag) := [rel("1", sprintf("%d", [i]), type, lag) | some i in numbers.range(2, n + 1)]
