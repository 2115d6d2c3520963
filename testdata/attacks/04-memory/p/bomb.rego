# Defect 4: 200 copies of a 1 MB string joined (the reproduction used
# 20,000 copies: 20 GB, a fatal out-of-memory). The test runs with
# --limit eval_memory=64MiB, so 200 MB is over the budget.
package attack.memory

import rego.v1

deny contains m if {
	a := sprintf("%1000000s", ["x"])
	p := [a | some _ in numbers.range(1, 200)]
	m := sprintf("joined %d bytes", [count(concat("", p))])
}
