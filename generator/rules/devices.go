package rules

// STUB: to be replaced by the rule family.

func (e *eval) devices() {}

func devicesDocs() []Doc { return nil }
