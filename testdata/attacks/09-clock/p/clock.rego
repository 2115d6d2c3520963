# Defect 9: a rule reading the clock. time.now_ns must return as_of.
package attack.clock

import rego.v1

deny contains m if {
	m := sprintf("now=%d", [time.now_ns()])
}
