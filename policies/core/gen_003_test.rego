package tollgate.rules.core.gen_003_test

import data.tollgate.rules.core.gen_003
import rego.v1

rev(v, d, a, desc) := {"version": v, "date": d, "author": a, "description": desc, "loc": {"table": 1, "row": 2}}

doc(version, hist) := {"kind": "charter", "metadata": {"version": version, "revision_history": hist}}

test_pass if {
	count(gen_003.fail) == 0 with input as doc("1.1", [rev("1.0", "2026-01-09", "M. Chen", "Initial"), rev("1.1", "2026-02-03", "M. Chen", "IRB comments")])
}

test_fail_without_history if {
	gen_003.fail == {{"msg": "the document has no revision history", "loc": {}}} with input as doc("1.0", [])
}

test_fail_incomplete_entry if {
	fs := gen_003.fail with input as doc("1.0", [rev("1.0", "2026-01-09", "", "")])
	fs == {{"msg": "revision 1.0 lacks author, description", "loc": {"table": 1, "row": 2}}}
}

test_fail_dates_decrease if {
	fs := gen_003.fail with input as doc("1.1", [rev("1.0", "2026-02-09", "a", "b"), rev("1.1", "2026-01-03", "a", "c")])
	some f in fs
	contains(f.msg, "is dated before the revision above it")
}

test_fail_newest_does_not_match_version if {
	fs := gen_003.fail with input as doc("2.0", [rev("1.0", "2026-01-09", "a", "b")])
	fs == {{"msg": "the newest revision is 1.0 but the document says version 2.0", "loc": {"table": 1, "row": 2}}}
}

test_generic_not_judged if {
	count(gen_003.fail) == 0 with input as {"kind": "generic", "metadata": {"revision_history": []}}
}

# Two revisions on the newest date: the last row is the newest.
test_same_day_last_row_is_newest if {
	doc := {"kind": "pmp", "metadata": {"version": "1.1", "revision_history": [
		{"version": "1.0", "date": "2026-05-01", "author": "A", "description": "first"},
		{"version": "1.1", "date": "2026-05-01", "author": "A", "description": "fix"},
	]}}
	count(gen_003.fail) == 0 with input as doc
}
