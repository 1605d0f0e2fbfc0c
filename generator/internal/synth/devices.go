package synth

import (
	"fmt"
	"time"

	"github.com/agency/evidence-site/generator/workdays"
)

// The shares of the device register.
const (
	shareAttestationStale = 0.03  // last attested more than 12 Months ago
	shareUnencrypted      = 0.004 // a portable device holding Government Data, not encrypted
	shareNotAssured       = 0.002 // encrypted with a product below Foundation Grade
	shareKnownGoodLate    = 0.003 // placed in a known good state after provisioning
	shareNoAuthority      = 0.002 // no Management Authority
	shareDeviceFuture     = 0.005 // provisioned after the as-of date: listed, not judged
	shareKnownGoodFormula = 0.3   // Known Good State saved as =I7-1
)

var deviceTypes = []struct {
	kind, prefix string
	share        float64
	products     []string
}{
	{"laptop", "LT", 0.60, []string{"BitLocker", "BitLocker", "FileVault 2"}},
	{"mobile", "MB", 0.20, []string{"iOS Data Protection", "Android File-Based Encryption"}},
	{"tablet", "TB", 0.05, []string{"iOS Data Protection"}},
	{"removable", "RM", 0.05, []string{"iStorage datAshur PRO", "Kingston IronKey"}},
	{"desktop", "DT", 0.07, []string{"BitLocker"}},
	{"server", "SV", 0.03, []string{"LUKS", "AWS EBS encryption"}},
}

var assurances = []string{"CPA Foundation Grade", "CPA Foundation Grade", "CPA Foundation Grade", "NCSC CPA Foundation Grade",
	"CPA Foundation", "Foundation Grade (CPA)", "CAPS", "CPA Augmented Grade"}

var attesters = []string{"G. Lloyd", "P. Nair", "D. Okafor", "I. Robertson", "K. Mensah", "IT Asset Management"}

func (s *set) writeDevices(path string) error {
	r := s.rand("devices")
	sh, err := newSheet("devices")
	if err != nil {
		return err
	}
	var (
		cID, cType, cGov                = sh.col("Asset ID"), sh.col("Device Type"), sh.col("Holds Government Data")
		cEncrypted, cProduct, cAssured  = sh.col("Encrypted"), sh.col("Encryption Product"), sh.col("Assurance")
		cAuthority, cKnownGood, cProvis = sh.col("Management Authority"), sh.col("Known Good State"), sh.col("Provisioned")
		cAttested, cBy                  = sh.col("Attested On"), sh.col("Attested By")
	)
	for i := 0; i < s.o.Size.Devices; i++ {
		t := deviceTypes[0]
		x, acc := r.Float64(), 0.0
		for _, dt := range deviceTypes {
			acc += dt.share
			if x < acc {
				t = dt
				break
			}
		}
		gov := t.kind == "server" || r.chance(0.9)
		encrypted := true
		product, assurance := pick(r, t.products), pick(r, assurances)
		authority := "Agency"
		if r.chance(0.1) {
			authority = "Client"
		}
		// Devices are refreshed every few years: provisioned in the last
		// five, attested within the last year.
		provisioned := days(s.asOf, -r.between(5, 1800))
		knownGood := days(provisioned, -r.between(0, 3))
		attested := r.dayIn(maxDay(provisioned, days(s.asOf, -330)), s.asOf)
		switch x := r.Float64(); {
		case x < shareAttestationStale:
			attested = days(s.asOf, -r.between(370, 700))
			if attested.Before(provisioned) {
				provisioned = days(attested, -r.between(1, 60))
				knownGood = days(provisioned, -1)
			}
		case x < shareAttestationStale+shareUnencrypted:
			t = deviceTypes[0]
			gov, encrypted, product, assurance = true, false, "", ""
		case x < shareAttestationStale+shareUnencrypted+shareNotAssured:
			t = deviceTypes[3]
			gov, product, assurance = true, "SanDisk Secure Access", pick(r, []string{"none", "N/A", "not assured"})
		case x < shareAttestationStale+shareUnencrypted+shareNotAssured+shareKnownGoodLate:
			knownGood = days(provisioned, r.between(1, 10))
		case x < shareAttestationStale+shareUnencrypted+shareNotAssured+shareKnownGoodLate+shareNoAuthority:
			authority = ""
		case x < shareAttestationStale+shareUnencrypted+shareNotAssured+shareKnownGoodLate+shareNoAuthority+shareDeviceFuture:
			provisioned = days(s.asOf, r.between(1, 30))
			knownGood = days(provisioned, -1)
			attested = time.Time{}
		}
		sh.text(cID, fmt.Sprintf("NG-%s-%06d", t.prefix, i+1))
		sh.text(cType, t.kind)
		sh.yesNo(cGov, gov)
		sh.yesNo(cEncrypted, encrypted)
		sh.text(cProduct, product)
		sh.text(cAssured, assurance)
		sh.text(cAuthority, authority)
		sh.date(cProvis, provisioned)
		if d := workdays.DaysBetween(knownGood, provisioned); d >= 0 && d <= 1 && r.chance(shareKnownGoodFormula) {
			sh.dateFormula(cKnownGood, fmt.Sprintf("%s-%d", sh.ref(cProvis), d), knownGood)
		} else {
			sh.date(cKnownGood, knownGood)
		}
		if r.chance(shareUKText) {
			sh.ukDate(cAttested, attested)
		} else {
			sh.date(cAttested, attested)
		}
		if !attested.IsZero() {
			sh.text(cBy, pick(r, attesters))
		}
		sh.next()
	}
	return sh.close(path)
}

func maxDay(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
