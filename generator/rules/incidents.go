package rules

// STUB: to be replaced by the rule family.

func (e *eval) incidents() {}

func incidentsDocs() []Doc { return nil }
