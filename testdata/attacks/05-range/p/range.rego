# Defect 5: a million-element numbers.range kept OPA hashing for minutes
# past the evaluation deadline.
package attack.range

import rego.v1

deny contains m if {
	a := "x"
	m := sprintf("%d", [count([a | some _ in numbers.range(1, 1000000)])])
}
