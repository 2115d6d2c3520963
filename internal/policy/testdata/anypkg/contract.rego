# METADATA
# title: Charters list deliverables
# custom:
#   id: ORG-CHARTER-003
#   severity: error
#   kinds: [charter]
#   remediation: Add a deliverables section.
package agency.procedures.deliverables

fail contains {"msg": "the charter lists no deliverables"} if count(object.get(input.charter, "deliverables", [])) == 0
