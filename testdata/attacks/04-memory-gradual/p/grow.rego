# Defect 4, the slow way: 400 distinct 1 MB strings, each under the
# per-value bound, 400 MB together. The test runs with
# --limit eval_memory=64MiB: the memory guard stops the evaluation.
package attack.grow

import rego.v1

deny contains m if {
	p := [s | some x in numbers.range(1, 400); s := sprintf("%1000000d", [x])]
	m := sprintf("built %d strings", [count(p)])
}
