# Defect 7: an ordinary user policy, beside the hostile files the test adds.
package attack.ok

import rego.v1

deny contains m if {
	false
	m := "never"
}
