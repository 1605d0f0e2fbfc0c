package rules

// STUB: to be replaced by the rule family.

func (e *eval) securityTests() {}

func securityTestsDocs() []Doc { return nil }
