package rules

// STUB: to be replaced by the rule family.

func (e *eval) software() {}

func softwareDocs() []Doc { return nil }
