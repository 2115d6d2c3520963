# Activity and milestone rows of a status report, for STATUS-003/004. Not a
# rule: no METADATA, no fail set.
package tollgate.lib.status

import data.tollgate.lib
import rego.v1

sr(doc) := object.get(doc, "status_report", {})

# lists are the row lists the normalizer found a table for, with the noun a
# message uses.
lists := {"activities": "activity", "milestones": "milestone"}

# items(doc) are [list, row] pairs of every activity and milestone row.
items(doc) := [[list, x] |
	some list, _ in lists
	some x in object.get(sr(doc), list, [])
	is_object(x)
]

# has_column(doc, list, key): the list's table has the column.
has_column(doc, list, key) if lib.found(doc, sprintf("status_report.%s_columns.%s", [list, key]))

# read(doc, list): a table of that list was found.
read(doc, list) if lib.found(doc, sprintf("status_report.%s", [list]))

any_read(doc) if {
	some list, _ in lists
	read(doc, list)
}

label(list, x) := sprintf("%s %q", [lists[list], x.name])

statuses := {
	"green": "G (green)", "yellow": "Y (yellow)", "red": "R (red)",
	"complete": "B (complete)", "upcoming": "P (upcoming)",
}

loc(x) := lib.loc_or_doc(object.get(x, "loc", {}))
