# A conftest-style policy, as a conftest user would write it: package main,
# deny / warn / violation sets of strings or objects, and an exception.
# Nothing in it knows about tollgate; it runs unchanged on the normalized
# artifacts.
package main

# A charter must say who sponsors the work.
deny contains msg if {
	input.kind == "charter"
	trim_space(object.get(input.charter, ["sponsor", "name"], "")) == ""
	msg := sprintf("%s: the charter names no sponsor", [input.source.path])
}

# The budget is checked on its own (deny_budget), so an exception can
# lift it for one document.
deny_budget contains msg if {
	input.kind == "charter"
	not input.charter.budget.amount
	msg := "the charter states no budget amount"
}

# Structured results: conftest's violation rules return objects.
violation contains {"msg": msg, "details": {"field": "purpose"}} if {
	input.kind == "charter"
	count(trim_space(object.get(input.charter, "purpose", ""))) == 0
	msg := "the charter has no purpose statement"
}

warn contains msg if {
	input.metadata.status == "draft"
	msg := sprintf("%s is still a draft", [input.source.path])
}

# Pilot charters may leave the budget open.
exception contains rules if {
	contains(lower(input.title), "pilot")
	rules := ["budget"]
}
