package tollgate.rules.core.gen_002_test

import data.tollgate.rules.core.gen_002
import rego.v1

test_pass if {
	count(gen_002.fail) == 0 with input as {"kind": "charter", "metadata": {"version": "1.2"}}
}

test_fail if {
	count(gen_002.fail) == 1 with input as {"kind": "charter", "metadata": {"version": ""}}
	count(gen_002.fail) == 1 with input as {"kind": "pmp", "metadata": {}}
}

test_generic_documents_are_not_judged if {
	count(gen_002.fail) == 0 with input as {"kind": "generic", "metadata": {}}
}
