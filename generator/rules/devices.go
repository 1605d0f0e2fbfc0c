package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/agency/evidence-site/generator/evidence"
)

// attestationMonths is how old a device's attestation may be at the as-of
// date.
const attestationMonths = 12

// devices checks Part B Annex 1 paragraphs 2.1 and 2.2 against the device
// register.
func (e *eval) devices() {
	enc, mgmt := e.has(evidence.ParaDeviceEncryption), e.has(evidence.ParaDeviceManagement)
	if !enc && !mgmt {
		return // the form has no Annex 1
	}
	accepted := e.in.Config.Rules.AcceptedAssurance
	for _, d := range e.in.Evidence.Devices {
		if e.deviceLater(d, enc, mgmt) {
			continue
		}
		if enc {
			e.deviceEncryption(d, accepted)
		}
		if mgmt {
			e.deviceManagement(d)
		}
	}
}

// deviceLater lists a device provisioned after the as-of date under the
// paragraphs that would judge it, and reports whether it did: as of then
// it was not in service, so it is not judged.
func (e *eval) deviceLater(d evidence.Device, enc, mgmt bool) bool {
	if !d.Provisioned.Set || !d.Provisioned.Value.After(e.in.AsOf) {
		return false
	}
	if enc && d.Portable() && d.HoldsGovData.Value {
		e.later(Check{Paragraph: evidence.ParaDeviceEncryption, Source: "devices", Subject: d.ID}, "provisioned", d.Provisioned)
	}
	if mgmt {
		e.later(Check{Paragraph: evidence.ParaDeviceManagement, Source: "devices", Subject: d.ID}, "provisioned", d.Provisioned)
	}
	return true
}

// attestation judges a device's attestation as one of r's requirements:
// missing, unreadable (an invalid finding already) or dated after the
// as-of date (so not yet made) is a violation; renewed on or before 12
// Months after it (clamped) it is current; later it is stale. It returns
// the judgement of its renewal, with no deadline when there is none.
func (r *requirements) attestation(d evidence.Device) Judgement {
	asOf := r.e.in.AsOf
	switch att := d.AttestedOn; {
	case att.Absent:
		r.invalid = true
	case !att.Set:
		r.fail(Violation, Medium, att.Pos, "no attestation", fmt.Sprintf("No attestation on or before %s: nothing attests that the device is as recorded.", day(asOf)))
	case att.Value.After(asOf):
		r.fail(Violation, Medium, att.Pos, "attestation dated after the as-of date", fmt.Sprintf("Attested On %s is after %s: no attestation had been made by then.", day(att.Value), day(asOf)))
	default:
		j := r.e.after(months(attestationMonths), att.Value).Current(asOf)
		r.judged(j)
		if j.Outcome == OK {
			c := r.check
			c.Pos = att.Pos
			r.e.owe(c, "renew the device's attestation", j.Deadline)
		}
		if j.Outcome == Gap {
			r.failDated(Stale, Medium, att.Pos, fmt.Sprintf("attested %s, due again by %s", att, j.Date()),
				fmt.Sprintf("Attestation on %s is more than %s before %s: it was due again by %s (%s overdue).",
					day(att.Value), months(attestationMonths), day(asOf), j.On(), j.Over()))
		}
		return j
	}
	return Judgement{}
}

// deviceEncryption: Annex 1 2.1. A laptop, mobile, tablet or removable
// device holding Government Data is encrypted with a product whose
// assurance is accepted, and its attestation is current.
func (e *eval) deviceEncryption(d evidence.Device, accepted []string) {
	if !d.Portable() || !d.HoldsGovData.Set || !d.HoldsGovData.Value {
		return // out of scope, or unreadable (reported already)
	}
	pos := d.Encrypted.Pos
	if !pos.HasCell() { // no Encrypted column (reported)
		pos = d.Row.Pos
	}
	r := e.requirements(Check{Paragraph: evidence.ParaDeviceEncryption, Source: "devices", Subject: d.ID, Pos: pos})
	what := map[string]string{
		evidence.DeviceLaptop: "A laptop", evidence.DeviceMobile: "A mobile device",
		evidence.DeviceTablet: "A tablet", evidence.DeviceRemovable: "A removable device",
	}[d.Type.Value] + " holding Government Data"
	// An unreadable cell (an invalid finding already) is read as if empty,
	// the stricter reading: not encrypted, no product, no assurance. A
	// column missing from the register leaves nothing to read: not judged.
	switch {
	case d.Encrypted.Absent:
		r.invalid = true
	case !d.Encrypted.Value:
		r.fail(Violation, High, d.Encrypted.Pos, "not encrypted", what+" is not recorded as encrypted: Government Data on a mobile, removable or physically uncontrolled device must be stored encrypted.")
	default:
		if !d.EncryptionProduct.Set && !d.EncryptionProduct.Absent {
			r.fail(Violation, High, d.EncryptionProduct.Pos, "no encryption product", what+" is encrypted but no Encryption Product is recorded: the product must be formally assured by the NCSC.")
		}
		switch as := d.Assurance; {
		case as.Absent:
			r.invalid = true
		case !as.Set:
			r.fail(Violation, High, as.Pos, "no assurance", what+" is encrypted but no Assurance is recorded: the product must be assured by the NCSC to at least Foundation Grade (for example CPA Foundation Grade).")
		default:
			switch grade, _ := placeAssurance(as.Value, accepted); grade {
			case assuranceBelow:
				r.fail(Violation, High, as.Pos, fmt.Sprintf("assurance %q, below Foundation Grade", as.Value),
					fmt.Sprintf("%s is encrypted with %s, assured %q: below Foundation Grade. The product must be assured by the NCSC to at least Foundation Grade.",
						what, orNone(d.EncryptionProduct.Value), as.Value))
			case assuranceNotNCSC:
				r.fail(Violation, High, as.Pos, fmt.Sprintf("assurance %q, not an NCSC assurance", as.Value),
					fmt.Sprintf("%s is encrypted with %s, assured %q, which is not an NCSC assurance: the product must be assured through a certification process of the NCSC to at least Foundation Grade (for example CPA Foundation Grade).",
						what, orNone(d.EncryptionProduct.Value), as.Value))
			case assuranceUnknown:
				// Not a breach: a label this tool cannot place.
				r.invalid = true
				e.finding(Finding{Paragraph: evidence.ParaDeviceEncryption, Kind: Invalid, Severity: Medium, Subject: d.ID, Pos: as.Pos,
					Message: fmt.Sprintf("Assurance %q cannot be placed against Foundation Grade: write the product's NCSC assurance (such as CPA Foundation Grade, CPA Augmented Grade or CAPS), or none; a label the Client accepts can be added to [rules] accepted_assurance.", as.Value)})
			}
		}
	}
	renew := r.attestation(d)
	r.record(func() string {
		_, reading := placeAssurance(d.Assurance.Value, accepted)
		return fmt.Sprintf("encrypted with %s (%s: %s); attested %s, due again by %s", d.EncryptionProduct.Value, d.Assurance.Value, reading, d.AttestedOn, renew.Date())
	})
}

// deviceManagement: Annex 1 2.2. Every device in the register is under the
// management authority of the Agency or the Client, was placed into a
// known good state on or before the day it was provisioned, and its
// attestation is current.
func (e *eval) deviceManagement(d evidence.Device) {
	const para = evidence.ParaDeviceManagement
	r := e.requirements(Check{Paragraph: para, Source: "devices", Subject: d.ID, Pos: d.Row.Pos})
	// An unreadable cell (an invalid finding already) is read as if empty,
	// the stricter reading; a missing column leaves nothing to judge by.
	switch auth := d.Authority; {
	case auth.Absent:
		r.invalid = true
	case !auth.Set:
		r.fail(Violation, High, auth.Pos, "no management authority",
			"No Management Authority: devices used to access or manage Government Data must be under the management authority of the Client or the Agency.")
	}
	kgs, prov := d.KnownGoodState, d.Provisioned
	r.invalid = r.invalid || kgs.Absent || prov.Absent
	if !kgs.Set && !kgs.Absent {
		r.fail(Violation, High, kgs.Pos, "no known good state", "No Known Good State date: the device must be placed into a known good state before it is provisioned.")
	}
	if !prov.Set && !prov.Absent {
		r.fail(Violation, High, prov.Pos, "no provisioning date", "No Provisioned date: without it the known good state cannot be shown to precede provisioning.")
	}
	if kgs.Set && prov.Set {
		// Provisioned after the as-of date: not yet due. A known good
		// state after the as-of date has not happened yet.
		j := e.judge(e.by(prov.Value), kgs)
		r.judged(j)
		switch {
		case j.Late() && !j.Ended.IsZero():
			// Provisioned before the contract began: due by its first day.
			r.failDated(Violation, High, kgs.Pos, fmt.Sprintf("known good state %s, %s after the contract's start; provisioned %s", kgs, j.Over(), prov),
				fmt.Sprintf("Known Good State set on %s, %s late: the device was provisioned on %s, so it was due in a known good state by %s.", day(kgs.Value), j.Over(), day(prov.Value), j.On()))
		case j.Late():
			r.failDated(Violation, High, kgs.Pos, fmt.Sprintf("known good state %s, %s after provisioning %s", kgs, j.Over(), prov),
				fmt.Sprintf("Known Good State set on %s, %s after the device was provisioned on %s: it must be placed into a known good state before being provisioned.", day(kgs.Value), j.Over(), day(prov.Value)))
		case j.Missed():
			r.failDated(Violation, High, kgs.Pos, fmt.Sprintf("known good state %s, after the as-of date; provisioned %s", kgs, prov),
				fmt.Sprintf("Known Good State set on %s, after the device was provisioned on %s: it must be placed into a known good state before being provisioned.", day(kgs.Value), day(prov.Value)))
		}
	}
	renew := r.attestation(d)
	r.record(func() string {
		return fmt.Sprintf("managed by the %s; known good state %s, provisioned %s; attested %s, due again by %s",
			d.Authority.Value, kgs, prov, d.AttestedOn, renew.Date())
	})
}

// assuranceGrade is where an Assurance label stands against Annex 1 2.1's
// "formally assured ... of the NCSC to at least Foundation Grade".
type assuranceGrade int

const (
	assuranceUnknown    assuranceGrade = iota // a label this tool cannot place: invalid, not a breach
	assuranceBelow                            // no assurance: "none", "not assured", "N/A"
	assuranceNotNCSC                          // another scheme's: FIPS
	assuranceFoundation                       // Foundation Grade or above
)

// Words of an assurance label, in lower case. assuranceScheme are the words
// that name the NCSC's schemes and say "assured": a label of these words
// and a grade word names that grade; capsWords name CAPS, the CESG Assisted
// Products Scheme, whose assurance is above Foundation Grade. A certificate
// number may follow.
var (
	assuranceScheme = wordSet("ncsc cesg cpa commercial product products assurance assured certified certification certificate cert ref number grade level scheme under the to at least by uk of common criteria cc")
	capsWords       = wordSet("caps assisted baseline enhanced")
	negations       = wordSet("not no non un")
	noAssurance     = wordSet("none na nil n/a unassured uncertified notapplicable noassurance notassured notcertified")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// placeAssurance places an Assurance label, and says how it read it:
//
//   - a label in [rules] accepted_assurance (matched as choices are: case,
//     spaces, hyphens and underscores aside) is accepted as it is;
//   - "none", "N/A", "not assured", "no assurance", or a negation ("not",
//     "no", "non") followed by scheme words ("not CPA assured", "non-CPA")
//     is below Foundation Grade;
//   - the NCSC's spellings: a grade word (Foundation, Augmented) with scheme
//     words ("NCSC CPA Foundation Grade", "CPA Foundation", "Foundation
//     Grade (CPA)", "Commercial Product Assurance – Augmented"), CPA alone
//     ("CPA certified": Foundation Grade is the grade CPA awards) and CAPS
//     ("CAPS", "CESG Assisted Products Scheme", "CAPS Enhanced Grade") are
//     Foundation Grade or above;
//   - FIPS without an NCSC grade is another scheme's, not the NCSC's;
//   - anything else ("Common Criteria EAL4+", "pending", "CPA (expired)")
//     cannot be placed.
func placeAssurance(label string, accepted []string) (assuranceGrade, string) {
	if slices.ContainsFunc(accepted, func(a string) bool { return evidence.FoldChoice(a) == evidence.FoldChoice(label) }) {
		return assuranceFoundation, "listed in [rules] accepted_assurance"
	}
	lower := strings.ToLower(strings.TrimSpace(label))
	if noAssurance[strings.ReplaceAll(evidence.FoldChoice(lower), "/", "")] || noAssurance[evidence.FoldChoice(lower)] {
		return assuranceBelow, "below Foundation Grade"
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return assuranceUnknown, ""
	}
	has := wordSet(strings.Join(words, " "))
	// only reports whether every word is a scheme word, a number, or one of
	// more.
	only := func(more ...map[string]bool) bool {
		for _, w := range words {
			if assuranceScheme[w] || strings.Trim(w, "0123456789") == "" || slices.ContainsFunc(more, func(m map[string]bool) bool { return m[w] }) {
				continue
			}
			return false
		}
		return true
	}
	grades := wordSet("foundation augmented")
	switch {
	case negations[words[0]]:
		if rest := words[1:]; len(rest) > 0 && !slices.ContainsFunc(rest, func(w string) bool { return negations[w] }) {
			words = rest
			if only(grades) {
				return assuranceBelow, "below Foundation Grade"
			}
		}
		return assuranceUnknown, ""
	case has["augmented"] && !has["foundation"] && only(grades):
		return assuranceFoundation, "CPA Augmented Grade, above Foundation Grade"
	case has["foundation"] && !has["augmented"] && only(grades):
		return assuranceFoundation, "Foundation Grade"
	case (has["caps"] || has["assisted"] && has["products"]) && only(capsWords):
		return assuranceFoundation, "CAPS, above Foundation Grade"
	case (has["cpa"] || has["commercial"] && has["product"] && has["assurance"]) && only():
		return assuranceFoundation, "CPA, Foundation Grade (the grade CPA awards)"
	case has["fips"] && !has["cpa"] && !has["ncsc"]:
		return assuranceNotNCSC, "not an NCSC assurance"
	}
	return assuranceUnknown, ""
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
				"and has an Assurance of the NCSC to at least Foundation Grade. The spellings NCSC and suppliers use are read as such, in any case and punctuation: " +
				"a grade with the scheme's words (CPA Foundation Grade, NCSC CPA Foundation Grade, CPA Foundation, Foundation Grade (CPA), Commercial Product Assurance - Foundation, and the same with Augmented), " +
				"CPA alone (CPA certified: Foundation Grade is the grade CPA awards) and CAPS (CAPS, CESG Assisted Products Scheme: above Foundation Grade); a certificate number may follow. " +
				"[rules] accepted_assurance adds further labels the Client accepts (matched ignoring case, spaces, hyphens and underscores). " +
				"A label below Foundation Grade (none, N/A, not assured, no assurance, not CPA assured) or of another scheme (FIPS) is a violation; " +
				"a label this tool cannot place (Common Criteria EAL4+, pending, CPA (expired)) is an invalid finding at its cell, not a breach. " +
				"Desktops and servers, and devices holding no Government Data, are not judged here. " +
				fmt.Sprintf("Its attestation, which vouches for the encryption recorded, must be current: renewed on or before the same day %[1]s after Attested On (clamped to the month's end), ", months(attestationMonths)) +
				fmt.Sprintf("so an attestation exactly %s before the as-of date is current and one a day older is stale;", months(attestationMonths)) + " none, or one dated after the as-of date, is a violation. " +
				"The check's deadline is the attestation's renewal date, shown unless a requirement with no deadline failed. " +
				"A device Provisioned after the as-of date was not in service then: it is listed as after the as-of date (outcome later), not judged, here and under 2.2. " +
				"An unreadable Encrypted, Encryption Product, Assurance or Attested On cell is an invalid finding and is read as if empty (not encrypted, none), so that it never hides a breach."},
		{[]string{evidence.ParaDeviceManagement}, "devices",
			"Every device in the register has a Management Authority of Agency or Client (empty is a violation, anything else is invalid), " +
				"and a Known Good State date on or before its Provisioned date (the same day is compliant; either date missing is a violation). " +
				"An unreadable Management Authority (anything but Agency or Client), Known Good State, Provisioned or Attested On cell is an invalid finding and is read as if empty: a violation too. " +
				"Its attestation, which vouches for the management and configuration recorded, must be current as for 2.1. " +
				"The check shows the tighter of the two deadlines: the Provisioned date (margin: days from the known good state to provisioning) or the attestation's renewal date (margin: days left at the as-of date); none when a requirement with no deadline failed."},
	}
}
