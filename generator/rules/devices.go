package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/workdays"
)

// attestationMonths is how old a device's attestation may be at the as-of
// date.
const attestationMonths = 12

// devices checks Part B Annex 1 paragraphs 2.1 and 2.2 against the device
// register.
func (e *eval) devices() {
	_, enc := e.order[evidence.ParaDeviceEncryption]
	_, mgmt := e.order[evidence.ParaDeviceManagement]
	if !enc && !mgmt {
		return // the form has no Annex 1
	}
	accepted := e.in.Config.Rules.AcceptedAssurance
	if len(accepted) == 0 {
		accepted = config.DefaultAcceptedAssurance()
	}
	for _, d := range e.in.Evidence.Devices {
		if enc {
			e.deviceEncryption(d, accepted)
		}
		if mgmt {
			e.deviceManagement(d)
		}
	}
}

// attestation is what a device's Attested On date shows at the as-of date.
type attestation struct {
	invalid bool // unreadable, already reported
	problem string
	kind    Kind
	due     time.Time // the day it must be renewed by
	margin  int       // days from the as-of date to due
	dated   bool      // due and margin are set
	source  diag.Pos
	message string
}

// deadline is a dated rule's last compliant day and the days to spare.
type deadline struct {
	due    time.Time
	margin int
}

// attest judges a device's attestation: missing (or dated after the as-of
// date, so not yet made) is a violation; renewed on or before 12 Months
// after it (clamped) is current; later it is stale.
func (e *eval) attest(d evidence.Device) attestation {
	a := attestation{source: d.AttestedOn.Pos}
	asOf := e.in.AsOf
	switch att := d.AttestedOn; {
	case att.Invalid:
		a.invalid = true
	case !att.Set || att.Time.After(asOf):
		a.kind, a.problem = Violation, "no attestation"
		a.message = fmt.Sprintf("No attestation on or before %s: nothing attests that the device is as recorded.", day(asOf))
		if att.Set {
			a.problem = "attestation dated after the as-of date"
			a.message = fmt.Sprintf("Attested On %s is after %s: no attestation had been made by then.", day(att.Time), day(asOf))
		}
	default:
		a.due = workdays.AddMonths(att.Time, attestationMonths)
		a.margin, a.dated = workdays.DaysBetween(asOf, a.due), true
		if asOf.After(a.due) {
			a.kind = Stale
			a.problem = fmt.Sprintf("attested %s, due again by %s", att, a.due.Format(time.DateOnly))
			a.message = fmt.Sprintf("Attestation on %s is more than 12 Months before %s: it was due again by %s (%d day%s overdue).",
				day(att.Time), day(asOf), day(a.due), -a.margin, plural(-a.margin))
		}
	}
	return a
}

// deviceEncryption: Annex 1 2.1. A laptop, mobile, tablet or removable
// device holding Government Data is encrypted with a product whose
// assurance is accepted, and its attestation is current.
func (e *eval) deviceEncryption(d evidence.Device, accepted []string) {
	const para = evidence.ParaDeviceEncryption
	if !d.Portable() || !d.HoldsGovData.Set || !d.HoldsGovData.Value {
		return // out of scope, or unreadable (reported already)
	}
	c := Check{Paragraph: para, Source: "devices", Subject: d.ID, Pos: d.Encrypted.Pos}
	if c.Pos.Cell == "" { // no Encrypted column (reported)
		c.Pos = d.Row.Pos
	}
	var bad []string
	// undated is true when a failure has no deadline (not encrypted, no
	// attestation): the check then shows none, rather than the
	// attestation's days to spare.
	invalid, undated := false, false
	fail := func(sev Severity, src diag.Pos, problem, msg string) {
		bad, undated = append(bad, problem), true
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: sev, Subject: d.ID, Pos: src, Message: msg})
	}
	what := map[string]string{
		evidence.DeviceLaptop: "A laptop", evidence.DeviceMobile: "A mobile device",
		evidence.DeviceTablet: "A tablet", evidence.DeviceRemovable: "A removable device",
	}[d.Type.Value] + " holding Government Data"
	switch {
	case d.Encrypted.Invalid:
		invalid = true
	case !d.Encrypted.Value:
		fail(High, d.Encrypted.Pos, "not encrypted", what+" is not recorded as encrypted: Government Data on a mobile, removable or physically uncontrolled device must be stored encrypted.")
	default:
		if !d.EncryptionProduct.Set && !d.EncryptionProduct.Invalid {
			fail(High, d.EncryptionProduct.Pos, "no encryption product", what+" is encrypted but no Encryption Product is recorded: the product must be formally assured by the NCSC.")
		}
		switch as := d.Assurance; {
		case as.Invalid:
			invalid = true
		case !as.Set:
			fail(High, as.Pos, "no assurance", what+" is encrypted but no Assurance is recorded: the product must be assured by the NCSC to at least Foundation Grade (accepted: "+strings.Join(accepted, ", ")+").")
		case !acceptedAssurance(as.Value, accepted):
			fail(High, as.Pos, fmt.Sprintf("assurance %q not accepted", as.Value),
				fmt.Sprintf("%s is encrypted with %s, assured %q, which is not an accepted assurance (%s): the product must be assured by the NCSC to at least Foundation Grade.",
					what, orNone(d.EncryptionProduct.Value), as.Value, strings.Join(accepted, ", ")))
		}
	}
	a := e.attest(d)
	switch {
	case a.invalid:
		invalid = true
	case a.kind != "":
		bad = append(bad, a.problem)
		e.finding(Finding{Paragraph: para, Kind: a.kind, Severity: Medium, Subject: d.ID, Pos: a.source, Message: a.message})
	}
	if a.kind != "" && !a.dated {
		undated = true
	}
	if a.dated && !undated {
		c.Deadline, c.Margin, c.Unit = a.due, a.margin, "days"
	}
	if invalid && len(bad) == 0 {
		return
	}
	if len(bad) > 0 {
		c.Outcome, c.Detail = Gap, strings.Join(bad, "; ")
	} else {
		c.Outcome = OK
		c.Detail = fmt.Sprintf("encrypted with %s (%s); attested %s, due again by %s", d.EncryptionProduct.Value, d.Assurance.Value, d.AttestedOn, a.due.Format(time.DateOnly))
	}
	e.check(c)
}

// deviceManagement: Annex 1 2.2. Every device in the register is under the
// management authority of the Agency or the Client, was placed into a
// known good state on or before the day it was provisioned, and its
// attestation is current.
func (e *eval) deviceManagement(d evidence.Device) {
	const para = evidence.ParaDeviceManagement
	c := Check{Paragraph: para, Source: "devices", Subject: d.ID, Pos: d.Row.Pos}
	var bad []string
	invalid, undated := false, false // as in deviceEncryption
	fail := func(sev Severity, src diag.Pos, problem, msg string) {
		bad, undated = append(bad, problem), true
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: sev, Subject: d.ID, Pos: src, Message: msg})
	}
	switch auth := d.Authority; {
	case auth.Invalid:
		invalid = true
	case !auth.Set:
		fail(High, auth.Pos, "no management authority",
			"No Management Authority: devices used to access or manage Government Data must be under the management authority of the Client or the Agency.")
	}
	// The tighter of the two dated rules is the check's deadline, unless
	// an undated one failed.
	var deadlines []deadline
	kgs, prov := d.KnownGoodState, d.Provisioned
	if kgs.Invalid || prov.Invalid {
		invalid = true
	}
	if !kgs.Set && !kgs.Invalid {
		fail(High, kgs.Pos, "no known good state", "No Known Good State date: the device must be placed into a known good state before it is provisioned.")
	}
	if !prov.Set && !prov.Invalid {
		fail(High, prov.Pos, "no provisioning date", "No Provisioned date: without it the known good state cannot be shown to precede provisioning.")
	}
	if kgs.Set && prov.Set {
		m := workdays.DaysBetween(kgs.Time, prov.Time)
		deadlines = append(deadlines, deadline{prov.Time, m})
		if m < 0 {
			bad = append(bad, fmt.Sprintf("known good state %s, %d day%s after provisioning %s", kgs, -m, plural(-m), prov))
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: d.ID, Pos: kgs.Pos,
				Message: fmt.Sprintf("Known Good State set on %s, %d day%s after the device was provisioned on %s: it must be placed into a known good state before being provisioned.",
					day(kgs.Time), -m, plural(-m), day(prov.Time))})
		}
	}
	a := e.attest(d)
	switch {
	case a.invalid:
		invalid = true
	case a.kind != "":
		bad = append(bad, a.problem)
		e.finding(Finding{Paragraph: para, Kind: a.kind, Severity: Medium, Subject: d.ID, Pos: a.source, Message: a.message})
	}
	if a.dated {
		deadlines = append(deadlines, deadline{a.due, a.margin})
	}
	if a.kind != "" && !a.dated {
		undated = true
	}
	if len(deadlines) > 0 && !undated {
		tight := slices.MinFunc(deadlines, func(x, y deadline) int { return x.margin - y.margin })
		c.Deadline, c.Margin, c.Unit = tight.due, tight.margin, "days"
	}
	if invalid && len(bad) == 0 {
		return
	}
	if len(bad) > 0 {
		c.Outcome, c.Detail = Gap, strings.Join(bad, "; ")
	} else {
		c.Outcome = OK
		c.Detail = fmt.Sprintf("managed by the %s; known good state %s, provisioned %s; attested %s, due again by %s",
			d.Authority.Value, kgs, prov, d.AttestedOn, a.due.Format(time.DateOnly))
	}
	e.check(c)
}

// acceptedAssurance reports whether an assurance is in the accepted list,
// ignoring case and spaces.
func acceptedAssurance(v string, accepted []string) bool {
	n := squash(v)
	return slices.ContainsFunc(accepted, func(a string) bool { return squash(a) == n })
}

// squash lower-cases s and drops its spaces.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

func orNone(s string) string {
	if s == "" {
		return "an unnamed product"
	}
	return s
}

func devicesDocs() []Doc {
	return []Doc{
		{[]string{evidence.ParaDeviceEncryption}, "devices",
			"Every laptop, mobile, tablet or removable device that Holds Government Data is Encrypted (Yes), names its Encryption Product, " +
				"and has an Assurance in [rules] accepted_assurance (default CPA Foundation Grade, CPA Augmented Grade, Foundation Grade, Augmented Grade; matched ignoring case and spaces). " +
				"Desktops and servers, and devices holding no Government Data, are not judged here. " +
				"Its attestation, which vouches for the encryption recorded, must be current: renewed on or before the same day 12 Months after Attested On (clamped to the month's end), " +
				"so an attestation exactly 12 Months before the as-of date is current and one a day older is stale; none, or one dated after the as-of date, is a violation. " +
				"The check's deadline is the attestation's renewal date, shown unless a requirement with no deadline failed."},
		{[]string{evidence.ParaDeviceManagement}, "devices",
			"Every device in the register has a Management Authority of Agency or Client (empty is a violation, anything else is invalid), " +
				"and a Known Good State date on or before its Provisioned date (the same day is compliant; either date missing is a violation). " +
				"Its attestation, which vouches for the management and configuration recorded, must be current as for 2.1. " +
				"The check shows the tighter of the two deadlines: the Provisioned date (margin: days from the known good state to provisioning) or the attestation's renewal date (margin: days left at the as-of date); none when a requirement with no deadline failed."},
	}
}
