package evidence

import (
	"strconv"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
)

// ParaDataLocations is Annex 1 3.1: the Agency can state where Government
// Data is stored, processed and managed from, and under which legal and
// regulatory regimes.
const ParaDataLocations = "B.Annex1.3.1"

// DataLocation is one place Government Data is stored, processed or
// managed from ([[data_location]]).
type DataLocation struct {
	Pos   diag.Pos // the [[data_location]] header
	Place Text
	// Activities are what happens there, from DataActivities(), each
	// once, in that order.
	Activities    []string
	ActivitiesPos diag.Pos
	// Regime is the legal and regulatory regime the data is subject to
	// there; unset when not given (a finding, not a reading problem).
	Regime Text
}

// DataActivities lists what may happen to Government Data at a location,
// by the short names written in [[data_location]] activities.
func DataActivities() []Choice {
	return []Choice{
		{"storage", "stored"},
		{"processing", "processed"},
		{"management", "managed from"},
	}
}

type rawDataLocation struct {
	Place      any `toml:"place"`
	Activities any `toml:"activities"`
	Regime     any `toml:"regime"`
}

func readDataLocations(f *docFile, key string, p toml.Primitive) {
	paras := []string{ParaDataLocations}
	var list []toml.Primitive
	if start := len(f.docs.Problems); !f.decode(p, &list, paras, key) {
		f.govSubject(start, key)
		return
	}
	for i, lp := range list {
		from := len(f.docs.Problems)
		subject := key
		k := []string{key, strconv.Itoa(i)}
		kk := func(name string) []string { return []string{key, strconv.Itoa(i), name} }
		var raw rawDataLocation
		if !f.decode(lp, &raw, paras, k...) {
			f.govSubject(from, subject)
			continue
		}
		d := DataLocation{
			Pos:           f.pos(k...),
			Place:         f.tomlText(raw.Place, paras, kk("place")...),
			ActivitiesPos: f.pos(kk("activities")...),
			Regime:        f.tomlText(raw.Regime, paras, kk("regime")...),
		}
		f.requireText(&d.Place, paras, "place", "where the data is, such as \"AWS eu-west-2 (London)\"")
		d.Activities, _ = f.govChoices(raw.Activities, DataActivities(), paras, "activities", kk("activities")...)
		if l, isList := raw.Activities.([]any); isList && len(l) == 0 {
			f.docs.problem(d.ActivitiesPos, paras, "activities: name at least one of %s", choiceNames(DataActivities()))
		}
		if raw.Activities == nil {
			f.docs.problem(d.ActivitiesPos, paras, "activities: missing: what happens to Government Data there, from %s", choiceNames(DataActivities()))
		}
		if d.Place.Set {
			subject = d.Place.Value
		}
		f.govSubject(from, subject)
		f.docs.DataLocations = append(f.docs.DataLocations, d)
	}
}
