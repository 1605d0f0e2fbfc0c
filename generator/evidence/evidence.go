// Package evidence reads the Agency's evidence: Excel registers and TOML
// governance documents under the evidence folder, into typed records that
// keep the position of every cell and every key.
//
// Reading never stops at a bad cell: each problem is recorded on its
// register with file, sheet and cell, the row's other cells are still read,
// and the rest of the register is still used.
package evidence

import (
	"io/fs"
	"slices"
	"strings"
)

// Evidence is everything read from the evidence folder.
type Evidence struct {
	// Registers lists every register, present or not, in a fixed order.
	Registers       []*Register
	Staff           []Staff
	Training        []Training
	Vulnerabilities []Vulnerability
	Reports         []Report
	Software        []Software
	Devices         []Device
	SecurityTests   []SecurityTest
	Incidents       []Incident
	// Documents is the governance evidence from the TOML files.
	Documents Documents
}

// reader reads one register: its schema, and what to do with its rows.
type reader struct {
	schema func() Schema
	read   func(e *Evidence, t *table)
}

// readers lists every register in display order.
func readers() []reader {
	return []reader{
		{StaffSchema, func(e *Evidence, t *table) { e.Staff = readStaff(t) }},
		{TrainingSchema, func(e *Evidence, t *table) { e.Training = readTraining(t) }},
		{VulnerabilitySchema, func(e *Evidence, t *table) { e.Vulnerabilities = readVulnerabilities(t) }},
		{ReportSchema, func(e *Evidence, t *table) { e.Reports = readReports(t) }},
		{SoftwareSchema, func(e *Evidence, t *table) { e.Software = readSoftware(t) }},
		{DeviceSchema, func(e *Evidence, t *table) { e.Devices = readDevices(t) }},
		{SecurityTestSchema, func(e *Evidence, t *table) { e.SecurityTests = readSecurityTests(t) }},
		{IncidentSchema, func(e *Evidence, t *table) { e.Incidents = readIncidents(t) }},
	}
}

// Register returns the register named name ("staff", "training", ...).
func (e *Evidence) Register(name string) *Register {
	for _, r := range e.Registers {
		if r.Schema.Name == name {
			return r
		}
	}
	return nil
}

// Schemas lists every register this program reads, in display order.
func Schemas() []Schema {
	var out []Schema
	for _, r := range readers() {
		out = append(out, withParagraphs(r.schema()))
	}
	return out
}

// Load reads every register from fsys, whose root is the evidence folder;
// dir is that folder's name as printed in positions (e.g. "evidence").
// Problems in the evidence are recorded on the registers; Load itself does
// not fail on bad evidence.
func Load(fsys fs.FS, dir string) *Evidence {
	e := &Evidence{}
	for _, r := range readers() {
		t := readTable(fsys, dir, withParagraphs(r.schema()))
		r.read(e, t)
		e.Registers = append(e.Registers, t.reg)
	}
	e.linkTraining(e.Register("training"))
	e.Documents = loadDocuments(fsys, dir)
	for _, r := range e.Registers {
		slices.SortStableFunc(r.Problems, func(a, b Problem) int { return a.Pos.Compare(b.Pos) })
	}
	return e
}

// linkTraining drops training rows whose Staff ID is not in the staff
// register, recording each as a problem.
func (e *Evidence) linkTraining(reg *Register) {
	staffReg := e.Register("staff")
	if len(e.Training) == 0 || staffReg == nil || !staffReg.Present || staffReg.Rows == 0 {
		// With no usable staff register there is nothing to link to: its
		// own problems say why, rather than one per training row.
		return
	}
	known := make(map[string]bool, len(e.Staff))
	for _, s := range e.Staff {
		known[strings.ToUpper(s.ID)] = true
	}
	kept := e.Training[:0]
	for _, t := range e.Training {
		if !known[strings.ToUpper(t.StaffID)] {
			reg.problem(t.Row.Pos, t.StaffID, []string{ParaTraining}, "Staff ID: %q is not in the staff register %s: this row is not used", t.StaffID, staffReg.Path)
			reg.dropRow(t.StaffID, t.Row.Pos)
			continue
		}
		kept = append(kept, t)
	}
	e.Training = kept
	reg.Rows = len(kept)
}
