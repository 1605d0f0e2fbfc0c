package rules

// STUB: to be replaced by the rule family.

func (e *eval) plans() {}

func plansDocs() []Doc { return nil }
