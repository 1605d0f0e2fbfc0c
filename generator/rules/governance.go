package rules

// STUB: to be replaced by the rule family.

func (e *eval) governance() {}

func governanceDocs() []Doc { return nil }
