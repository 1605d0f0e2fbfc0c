package evidence

import (
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
	t := f.sectionPart(key, []string{ParaDataLocations})
	eachPart(t, &p, "", t.paras, func(e *part, raw *rawDataLocation) {
		d := DataLocation{
			Pos:           e.pos(),
			Place:         e.text(raw.Place, "place"),
			ActivitiesPos: e.pos("activities"),
			Regime:        e.text(raw.Regime, "regime"),
		}
		e.requireText(&d.Place, "place", "where the data is, such as \"AWS eu-west-2 (London)\"")
		d.Activities, _ = e.choices(raw.Activities, DataActivities(), "activities", "activities")
		if l, isList := raw.Activities.([]any); isList && len(l) == 0 {
			e.problem(d.ActivitiesPos, "activities: name at least one of %s", choiceNames(DataActivities()))
		}
		if raw.Activities == nil {
			e.problem(d.ActivitiesPos, "activities: missing: what happens to Government Data there, from %s", choiceNames(DataActivities()))
		}
		if d.Place.Set {
			e.subject = d.Place.Value
		}
		f.docs.DataLocations = append(f.docs.DataLocations, d)
	})
}
