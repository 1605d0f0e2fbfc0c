package rules

// STUB: to be replaced by the rule family.

func (e *eval) patching() {}

func patchingDocs() []Doc { return nil }
