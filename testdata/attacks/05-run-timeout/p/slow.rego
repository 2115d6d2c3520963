# Defect 5, whole run: a rule looping for hours (8.1 billion steps), each
# step cheap, under a generous eval_timeout: limits.run_timeout ends the
# run.
package attack.slow

import rego.v1

deny contains m if {
	some i in numbers.range(1, 90000)
	some j in numbers.range(1, 90000)
	i == j + 1000000
	m := "never"
}
