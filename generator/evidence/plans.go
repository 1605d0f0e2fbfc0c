package evidence

import "github.com/BurntSushi/toml"

// STUB: to be replaced by the [smp] and [isms] sections.

// SMP is the Security Management Plan's lifecycle.
type SMP struct{}

// ISMS is the ISMS's lifecycle.
type ISMS struct{}

func readSMP(f *docFile, key string, p toml.Primitive)  {}
func readISMS(f *docFile, key string, p toml.Primitive) {}
