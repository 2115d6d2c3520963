# METADATA
# title: Phase exit criteria are evidenced before the next phase starts
# description: >-
#   Once M3 phase N+1 has begun, every exit criterion of phase N has its
#   evidence in the submission by the day phase N+1 began, per the mapping in
#   m3.json (phases[].exit_criteria_evidence, RULES.md §14): the artifacts it
#   names exist (any one of them when the mapping says "any"), are approved
#   when it asks for approval, approved by both parties or by the named body
#   when it says so, revised inside phase N when it asks for an update, and
#   record a "Go" decision for the go/no-go assessment. Each criterion is a
#   separate check (scope "phase N exit: <criterion>"); criteria the mapping
#   marks manual are not assessable from documents. Rules the mapping also
#   names (RISK-006, RACI-008 …) are cited by the procedure clauses, not here.
# scope: package
# custom:
#   id: M3-GATE-01
#   severity: error
#   kinds: [project]
#   source: >-
#     M3 phase N pages exit_criteria (labelled "Exit Criteria (to move into
#     Phase N+1)" in the 2021 playbook); M3 tollgate N decks; evidence mapping
#     RULES.md §14 (m3.json phases[].exit_criteria_evidence)
#   remediation: >-
#     Produce the evidence (or hold the tollgate) before starting the next
#     phase's work.
package tollgate.rules.m3.gate_01

import data.tollgate.lib
import data.tollgate.lib.m3
import rego.v1

# due: [phase, day phase+1 began, evidence entry] for every exit criterion
# whose gate has been passed.
due contains [n, d, ev] if {
	some p in m3.playbook.phases
	n := p.phase
	d := m3.begun(n + 1)
	some ev in object.get(p, "exit_criteria_evidence", [])
}

scope(n, ev) := sprintf("phase %d exit: %s", [n, ev.criterion])

checked contains {"path": "", "scope": scope(n, ev)} if {
	some [n, _, ev] in due
}

_keys(ev) := object.get(ev, "artifacts", [])

# gap contains [phase, criterion, text]: what the evidence of one
# criterion lacks on the day the next phase began.
gap contains [n, ev.criterion, sprintf("none of %s by %s", [concat(", ", [m3.label(k) | some k in _keys(ev)]), d])] if {
	some [n, d, ev] in due
	ev.any == true
	not _any_exists(_keys(ev), d)
}

gap contains [n, ev.criterion, sprintf("no %s by %s", [m3.label(k), d])] if {
	some [n, d, ev] in due
	object.get(ev, "any", false) != true
	some k in _keys(ev)
	not m3.exists_by(k, d)
}

gap contains [n, ev.criterion, sprintf("%s not approved by %s", [m3.label(k), d])] if {
	some [n, d, ev] in due
	ev.approved == true
	some k in _keys(ev)
	m3.exists_by(k, d)
	not m3.approved_by(k, d)
}

gap contains [n, ev.criterion, sprintf("%s lacks an approval by the %s party", [m3.label(k), party])] if {
	some [n, d, ev] in due
	some party in object.get(ev, "approved_by", [])
	some k in _keys(ev)
	m3.exists_by(k, d)
	not _party_approved(k, party, d)
}

gap contains [n, ev.criterion, sprintf("%s has no approval by the %s", [m3.label(k), ev.approval_role])] if {
	some [n, d, ev] in due
	is_string(ev.approval_role)
	some k in _keys(ev)
	m3.exists_by(k, d)
	not _role_approved(k, ev.approval_role, d)
}

gap contains [n, ev.criterion, sprintf("%s shows no revision or approval dated in phase %d (%s to %s)", [m3.label(k), n, w.start, w.end])] if {
	some [n, d, ev] in due
	ev.updated_in_phase == true
	w := m3.window(n)
	some k in _keys(ev)
	m3.exists_by(k, d)
	not _revised(k, w)
}

gap contains [n, ev.criterion, sprintf("%s records no approved \"Go\" decision by %s", [m3.label(k), d])] if {
	some [n, d, ev] in due
	lower(ev.decision) == "go"
	some k in _keys(ev)
	m3.exists_by(k, d)
	not _go(k, d)
}

_any_exists(keys, d) if {
	some k in keys
	m3.exists_by(k, d)
}

_party_approved(k, party, d) if {
	some doc in m3.docs_for(k)
	some a in lib.approvals(doc)
	lib.day(a.date) <= d
	m3.party(a) == party
}

_role_approved(k, role, d) if {
	pattern := concat(`\W+`, regex.split(`\s+`, trim_space(role)))
	some doc in m3.docs_for(k)
	some a in lib.approvals(doc)
	lib.day(a.date) <= d
	regex.match(sprintf("(?i)%s", [pattern]), m3.who(a))
}

_revised(k, w) if {
	some doc in m3.docs_for(k)
	m3.revised_in(doc, w)
}

_go(k, d) if {
	some doc in m3.docs_for(k)
	lib.approved_on(doc) <= d
	m3.go_decision(doc)
}

fail contains f if {
	some [n, d, ev] in due
	not ev.manual
	gs := {g | some [gn, gc, g] in gap; gn == n; gc == ev.criterion}
	count(gs) > 0
	f := {
		"msg": sprintf("phase %d exit criterion %q is not evidenced when phase %d began (%s): %s", [n, ev.criterion, n + 1, d, concat("; ", sort(gs))]),
		"loc": {},
		"scope": scope(n, ev),
	}
}

# A window the update needs is unknown: the phase has no dated tasks and
# no configured window.
not_assessable contains r if {
	some [n, _, ev] in due
	ev.updated_in_phase == true
	not m3.window(n)
	r := {
		"msg": sprintf("phase %d exit criterion %q asks for an update during phase %d, whose window is unknown", [n, ev.criterion, n]),
		"missing": ["project.phase_windows"],
		"scope": scope(n, ev),
	}
}

not_assessable contains r if {
	some [n, _, ev] in due
	ev.manual == true
	r := {
		"msg": sprintf("phase %d exit criterion %q cannot be evidenced from documents (%s): attest it at the tollgate review", [n, ev.criterion, object.get(ev, "note", "manual")]),
		"missing": ["manual attestation"],
		"scope": scope(n, ev),
	}
}

not_assessable contains r if {
	not m3.has_phase_data
	r := {
		"msg": "cannot tell which M3 phases have begun: no phase windows are configured and no IMS tags its tasks with phases",
		"missing": m3.phase_facts_missing,
	}
}
