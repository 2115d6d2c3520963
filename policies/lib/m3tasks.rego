# M3 key tasks and activities (data.tollgate.m3) for RACI and IMS rules:
# reference parsing, responsible party, word overlap.
# Not a rule: no METADATA, no fail set.
package tollgate.lib.m3tasks

import rego.v1

# An empty map when the M3 data is not loaded.
tasks := {t.id: t | some t in data.tollgate.m3.tasks; is_object(t)}

loaded if count(tasks) > 0

_stop := {"and", "the", "for", "with", "from", "into", "that", "this", "are", "all", "any", "its", "their", "based", "needed"}

# tokens(s): the significant words of s, cut to five letters so inflections
# meet ("approve"/"approval", "process"/"processes").
tokens(s) := {substring(w, 0, 5) |
	some w in regex.split(`[^a-z0-9]+`, lower(s))
	count(w) >= 3
	not w in _stop
} if is_string(s)

tokens(s) := set() if not is_string(s)

# share(a, b): the part of a's words that b also has (0 when a has none).
share(a, b) := count(tokens(a) & tokens(b)) / count(tokens(a)) if count(tokens(a)) > 0

else := 0

# ref(id) parses an M3 key-task reference: "3.1" (key task) or "3.1-4" /
# "3.1.4" (its 4th activity).
ref(id) := {"task": m[1], "seq": to_number(m[2])} if {
	is_string(id)
	[m] := regex.find_all_string_submatch_n(`^\s*(\d{1,2}\.\d{1,2})\s*[-–./]\s*(\d{1,2})\s*$`, id, 1)
}

ref(id) := {"task": m[1]} if {
	is_string(id)
	[m] := regex.find_all_string_submatch_n(`^\s*(\d{1,2}\.\d{1,2})\s*$`, id, 1)
}

# The text an M3 reference stands for: the activity, or the key task with
# all its activities.
_ref_text(r) := sprintf("%s %s", [tasks[r.task].name, a.text]) if {
	some a in tasks[r.task].activities
	a.seq == r.seq
}

_ref_text(r) := concat(" ", array.concat([tasks[r.task].name], [a.text | some a in tasks[r.task].activities])) if not r.seq

# party(r): the M3 responsible party of a reference (customer, provider,
# shared; "shared" wins when several are listed).
_parties(r) := {p | some a in tasks[r.task].activities; a.seq == r.seq; some p in a.responsible_party} if r.seq

_parties(r) := {p | some p in tasks[r.task].responsible_party} if not r.seq

party(r) := "shared" if "shared" in _parties(r)

else := "customer" if "customer" in _parties(r)

else := "provider" if "provider" in _parties(r)

# activity_ref(a): the M3 key task (and activity) a RACI activity stands
# for: its m3_key_task/m3_activity when the normalizer set them, else its ID
# read as "3.1" or "3.1-4" — confirmed by its name sharing at least half its
# words with the M3 text, so a WBS number that happens to look like a key
# task does not match.
activity_ref(a) := {"task": a.m3_key_task, "seq": a.m3_activity} if {
	tasks[a.m3_key_task]
	is_number(a.m3_activity)
} else := {"task": a.m3_key_task} if {
	tasks[a.m3_key_task]
} else := r if {
	r := ref(object.get(a, "id", null))
	tasks[r.task]
	_ref_text(r)
	share(object.get(a, "name", ""), _ref_text(r)) >= 0.5
}
