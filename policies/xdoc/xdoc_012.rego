# METADATA
# title: Approved schedule changes reach the IMS
# description: >-
#   An approved change request that changes the schedule is decided no later
#   than the IMS's last change (its last commit, else the workbook's last
#   saved date): an IMS last changed before the decision cannot hold it.
# scope: package
# custom:
#   id: XDOC-012
#   severity: warning
#   kinds: [project]
#   source: >-
#     M3 CR form (schedule impact); seed 002 activity 9 (update schedule and
#     plans as variances arise); M3 Guidance IMS (change control)
#   remediation: >-
#     Incorporate approved changes into the IMS and re-issue it.
package tollgate.rules.xdoc.xdoc_012

import data.tollgate.lib
import rego.v1

crs := [d | some d in object.get(input, ["by_kind", "change_request"], []); is_object(object.get(d, "change_request", null))]

schedules := object.get(input, ["by_kind", "schedule"], [])

# No schedule impact: the field is empty or says there is none ("None",
# "N/A", "0 days"). A value that goes on to describe an impact ("None to
# go-live: system test extends by 5 days") is an impact.
no_impact(s) if lib.blank(s)

no_impact(s) if regex.match(`(?i)^\s*(none|n/?a|nil|no|no impact|no schedule impact|not applicable|0|0 days?|zero|-|–)\s*\.?\s*$`, s)

# The approved requests that change the schedule.
schedule_changes := [d |
	some d in crs
	d.change_request.board.decision == "approved"
	not no_impact(object.get(d.change_request, ["impact", "schedule"], null))
]

# last_change(s): the IMS's last commit (evidence the author cannot set in
# the file), else the workbook's last-saved date.
last_change(s) := lib.day(s.source.git.last_commit)

last_change(s) := lib.day(s.metadata.modified) if not lib.day(object.get(s, ["source", "git", "last_commit"], null))

dated_schedules := [s | some s in schedules; last_change(s)]

# The IMS as last changed: the latest of the submission's schedules.
ims_changed := max({last_change(s) | some s in dated_schedules})

ims_path := [s.source.path | some s in dated_schedules; last_change(s) == ims_changed][0]

decided(d) := lib.day(object.get(d.change_request, ["board", "date"], null))

checked contains d.source.path if {
	ims_changed
	some d in schedule_changes
	decided(d)
}

fail contains f if {
	some d in schedule_changes
	on := decided(d)
	on > ims_changed
	f := {
		"msg": sprintf("change request %s was approved on %s with a schedule impact (%q), after the IMS %s was last changed on %s", [
			label(d), on, trim_space(d.change_request.impact.schedule), ims_path, ims_changed,
		]),
		"loc": lib.loc_or_doc(object.get(d.change_request, ["locs", "board.date"], {})),
		"related": [{"path": ims_path}],
		"path": d.source.path,
	}
}

not_assessable contains r if {
	count(schedules) == 0
	some d in schedule_changes
	r := {
		"msg": sprintf("change request %s changes the schedule but the submission holds no IMS to look for it in", [label(d)]),
		"missing": ["schedule"], "path": d.source.path,
	}
}

not_assessable contains r if {
	count(schedules) > 0
	count(dated_schedules) == 0
	some d in schedule_changes
	r := {
		"msg": sprintf("change request %s changes the schedule but no IMS says when it was last changed (no commit, no last-saved date)", [label(d)]),
		"missing": ["source.git.last_commit", "metadata.modified"], "path": d.source.path,
	}
}

not_assessable contains r if {
	some d in schedule_changes
	not decided(d)
	r := {
		"msg": sprintf("change request %s is approved with a schedule impact but its decision date cannot be read", [label(d)]),
		"missing": ["change_request.board.date"], "path": d.source.path,
	}
}

# An IMS with no change request forms beside it cannot be checked against
# the approved changes the change log or RTM lists: their schedule impact
# and decision date are on the forms.
form_ids := {trim_space(d.change_request.id) | some d in crs; is_string(d.change_request.id)}

logged_approved contains trim_space(e.id) if {
	some l in object.get(input, ["by_kind", "change_log"], [])
	some e in object.get(l, ["change_log", "entries"], [])
	e.status == "approved"
	is_string(e.id)
}

logged_approved contains trim_space(e.id) if {
	some m in object.get(input, ["by_kind", "rtm"], [])
	some e in object.get(m, ["rtm", "change_requests"], [])
	is_object(e)
	e.status == "approved"
	is_string(e.id)
}

not_assessable contains r if {
	count(schedules) > 0
	missing := sort([id | some id in logged_approved; id != ""; not id in form_ids])
	count(missing) > 0
	r := {
		"msg": sprintf("approved change requests %s are logged but their forms (schedule impact, decision date) are not in the submission", [concat(", ", missing)]),
		"missing": ["change_request"], "path": ims_path_or_first,
	}
}

ims_path_or_first := p if {
	p := ims_path
} else := schedules[0].source.path

label(d) := d.change_request.id if {
	not lib.blank(object.get(d.change_request, "id", null))
} else := d.source.path
