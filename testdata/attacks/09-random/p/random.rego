# Defect 9: a rule reading randomness must not compile.
package attack.random

import rego.v1

deny contains m if {
	m := sprintf("%d %s", [rand.intn("seed", 1000), uuid.rfc4122("seed")])
}
