package vocab

// ScheduleColumns is MODEL.md §4.1.
var ScheduleColumns = Table{
	"id":                 {"ID", "Task ID", "Activity ID", "Task #", "No.", "#", "Row ID", "Step Id", "Step ID"},
	"uid":                {"Unique ID", "UID", "GUID"},
	"wbs":                {"WBS", "WBS Code", "Outline Number", "WBS #", "Task Number"},
	"outline_level":      {"Outline Level", "Outline_Level", "Level", "Indent"},
	"phase":              {"Phase", "Stage", "M3 Phase", "Workstream", "Release"},
	"name":               {"Task Name", "Name", "Activity Name", "Activity", "Task", "Description", "Milestone", "Deliverable", "Work Item", "Title"},
	"duration":           {"Duration", "Original Duration", "Planned Duration", "Dur", "Days", "Work Days"},
	"baseline_duration":  {"Baseline Duration", "BL Duration", "BL Project Duration"},
	"remaining_duration": {"Remaining Duration", "Rem Dur"},
	"percent_complete":   {"% Complete", "Percent Complete", "% Done", "Progress", "Activity % Complete", "Duration % Complete", "Physical % Complete", "% Work Complete"},
	"start":              {"Start", "Start Date", "Start_Date", "Planned Start", "Forecast Start", "Early Start", "Begin"},
	"finish":             {"Finish", "Finish Date", "Finish_Date", "End", "End Date", "Due Date", "Planned Finish", "Forecast Finish", "Early Finish", "Target Date"},
	"baseline_start":     {"Baseline Start", "BL Start", "BL Project Start", "BL1 Start"},
	"baseline_finish":    {"Baseline Finish", "BL Finish", "BL Project Finish", "BL1 Finish"},
	"actual_start":       {"Actual Start", "Act Start", "Actual Start Date"},
	"actual_finish":      {"Actual Finish", "Act Finish", "Actual End", "Completed On", "Date Completed"},
	"predecessors":       {"Predecessors", "Predecessor", "Depends On", "Dependencies", "Pred", "Preds"},
	"successors":         {"Successors", "Successor", "Succ"},
	"resources":          {"Resource Names", "Resourcing", "Resource_Names", "Resource Type", "Resources", "Primary Resource", "Assigned To", "Owner", "Responsible", "Assignee", "Resource"},
	"total_float":        {"Total Slack", "Total Float", "TF", "Float", "Slack"},
	"free_float":         {"Free Slack", "Free Float"},
	"constraint_type":    {"Constraint Type", "Primary Constraint", "Constraint"},
	"constraint_date":    {"Constraint Date", "Primary Constraint Date"},
	"critical":           {"Critical", "Critical Path", "On Critical Path"},
	"deadline":           {"Deadline"},
	"milestone":          {"Milestone?", "Is Milestone"},
	"summary":            {"Summary"},
	"status":             {"Status", "Activity Status"},
}

// StatusDateLabels are the cell labels a schedule's data date sits next to
// (MODEL.md §4.1 schedule-level fields).
var StatusDateLabels = Table{"status_date": {"Status Date", "Data Date", "As of", "As of Date", "Report Date", "Current Date"}}

// RACIColumns are the row-label headers of a RACI matrix (MODEL.md §4.2).
var RACIColumns = Table{
	"activity":    {"Activity", "Activities", "Task", "Deliverable", "Process", "Decision", "Work Package", "Responsibility", "Key Task", "Name", "Task Name", "Step", "Step Name"},
	"activity_id": {"ID", "#", "WBS", "Ref", "M3 Task", "Step Id", "Step ID", "Step #"},
	"status":      {"Status", "State", "Progress"},
}

// RiskColumns is MODEL.md §4.3.
var RiskColumns = Table{
	"id":               {"Risk #", "Issue #", "Risk ID", "Issue ID", "ID", "Ref", "Reference", "No.", "Num", "Number", "Risk No.", "Risk Number", "Nr.", "Nº", "#"},
	"title":            {"Title", "Risk Title", "Risk Name", "Short Description", "Risk", "Risks", "Risco", "Riscos", "Riesgo", "Risiko", "Name"},
	"description":      {"Description", "Risk Description", "Risk Statement", "Risk Event", "Issue Description", "Details", "Event", "Cause", "Beschreibung", "Descrição", "Descripción"},
	"category":         {"Risk Type", "Issue Type", "Category", "Risk Category", "Type", "Typ", "Categoria", "Tipo"},
	"probability":      {"Probability (Likelihood)", "Probability", "Likelihood", "Prob", "Chance", "PRB", "P", "Wahrscheinlichkeit", "Probabilidade", "Probabilidad", "Eintrittswahrscheinlichkeit"},
	"impact":           {"Consequence / Impact", "Impact", "Consequence", "Severity of Impact", "IMP", "I", "Auswirkung", "Impacto", "Tragweite"},
	"score":            {"Severity", "Risk Score", "Score", "Exposure", "Rating", "Risk Rating", "P x I", "Risk Level", "Outcome Rating", "MAG", "Magnitude", "Expected Value", "Priority", "Prioridade", "Risikowert"},
	"owner":            {"Risk Owner", "Issue Owner(s)", "Owner", "Assigned To", "Action Owner", "Accountability", "Responsibility", "Responsible", "Verantwortlich", "Verantwortlicher", "Responsável", "Responsable", "Risk Manager"},
	"owner_org":        {"Risk Owner(s) - Organization", "Issue Owner(s) - Organization", "Owner Organization"},
	"response":         {"Risk Response", "Response", "Response Strategy", "Strategy", "Treatment", "Response Type", "Risk Strategy"},
	"response_plan":    {"Response Plan", "Resolution Plan", "Mitigation", "Mitigation Plan", "Mitigation Strategy", "Mitigation Actions", "Action Plan", "Risk Response and Description", "Countermeasure", "Countermeasures", "Gegenmaßnahme", "Gegenmaßnahmen", "Maßnahme", "Maßnahmen", "Solution", "Preventive Action", "Ações", "Ação", "Plano de Ação", "Resposta", "Mitigação"},
	"trigger":          {"Risk Trigger", "Trigger", "Trigger Event", "Gatilho"},
	"contingency_plan": {"Risk Contingency Plan", "Contingency", "Contingency Plan", "Fallback Plan", "Contingent Action", "Ação Contingente"},
	"closure_criteria": {"Closure Criteria", "Exit Criteria", "Retirement Criteria"},
	"modified_on":      {"Modified On", "Last Updated", "Last Reviewed", "Review Date", "Date Updated", "Date to Review", "Date Reviewed"},
	"related_ids":      {"Related Risk #", "Linked Risks", "Related Issue"},
	"due_date":         {"Due Date (Trigger Date)", "Due Date", "Trigger Date", "Target Date", "Need By", "Risk Trigger Date"},
	"status":           {"Status", "Risk Status", "Issue Status", "State"},
	"status_notes":     {"Risk Status Notes", "Issue Status Notes", "Status Notes", "Latest Update", "Status Update"},
	"created_on":       {"Created On", "Date Raised", "Date Identified", "Identified On", "Date Opened", "Open Date", "Date Entered", "Datum", "Date Logged", "Data"},
	"closed_date":      {"Closed Date", "Date Closed", "Closure Date", "Resolved On"},
}

// RevisionColumns is MODEL.md §4.9 (revision history).
var RevisionColumns = Table{
	"version":     {"Release No.", "Release Number", "Version", "Version Number", "Rev", "Revision", "Version #", "Ver", "Ver.", "Release", "Versão", "Versión"},
	"date":        {"Date", "Revision Date", "Release Date", "Issue Date", "Change Date", "Date of Change", "Date Modified", "Modified", "Data", "Fecha", "Datum"},
	"author":      {"Author", "Revised By", "Updated By", "Editor", "Implemented By", "Changed By", "Modified By", "Developer", "Developers", "Prepared By", "Owner", "Autor", "Responsável", "Who"},
	"description": {"Revision Description", "Description of Change", "Summary of Changes", "Change Description", "Description", "Comments", "Changes", "Change", "Changes Made", "Reason", "Reason for Change", "Summary", "Notes", "What Changed", "Modification", "Descrição", "Alterações", "Änderung"},
}

// RevisionSections head a revision history written as a list.
var RevisionSections = Table{
	"revision_history": {"Revision History", "Version History", "Document History", "Change History", "Revisions", "Document Revision History", "Record of Changes", "Histórico de Versões", "Histórico de Revisões", "Änderungshistorie"},
}

// ChangeLogSections head a change-control log, which is not a revision
// history.
var ChangeLogSections = Table{
	"change_log": {"Change Control Log", "Change Log", "Change Request Log", "Change Requests", "Change Register", "Issue Log"},
}

// ApprovalColumns is MODEL.md §4.9 (approvals).
var ApprovalColumns = Table{
	"name":      {"Name", "Approved By", "Approver", "Printed Name", "Approver Name"},
	"title":     {"Title", "Position", "Job Title"},
	"role":      {"Role", "Approval Role"},
	"signature": {"Signature", "Signed"},
	"date":      {"Date", "Approval Date", "Date Signed", "Signature Date"},
	"decision":  {"Decision", "Approval Decision", "Approved?"},
}

// ApprovalSections are headings under which approvals are recorded.
var ApprovalSections = Table{
	"approvals": {"Approvals", "Approval", "Signatures", "Sign-off", "Signoff", "Management Certification", "Authorization", "Authorization to Proceed", "Concurrence", "Approval Signatures", "Document Approval"},
}

// CharterSections is MODEL.md §4.10 (charter).
var CharterSections = Table{
	"purpose":               {"Purpose", "Project Purpose", "Program Purpose", "Purpose/Justification", "Business Need", "Business Problem", "Problem Statement", "Background", "Justification", "Business Case", "Vision", "Mission", "Mission Statement", "Rationale", "Propósito", "Propósito e Justificativa", "Justificativa", "Problema", "Zweck", "Propósito del Proyecto", "Motivation"},
	"objectives":            {"Objectives", "Objective", "Project Objectives", "Program Objectives", "Goals", "Goal", "Goals and Objectives", "Goal Statement", "Business Objectives", "Objetivos", "Objetivo", "Metas", "Ziele", "OKRs"},
	"success_criteria":      {"Success Criteria", "Success Measures", "Success Metrics", "Critical Success Factors", "Performance Measures", "Acceptance Criteria"},
	"requirements":          {"High-Level Requirements", "Requirements", "Key Requirements", "Business Requirements", "Requisitos", "Requisitos de Alto Nível", "Anforderungen"},
	"scope":                 {"Scope", "Project Scope", "Program Scope", "Scope Statement", "Project Description", "Boundaries", "Escopo", "Descrição do Projeto", "Alcance", "Umfang"},
	"in_scope":              {"In Scope", "Inclusions"},
	"out_of_scope":          {"Out of Scope", "Exclusions", "Not in Scope"},
	"deliverables":          {"Deliverables", "Key Deliverables", "Major Deliverables", "Products", "Project Deliverables", "Entregas", "Entregáveis", "Produtos"},
	"milestones":            {"Milestones", "Summary Milestone Schedule", "Major Milestones", "Key Milestones", "Milestone Schedule", "Schedule", "Timeline", "High Level Timelines", "Project Timeline", "Executive Milestones", "Marcos", "Cronograma", "Meilensteine"},
	"budget":                {"Budget", "Summary Budget", "Preapproved Financial Resources", "Estimated Cost", "Funding", "Financial Resources", "Cost", "Costs", "Cost Estimate", "Orçamento", "Custo", "Custos", "Resumo do Custo Estimado", "Custo Estimado", "Presupuesto", "Budget and Funding"},
	"stakeholders":          {"Stakeholders", "Key Stakeholders", "Stakeholder List", "Project Organization", "Partes Interessadas", "Lista das Partes Interessadas", "Stakeholder"},
	"assumptions":           {"Assumptions", "Assumptions and Constraints", "Dependencies", "Premissas", "Suposições", "Annahmen"},
	"constraints":           {"Constraints", "Restrições", "Limitations"},
	"risks":                 {"Risks", "High-Level Risks", "Initial Risks", "Overall Project Risk", "Key Risks", "Project Risks", "Riscos", "Risiken", "Riesgos"},
	"project_manager":       {"Project Manager", "Program Manager", "Project Manager Authority", "Program Manager Authority", "Authority", "Roles and Responsibilities of the Project Manager", "Gerente do Projeto", "Gerentes do Projeto", "Gerente de Projeto"},
	"sponsor":               {"Sponsor", "Project Sponsor", "Program Sponsor", "Executive Sponsor", "Authorizing Official", "Patrocinador", "Patrocinadores", "Sponsors"},
	"approval_requirements": {"Approval Requirements", "Project Approval", "Sign-off Criteria", "Requisitos para Aprovação"},
	"exit_criteria":         {"Exit Criteria", "Closure Criteria", "Completion Criteria"},
}

// OverviewSections open a document with what the project is: when a
// charter has no purpose section, the reader takes its purpose from here.
var OverviewSections = Table{
	"overview": {"Introduction", "Overview", "Project Overview", "Project Description", "Description", "Summary", "Executive Summary", "Project Summary", "Abstract", "About", "Introdução", "Descrição do Projeto", "Visão Geral", "Einleitung", "Introducción"},
}

// PMPPlans is MODEL.md §4.10 (PMP subsidiary plans).
var PMPPlans = Table{
	"cost":          {"Cost Management", "Cost Management Plan", "Budget Management", "Financial Management", "Cost Control", "Earned Value", "Cost", "Costs", "Money", "Budget", "Cost Estimate", "Financial Plan", "Funding"},
	"quality":       {"Quality Management", "Quality Management Plan", "Quality Assurance", "QA Plan", "Quality Control", "Quality", "Quality Plan", "Review Process", "Code Review", "Testing Policy", "Testing Plan", "Testing Policy/Plan", "Test Plan", "Coding Standard", "Coding Standards", "Verification and Validation", "SQA"},
	"staff":         {"Staff Management", "Staff Management Plan", "Staffing Plan", "HR/Staffing Plan", "Resource Management", "Resource Management Plan", "Human Resources", "Human Resource Management"},
	"communication": {"Communication Management", "Communications Management", "Communication Management Plan", "Communications Management Plan", "Communications Plan", "Communication Plan", "Stakeholder Communication", "Communication", "Communications", "Meeting Plan", "Team Communication", "Meetings"},
	"risk":          {"Risk Management", "Risk Management Plan", "Risk and Issue Management", "Risks", "Risk", "Risk Analysis", "Risk Assessment", "Risk Plan", "Risks and Assumptions", "Risks and Mitigation"},
	"procurement":   {"Procurement Management", "Procurement Management Plan", "Procurement Plan", "Acquisition Strategy", "Acquisition Plan", "Acquisition Management"},
	"contract":      {"Contract Management", "Contract Management Plan", "Vendor Management", "Supplier Management", "Contract Administration"},
	"governance":    {"Governance Plan", "Governance", "Governance Charter", "Issue Escalation", "Escalation and Resolution", "Decision Rights"},
	"configuration": {"Configuration Management", "Configuration Management Plan", "Document Management", "Version Control", "CM Plan", "Build Plan", "Workflow Plan", "Revision Control", "Source Control", "Git Workflow", "Repository", "Release Management"},
	"change":        {"Change Management", "Change Management Plan", "Change Control", "Change Control Plan", "Change Control Process", "Scope Change Management", "Integrated Change Control", "Modification Request Process", "Change Request Process", "Change Requests", "Change Process"},
	"schedule":      {"Schedule Management", "Schedule Management Plan", "Schedule Management Process", "Master Schedule", "Schedule", "Timeline", "Timeline and Milestones", "Milestones", "Project Schedule", "Scheduling", "Project Decomposition and Scheduling", "Tasks and Schedules"},
	"scope":         {"Scope Management", "Scope Management Plan", "Requirements Management", "Requirements Management Plan", "Work Breakdown Structure", "WBS", "Project Scope", "Scope"},
}

// PMPPlanKeys is the order subsidiary plans are listed in.
var PMPPlanKeys = []string{"cost", "quality", "staff", "communication", "risk", "procurement", "contract", "governance", "configuration", "change", "schedule", "scope"}

// IVVSections is MODEL.md §4.10 (IV&V plan, IEEE 1012 outline).
var IVVSections = Table{
	"purpose":            {"Purpose", "Scope", "Introduction"},
	"references":         {"Referenced Documents", "References", "Applicable Documents"},
	"definitions":        {"Definitions", "Acronyms", "Glossary", "Key Terms"},
	"organization":       {"V&V Overview", "Organization", "IV&V Organization", "Reporting Structure", "Independence"},
	"master_schedule":    {"Master Schedule", "Schedule", "IV&V Schedule"},
	"integrity_levels":   {"Integrity Level Scheme", "Integrity Levels", "Criticality", "Software Integrity Level"},
	"resources":          {"Resources Summary", "Resources", "Staffing"},
	"responsibilities":   {"Responsibilities", "Roles and Responsibilities"},
	"tools":              {"Tools, Techniques, and Methods", "Tools", "Methodology"},
	"processes":          {"V&V Processes", "V&V Activities and Tasks", "IV&V Tasks", "Scope of IV&V", "IV&V Activities"},
	"reporting":          {"V&V Reporting Requirements", "Reporting", "IV&V Reports", "Findings Reporting", "Reporting Requirements"},
	"administrative":     {"V&V Administrative Requirements", "IV&V Administrative Requirements", "Administrative Requirements", "Anomaly Resolution and Reporting", "Task Iteration Policy", "Deviation Policy", "Control Procedures", "Standards, Practices, and Conventions"},
	"test_documentation": {"V&V Test Documentation Requirements", "V&V Documentation Requirements", "Test Documentation", "Test Documentation Requirements"},
}

// IVVDeliverableSections are the headings listing the deliverables IV&V
// reviews (M3 Phase 2 Guidance, IV&V Plan).
var IVVDeliverableSections = Table{
	"deliverables_under_review": {"Deliverables Under Review", "Deliverables for IV&V Review", "Deliverables Reviewed", "Deliverables Reviewed by IV&V", "IV&V Review Items", "Items Under Review", "Products Under Review", "Work Products Reviewed", "Products Reviewed", "Deliverables and Events Assessed", "Review Items"},
}

// IVVOutlineKeys is the order of the IV&V plan outline.
var IVVOutlineKeys = []string{"purpose", "references", "definitions", "organization", "master_schedule", "integrity_levels", "resources", "responsibilities", "tools", "processes", "reporting", "administrative", "test_documentation"}

// Roles normalizes approver/RACI role names (MODEL.md §4.2).
var Roles = Table{
	"sponsor":          {"Executive Sponsor", "Sponsor", "Project Sponsor", "Program Sponsor", "Program Executive Sponsor", "Business Sponsor"},
	"program_manager":  {"Program Manager", "Programme Manager", "PM"},
	"project_manager":  {"Project Manager"},
	"cio":              {"Chief Information Officer", "CIO"},
	"governance_board": {"Executive Steering Committee", "Steering Committee", "Governance Board", "Change Control Board", "CCB", "Investment Review Board"},
	"quality_manager":  {"Quality Manager", "QA Manager"},
	"contract_manager": {"Contract Manager"},
	"ivv_lead":         {"IV&V Lead", "IV&V", "Independent Verification and Validation"},
	// The other approvers M3 templates name (Target State CONOPS).
	"business_owner":  {"Business Owner", "Business Owners"},
	"functional_lead": {"Functional Lead"},
}

// NearMissTitles are titles that read like a core kind's but name another
// document: a working group's charter is not a project charter, a
// statement of work is not a charter, an issue register is not a risk
// register. A title matching one of these (by a longer phrase than any
// kind title it also matches) makes the document generic; the key says
// what it is.
var NearMissTitles = Table{
	"statement of work":          {"Statement of Work", "SOW", "Performance Work Statement", "PWS", "Statement of Objectives"},
	"scope statement":            {"Scope Statement", "Project Scope Statement"},
	"issue register":             {"Issue Register", "Issue Log", "Issues Log", "Issue Tracker", "Decision Log"},
	"pricing template":           {"Pricing Template", "Price Schedule", "Pricing Schedule", "Labor Pricing", "CLIN Structure"},
	"strategy":                   {"Strategy and Plan", "Adoption Plan", "Cloud Adoption Plan", "Strategy"},
	"roles and responsibilities": {"Roles and Responsibilities", "Government Roles and Responsibilities"},
	"procedure":                  {"Change Request Procedure", "Change Control Procedure", "Process", "Procedure"},
	"delivery schedule":          {"Delivery Schedule", "Training Schedule", "Course Schedule", "Cohort Schedule", "Class Schedule", "Meeting Schedule"},
}

// CharterBodies are the bodies whose charters are not project charters: a
// charter that names one of them ("SIG Release Charter", "DITAP Consortium
// Charter", "Working Group Charter") charters a group, not a project.
var CharterBodies = []string{"working group", "wg", "sig", "committee", "consortium", "council", "board", "community", "advisory", "team", "club", "chapter", "guild", "subcommittee", "task force", "taskforce", "cwg", "steering"}

// QASPColumns is MODEL.md §4.4 (performance requirements summary).
var QASPColumns = Table{
	"pws_ref":   {"PWS Reference", "PWS Para", "PWS Paragraph", "SOW Reference", "SOO Ref", "Contract Reference"},
	"objective": {"Performance Objective", "Required Service", "Performance Requirement"},
	"standard":  {"Performance Standard", "Performance Measure", "Performance Threshold", "Service Level"},
	"aql":       {"AQL", "Acceptable Quality Level", "Allowable Deviation", "Acceptable Performance Level", "Minimum Acceptable"},
	"method":    {"Surveillance Method", "Method of Surveillance", "Method of Assessment", "Inspection Method", "Monitoring Method", "Measurement Method", "How Measured"},
}

// ChangeRequestFields are the labels of a change request form's key/value
// tables (MODEL.md §4.6: the M3 Change Request Form, label cell then value
// cell) and common alternatives. Labels are matched exactly.
var ChangeRequestFields = Table{
	"program":            {"Program Name", "Project Name"},
	"submitter.name":     {"Submitter Name", "Submitted By", "Requested By", "Requestor", "Requester", "Requestor Name", "Raised By"},
	"submitter.email":    {"Email", "E-mail", "Submitter Email"},
	"date_submitted":     {"Date Submitted", "Submission Date", "Date Requested", "Request Date", "Date Raised"},
	"date_required":      {"Date Required By", "Date Required", "Need By Date", "Required By"},
	"flm_approval.name":  {"FLM Approval Name", "FLM Name", "First Line Manager"},
	"flm_approval.date":  {"FLM Approval Date", "FLM Date"},
	"id":                 {"CR #", "CR ID", "CR Number", "Change Request #", "Change Request ID", "Change Request Number", "Change ID"},
	"type":               {"Type of Change", "Change Type", "CR Type"},
	"rtm_refs":           {"Associated RTM #", "RTM #", "RTM Reference", "Associated Requirements", "Affected Requirements", "Requirement IDs"},
	"priority":           {"Priority", "CR Priority"},
	"description":        {"Description of Change", "Change Description", "Description"},
	"reason":             {"Reason for Change", "Justification", "Reason", "Business Justification", "Reason / Trigger", "Trigger"},
	"application_impact": {"Potential Application Impact", "Application Impact", "System Impact"},
	"assumptions":        {"Assumptions and Comments", "Assumptions"},
	"impact.hours":       {"Est. # of hours to Implement", "Estimated Hours", "Est. Hours", "Hours to Implement", "Level of Effort"},
	"impact.cost":        {"Est. Cost Impact to Project", "Cost Impact", "Estimated Cost", "Est. Cost"},
	"impact.schedule":    {"Est. Schedule Impact", "Schedule Impact", "Estimated Schedule Impact"},
	"impact.scope":       {"Overall Scope Impact", "Scope Impact"},
	"solution":           {"Change Solution Description", "Solution Description", "Proposed Solution"},
	"board.decision":     {"Board Decision", "CCB Decision"},
	"board.approver":     {"Board Approver", "CCB Approver", "Approved By"},
	"board.date":         {"Decision Date", "CCB Decision Date", "Board Decision Date"},
	"board.explanation":  {"Decision Explanation", "Board Explanation", "CCB Comments", "Decision Rationale"},
}

// ChangeLogColumns are the columns of a change log (several CRs in one
// sheet; MODEL.md §4.6, the M3 RTM "CR" sheet).
var ChangeLogColumns = Table{
	"id":              {"CR ID", "*CR ID", "CR #", "CR Number", "CR No.", "Change Request #", "Change Request ID", "Change Request Number", "Change ID", "Change #"},
	"requirement_ids": {"Requirement ID", "Requirement IDs", "Associated RTM #", "RTM #", "Affected Requirements"},
	"name":            {"CR Name", "Change Name", "Change Title", "CR Title", "Title"},
	"description":     {"CR Description", "Description of Change", "Change Description", "Description"},
	"type":            {"Type of Change", "Change Type", "CR Type"},
	"priority":        {"Priority", "CR Priority"},
	"status":          {"CR Status", "Change Status", "Status", "Board Decision", "CCB Decision"},
	"decision_date":   {"Decision Date", "CCB Decision Date", "Approval Date", "Date Approved"},
	"date_submitted":  {"Date Submitted", "Date Requested", "Date Raised"},
}

// LessonsLearnedFields are the labels of the M3 Lessons Learned Report's
// project overview block (MODEL.md §4.7). Labels are matched exactly.
var LessonsLearnedFields = Table{
	"date":             {"Date", "Date Recorded", "Report Date"},
	"project_name":     {"Project Name", "Program Name"},
	"customer_contact": {"Customer Agency Name (include point of contact)", "Customer Agency Name", "Customer Agency", "Customer Point of Contact", "Customer Contact"},
	"provider_contact": {"Provider Agency Name (include point of contact)", "Provider Agency Name", "Provider Agency", "Provider Point of Contact", "Provider Contact"},
	"submitted_by":     {"Submitted By", "Prepared By"},
	"description":      {"Project Description", "Program Description"},
	"phase":            {"Phase", "M3 Phase", "Project Phase"},
}

// LessonColumns are the M3 knowledge-area grid (Knowledge Area | Start |
// Stop | Continue).
var LessonColumns = Table{
	"knowledge_area": {"Knowledge Area", "Area", "Category"},
	"start":          {"Start", "Start Doing"},
	"stop":           {"Stop", "Stop Doing"},
	"continue":       {"Continue", "Continue Doing", "Keep Doing"},
}

// RecommendationColumns are a lessons-learned report's recommendations
// (M3 Guidance: recommendations and the plan to implement them).
var RecommendationColumns = Table{
	"text":                {"Recommendation", "Recommendations", "Recommended Action", "Follow-up Action", "Follow-up Actions", "Action Item"},
	"implementation_plan": {"Implementation Plan", "Plan to Implement", "Plan for Implementation", "Implementation Approach"},
	"owner":               {"Owner", "Action Owner", "Responsible", "Assigned To"},
	"due_date":            {"Target Date", "Due Date", "Due", "By When"},
}

// StakeholderColumns is MODEL.md §4.8 (the M3 Stakeholder Analysis and
// common register columns).
var StakeholderColumns = Table{
	"name":                     {"Stakeholder Name", "Stakeholder", "Name"},
	"group":                    {"Stakeholder Group", "Group", "Stakeholder Category"},
	"agency":                   {"Agency", "Organization", "Organisation", "Department", "Office"},
	"role":                     {"Role", "Title", "Position", "Project Role"},
	"perception":               {"Perception"},
	"expectation":              {"Expectation", "Expectations"},
	"concerns":                 {"Pain Points/Concerns", "Pain Points", "Concerns"},
	"key_messaging":            {"Key Messaging", "Key Messages"},
	"investment":               {"Investment"},
	"preferred_communications": {"Preferred Communications", "Communication Preference", "Preferred Communication Method"},
	"influence":                {"Influence", "Power"},
	"interest":                 {"Interest"},
}

// PerformanceColumns is MODEL.md §4.4 in full: the columns (or, in
// transposed record tables, the row labels) of a QASP performance
// requirements summary or an SLA table. QASPColumns above is its strong
// subset, enough on its own to classify a table as a QASP; these broader
// words ("Target", "Frequency", "Owner") only map columns once the document
// is known to be a QASP or SLA.
var PerformanceColumns = Table{
	"id":          {"ID", "#", "PRS #", "PRS Number", "Standard #", "SLA ID", "SLA #", "Item #"},
	"pws_ref":     {"PWS Reference", "PWS Ref", "PWS Para", "PWS Paragraph", "PWS Section", "SOW Reference", "SOW Paragraph", "SOO Ref", "SOO Reference", "Contract Reference", "CLIN"},
	"objective":   {"Performance Objective", "Required Service", "Task", "Requirement", "Performance Requirement", "Service", "Deliverable", "Service Description", "Objective"},
	"standard":    {"Performance Standard", "Standard", "Performance Measure", "Metric", "Measure", "Performance Threshold", "Service Level", "Service Level Target", "Target", "Performance Target"},
	"aql":         {"AQL", "Acceptable Quality Level", "Allowable Deviation", "Acceptable Performance Level", "Threshold", "Minimum Acceptable", "Minimum Acceptable Level"},
	"method":      {"Surveillance Method", "Method of Surveillance", "Method of Assessment", "Assessment Method", "Inspection Method", "Monitoring Method", "Measurement Method", "How Measured", "Method"},
	"frequency":   {"Frequency", "Surveillance Frequency", "Inspection Frequency", "Reporting Frequency", "Measurement Period", "Measurement Frequency", "Reporting Period"},
	"responsible": {"Responsible", "Responsible Party", "Surveillance By", "Evaluator", "Inspector", "Monitored By", "COR", "Reporting Owner", "Owner", "Responsible Evaluator"},
	"remedy":      {"Incentive", "Disincentive", "Incentive/Disincentive", "Incentives/Disincentives", "Remedy", "Remedies", "Consequence", "Consequences", "Payment Deduction", "Service Credit", "Service Credits", "Corrective Action"},
}

// SurveillanceMethods is the surveillance-method vocabulary of MODEL.md
// §4.4 (FAR 46.401(a)(2) "method of surveillance"). A deliverable the
// government reviews each time it is delivered is 100 % inspection of that
// deliverable, so manual review of every delivery maps there; automated
// tests and scanners are automated monitoring.
var SurveillanceMethods = Table{
	"100-percent-inspection": {"100% Inspection", "100 Percent Inspection", "One Hundred Percent Inspection", "Full Inspection", "Inspection of Each", "Inspection of All", "Manual Review", "Manually Evaluate", "Manually Review", "Manual Inspection", "Manual Testing", "Code Review", "Review of Each", "Review of Every"},
	"random-sampling":        {"Random Sampling", "Random Sample", "Statistical Sampling", "Random Inspection"},
	"periodic-inspection":    {"Periodic Inspection", "Planned Sampling", "Periodic Review", "Scheduled Inspection", "Periodic Sampling"},
	"customer-feedback":      {"Customer Feedback", "Validated Customer Complaints", "Customer Complaints", "Customer Complaint", "Customer Survey", "User Feedback", "Customer Satisfaction Survey"},
	"third-party-audit":      {"Third-Party Audit", "Third Party Audit", "Independent Audit", "External Audit", "Third-Party Assessment"},
	"automated-monitoring":   {"Automated Monitoring", "System Reports", "System-Generated Reports", "Automated Reports", "Automated Testing", "Automated Tests", "Automated Scanner", "Automated Scans", "Monitoring Tools", "Automated Tools"},
	"incidental-inspection":  {"Incidental Inspection"},
}

// StatusActivityColumns are the columns of a status report's activity and
// milestone tables (MODEL.md §4.5; the M3 Status Report/Dashboard template's
// "Major Activities" and "Major Milestones").
var StatusActivityColumns = Table{
	"ims_ref":          {"IMS", "IMS ID", "IMS Ref", "WBS", "Task ID"},
	"name":             {"Activities", "Milestones", "Activity", "Milestone", "Task", "Major Activities", "Major Milestones", "Activity Name", "Milestone Name", "Task Name"},
	"owner":            {"Owner", "Lead", "Responsible", "Activity Owner"},
	"percent_complete": {"% Complete", "Percent Complete", "% Done"},
	"planned_finish":   {"Baseline/ Projected Finish", "Baseline/Projected Finish", "Baseline Finish", "Projected Finish", "Planned Finish", "Forecast Finish", "Forecast", "Due", "Due Date", "Target Date", "Finish"},
	"actual_finish":    {"Actual Finish", "Completed", "Completed On", "Date Completed", "Actual Finish Date"},
	"status":           {"Status", "RAG", "RAG Status"},
	"notes":            {"Notes and Escalation", "Notes", "Notes & Escalation", "Comments", "Escalation"},
}

// StatusRiskColumns are the risk table columns of a status report (M3
// "Risk/Issue" + "Mitigation/Response"; the Packt report's Risk Log).
var StatusRiskColumns = Table{
	"register_id": {"ID", "Id", "#", "Risk ID", "Risk #", "RAID ID", "Register ID"},
	"text":        {"Risk/Issue", "Risk", "Risks", "Risk Description", "Risk Title", "Top Risks", "Description"},
	"response":    {"Mitigation/Response", "Mitigation", "Response", "Strategy", "Mitigation Strategy", "Response Plan", "Mitigation Plan", "Risk Response"},
}

// StatusLabels are the "Label: value" lines and key/value cells of a status
// report (MODEL.md §4.5).
var StatusLabels = Table{
	"as_of_date":       {"As of", "As of Date", "Reporting Period End", "Report Date", "Status Date", "Period Ending", "Week Ending", "Date of Report", "Data Date", "Date", "Week Of", "Month Ending", "Report As Of"},
	"overall_status":   {"Overall Status", "Overall Schedule Status", "Project Health", "Program Health", "Overall Health", "RAG", "RAG Status", "Status", "Overall RAG", "Project Status", "Program Status", "Team Status", "Overall Project Status"},
	"schedule_status":  {"Schedule Status", "Schedule Health"},
	"go_live_variance": {"Go-Live Variance", "Go Live Variance", "Go-Live Delay", "Go-Live Slip", "Schedule Variance", "Days Behind Schedule"},
	"spend":            {"Expenditure to Date", "Spend to Date", "Actual Cost", "Actual Cost to Date", "Burn", "Funds Expended", "Spent to Date", "Cost to Date"},
	"budget":           {"Budget", "Total Budget", "Approved Budget", "Budget at Completion", "BAC"},
	"reporting_period": {"Reporting Period", "Period", "Report Period"},
}

// StatusSections are the headings of a status report's lists (MODEL.md §4.5).
var StatusSections = Table{
	"accomplishments": {"Key Recent Accomplishments", "Accomplishments", "Recent Accomplishments", "Completed This Period", "Key Accomplishments"},
	"upcoming":        {"Key Upcoming Activities", "Upcoming Activities", "Next Steps", "Planned Next Period", "Next 30-45 Days", "Upcoming Milestones", "Look Ahead"},
	"risks":           {"Risks", "Risk Log", "Top Risks", "Risks and Issues", "Risk/Issue", "Key Risks"},
	"milestones":      {"Major Milestones", "Milestones", "Key Milestones"},
	"activities":      {"Major Activities", "Activities", "Key Activities"},
}

// RTMColumns are the GSA M3 Requirements Traceability Matrix's "RTM" sheet
// columns (m3.json templates → rtm; the template marks mandatory columns
// with "*", which Normalize drops) and common requirement-list headers.
var RTMColumns = Table{
	"id":                        {"Requirements Unique ID #", "Requirement Unique ID", "Requirement ID", "Requirement #", "Req ID", "Req #", "Requirement Number", "RTM #", "RTM ID"},
	"process_area":              {"Process Area Business Requirement Name (Level 1 Requirement)", "Process Area Business Requirement Name", "Level 1 Requirement", "Process Area", "Business Requirement Name"},
	"sub_process_area":          {"Sub Process Area Requirement Name (Level 2 Requirement)", "Sub Process Area Requirement Name", "Level 2 Requirement", "Sub Process Area", "Sub-Process Area"},
	"description":               {"Requirement Description / Definition", "Requirement Description", "Requirement Definition", "Requirement Text", "Requirement"},
	"objective_ref":             {"Reference to High Level Business Requirements / Objectives", "High Level Business Requirement", "Business Objective"},
	"type":                      {"Requirement Type"},
	"source":                    {"Requirement Source", "Source"},
	"federal_standard":          {"Federal Standard or Mission Unique?", "Federal Standard or Mission Unique"},
	"decision_maker":            {"Requirement Decision Maker", "Decision Maker"},
	"priority":                  {"Priority", "Requirement Priority", "MoSCoW"},
	"localization":              {"Localization"},
	"author":                    {"Author"},
	"status":                    {"Status", "Requirement Status"},
	"deferred_how":              {"If deferred, how is the requirement being met?"},
	"change_request_required":   {"Change Request Required?", "Change Request Required", "CR Required"},
	"scope":                     {"In Scope or Out of Scope for Provider", "In Scope or Out of Scope", "In Scope", "Scope"},
	"complexity":                {"Complexity"},
	"fit_gap":                   {"Fit/Gap", "Fit Gap", "Fit-Gap", "Fit / Gap"},
	"fit_gap_description":       {"Fit/Gap Description", "Fit Gap Description"},
	"alternative_solution":      {"Alternative Solution"},
	"resolution_type":           {"Resolution Type (Transaction / RICEF)", "Resolution Type"},
	"gap_resolution":            {"Gap Resolution Description", "Gap Resolution"},
	"gap_resolution_complexity": {"Gap Resolution Complexity"},
	"gap_decision_status":       {"Gap Decision Solution Status", "Gap Decision Status"},
	"system":                    {"System"},
	"release":                   {"Release"},
	"functional_spec":           {"Functional Specification", "Functional Spec"},
	"technical_spec":            {"Technical Specification", "Technical Spec"},
	"unit_test":                 {"Unit Test Case", "Unit Test"},
	"integration_test":          {"Integration Test Case", "Integration Test"},
	"uat":                       {"UAT Case", "UAT Test Case", "User Acceptance Test Case", "UAT"},
	"regression_test":           {"Regression Test Case", "Regression Test"},
	"remark":                    {"Remark / Example", "Remarks", "Remark", "Comments"},
}

// PeopleRoles are the roles a document names people in (labels such as
// "Project Manager:", role table cells, "(Sponsor)" after a name, role
// headings such as "Gerentes do Projeto"). Wider than Roles (the approver
// roles of signature blocks): it also knows delivery-team roles, so a
// "PM / Scrum Master" cell is read as the project manager and a "Scrum
// Master" is not taken for one.
var PeopleRoles = Table{
	"sponsor":             {"Sponsor", "Sponsors", "Project Sponsor", "Program Sponsor", "Executive Sponsor", "Business Sponsor", "Program Executive Sponsor", "Sponsor(s)", "Patrocinador", "Patrocinadores", "Patrocinadora", "Auftraggeber", "Patrocinador del Proyecto"},
	"project_manager":     {"Project Manager", "Project Managers", "PM", "Project Lead", "Project Leader", "Project Manager(s)", "Gerente do Projeto", "Gerente de Projeto", "Gerentes do Projeto", "Gerente de Proyecto", "Jefe de Proyecto", "Projektleiter", "Projektleitung", "Chef de Projet", "Project Coordinator"},
	"program_manager":     {"Program Manager", "Programme Manager", "Program Managers"},
	"product_owner":       {"Product Owner", "PO"},
	"scrum_master":        {"Scrum Master", "Scrum Masters"},
	"technical_lead":      {"Technical Lead", "Tech Lead", "Technical Leader", "Lead Developer", "Architect"},
	"quality_manager":     {"Quality Manager", "QA Manager", "Quality Assurance Manager", "Quality Assurance"},
	"contract_manager":    {"Contract Manager"},
	"contracting_officer": {"Contracting Officer", "CO", "Contracting Officer (CO)"},
	"cor":                 {"Contracting Officer's Representative", "Contracting Officer Representative", "Contracting Officers Representative", "COR", "Contracting Officer’s Representative", "Contracting Officer's Technical Representative", "COTR"},
	"ivv_provider":        {"IV&V Provider", "IV&V Contractor", "IV&V Organization", "IV&V Organisation", "IV&V Team", "IV&V Agent", "IVV Provider", "Independent Verification and Validation Provider", "IV&V Vendor"},
	"governance_board":    {"Steering Committee", "Executive Steering Committee", "Governance Board", "Change Control Board", "CCB"},
	"cio":                 {"Chief Information Officer", "CIO"},
	"business_owner":      {"Business Owner", "Business Owners"},
	"functional_lead":     {"Functional Lead"},
	"developer":           {"Developer", "Developers", "Software Developer", "Software Developers", "Software Engineer", "Desenvolvedor", "Desenvolvedores"},
	"client":              {"Client", "Customer", "Cliente"},
}
