# Defect 1: a policy of the checked tree prints what the data files hold.
package attack.leak

import rego.v1

deny contains m if {
	m := json.marshal(data.auths)
}
