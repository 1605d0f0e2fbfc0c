package evidence

import "github.com/BurntSushi/toml"

// STUB: to be replaced by the other governance sections and [[evidence]] items.

// Representatives are the Parties' security representatives.
type Representatives struct{}

// SecurityPolicy is the Agency's own security policy.
type SecurityPolicy struct{}

// IncidentProcess is the incident management process and response plans.
type IncidentProcess struct{}

// VulnerabilityPolicy is the vulnerability management policy.
type VulnerabilityPolicy struct{}

// AuditLogging is the audit logging and retention.
type AuditLogging struct{}

// DataLocation is one place Government Data is stored, processed or managed.
type DataLocation struct{}

// CeasingToTrade is the process guaranteeing data availability if the Agency ceases to trade.
type CeasingToTrade struct{}

// Item is a general evidence item.
type Item struct{}

func readRepresentatives(f *docFile, key string, p toml.Primitive)     {}
func readSecurityPolicy(f *docFile, key string, p toml.Primitive)      {}
func readIncidentProcess(f *docFile, key string, p toml.Primitive)     {}
func readVulnerabilityPolicy(f *docFile, key string, p toml.Primitive) {}
func readAuditLogging(f *docFile, key string, p toml.Primitive)        {}
func readDataLocations(f *docFile, key string, p toml.Primitive)       {}
func readCeasingToTrade(f *docFile, key string, p toml.Primitive)      {}
func readItems(f *docFile, key string, p toml.Primitive)               {}
