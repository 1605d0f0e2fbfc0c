package rules

// STUB: to be replaced by the rule family.

func (e *eval) monthlyReports() {}

func reportsDocs() []Doc { return nil }
