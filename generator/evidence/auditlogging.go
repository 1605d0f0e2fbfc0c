package evidence

import (
	"maps"
	"slices"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
)

// Paragraph ids of audit logging (Part B Annex 1 7 and 8).
const (
	ParaAccessControl  = "B.Annex1.7.1"   // access control regime; an audit record of accesses
	ParaAuditRecords   = "B.Annex1.8.1"   // audit records of security events
	ParaAuditSources   = "B.Annex1.8.1.1" // DHCP, proxy, firewall and router logs
	ParaAuditEvents    = "B.Annex1.8.1.2" // the security events listed
	ParaAuditRetention = "B.Annex1.8.3"   // audit records kept at least 6 Months
)

// MinRetentionMonths is the shortest retention of audit records Annex 1 8.3
// allows.
const MinRetentionMonths = 6

// AuditLogging is the audit logging and retention ([audit_logging]).
type AuditLogging struct {
	Pos diag.Pos // the first line of the section
	// RetentionMonths is how long audit records are kept, in Months;
	// RetentionSet is false when absent or unusable (reported).
	RetentionMonths int
	RetentionSet    bool
	RetentionPos    diag.Pos
	// Sources are the log sources of LogSources() collected, each once, in
	// that order; SourcesSet is false when `sources` is absent or not a
	// list (reported).
	Sources    []string
	SourcesSet bool
	SourcesPos diag.Pos
	// OtherSources are further sources, in the Agency's words.
	OtherSources []string
	// NotApplicable are the listed sources that the design does not
	// allow, each with the reason, in the order of LogSources().
	NotApplicable []NotApplicableSource
	// Events are the security events of SecurityEvents() recorded, each
	// once, in that order; EventsSet as SourcesSet.
	Events    []string
	EventsSet bool
	EventsPos diag.Pos
	// AccessRecordsKept says an audit record of accesses is kept (7.1).
	AccessRecordsKept Bool
	Documents         []Attachment
}

// NotApplicableSource is a log source the design of the Goods or Services
// does not allow, and why.
type NotApplicableSource struct {
	Source string
	Reason Text
}

// Collects reports whether the source is collected.
func (a *AuditLogging) Collects(source string) bool { return slices.Contains(a.Sources, source) }

// NotApplicableReason returns the recorded reason a source is not
// applicable, if any.
func (a *AuditLogging) NotApplicableReason(source string) (Text, bool) {
	for _, n := range a.NotApplicable {
		if n.Source == source {
			return n.Reason, true
		}
	}
	return Text{}, false
}

// Records reports whether the security event is recorded.
func (a *AuditLogging) Records(event string) bool { return slices.Contains(a.Events, event) }

// LogSources lists the log sources Annex 1 8.1.1 names, by the short names
// written in [audit_logging] sources.
func LogSources() []Choice {
	return []Choice{
		{"dhcp-servers", "DHCP servers"},
		{"proxy-servers", "HTTP/HTTPS proxy servers"},
		{"firewalls", "firewalls"},
		{"routers", "routers"},
	}
}

// SecurityEvents lists the security events Annex 1 8.1.2 names, by the
// short names written in [audit_logging] events.
func SecurityEvents() []Choice {
	return []Choice{
		{"privileged-logon", "privileged account log-on events"},
		{"privileged-logoff", "privileged account log-off events"},
		{"remote-session-start", "the start of remote access sessions"},
		{"remote-session-end", "the termination of remote access sessions"},
		{"desktop-os-alerts", "security alerts from desktop operating systems"},
		{"server-os-alerts", "security alerts from server operating systems"},
		{"security-software-alerts", "security alerts from third party security software"},
	}
}

type rawAuditLogging struct {
	RetentionMonths      any             `toml:"retention_months"`
	Sources              any             `toml:"sources"`
	OtherSources         any             `toml:"other_sources"`
	NotApplicableSources *toml.Primitive `toml:"not_applicable_sources"`
	Events               any             `toml:"events"`
	AccessRecordsKept    any             `toml:"access_records_kept"`
	Documents            any             `toml:"documents"`
}

// MaxRetentionMonths bounds retention_months: a hundred years.
const MaxRetentionMonths = 1200

func readAuditLogging(f *docFile, key string, p toml.Primitive) {
	t := f.sectionPart(key, []string{ParaAuditRecords})
	readPart(t, &p, "", func(raw *rawAuditLogging) {
		retention := t.against([]string{ParaAuditRetention})
		sources := t.against([]string{ParaAuditSources})
		events := t.against([]string{ParaAuditEvents})
		access := t.against([]string{ParaAccessControl})
		a := &AuditLogging{
			Pos:          f.sectionPos(key),
			RetentionPos: t.pos("retention_months"),
			SourcesPos:   t.pos("sources"),
			EventsPos:    t.pos("events"),
			Documents:    t.documents(raw.Documents, "documents"),
		}
		a.RetentionMonths, a.RetentionSet = retention.whole(raw.RetentionMonths, 0, MaxRetentionMonths, "retention_months")
		if raw.RetentionMonths == nil {
			retention.problem(a.RetentionPos, "retention_months: missing: how many Months audit records are kept (at least %d)", MinRetentionMonths)
		}

		a.Sources, a.SourcesSet = sources.choices(raw.Sources, LogSources(), "log sources", "sources")
		if raw.Sources == nil {
			sources.problem(a.SourcesPos, "sources: missing: list the log sources collected, from %s (an empty list if none)", choiceNames(LogSources()))
		}
		a.OtherSources, _ = sources.texts(raw.OtherSources, "further log sources in your own words", "other_sources")
		if raw.NotApplicableSources != nil {
			a.NotApplicable = sources.sub(sources.paras, "not_applicable_sources").notApplicableSources(*raw.NotApplicableSources, a.Sources)
		}

		a.Events, a.EventsSet = events.choices(raw.Events, SecurityEvents(), "security events", "events")
		if raw.Events == nil {
			events.problem(a.EventsPos, "events: missing: list the security events recorded, from %s", choiceNames(SecurityEvents()))
		}

		a.AccessRecordsKept = Bool{Pos: t.pos("access_records_kept")}
		switch v := raw.AccessRecordsKept.(type) {
		case nil:
			access.problem(a.AccessRecordsKept.Pos, "access_records_kept: missing: true if an audit record of accesses to the ICT Environment is kept (Annex 1 7.1)")
			a.AccessRecordsKept.Invalid = true
		case bool:
			a.AccessRecordsKept.Value, a.AccessRecordsKept.Set = v, true
		default:
			access.problem(a.AccessRecordsKept.Pos, "access_records_kept: want true or false, got %s", show(v))
			a.AccessRecordsKept.Invalid = true
		}
		f.docs.AuditLogging = a
	})
}

// notApplicableSources reads [audit_logging.not_applicable_sources] (t): a
// table from source name to the reason the design does not allow it.
func (t *part) notApplicableSources(p toml.Primitive, collected []string) []NotApplicableSource {
	name := t.key[len(t.key)-1]
	// Decoding into a map marks its keys as read, but takes a value that
	// is not a table silently: look at the value first.
	var v any
	t.decode(p, &v, "") // takes any value
	m, ok := v.(map[string]any)
	if !ok {
		t.problem(t.pos(), "%s: want a table of source = \"reason\", such as { routers = \"no routers in the design\" }, got %s", name, show(v))
		return nil
	}
	t.decode(p, &m, "")
	reasons := map[string]NotApplicableSource{}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		n := ChoiceName(k)
		if !slices.ContainsFunc(LogSources(), func(c Choice) bool { return c.Name == n }) {
			t.problem(t.pos(k), "%s: unknown source %q: want one of %s", name, k, choiceNames(LogSources()))
			continue
		}
		if _, dup := reasons[n]; dup {
			t.problem(t.pos(k), "%s: %q is listed twice", name, k)
			continue
		}
		reason := t.text(m[k], k)
		t.requireText(&reason, k, "why the design does not allow logs from "+sourceText(n))
		if slices.Contains(collected, n) {
			t.problem(reason.Pos, "%s: %q is both collected (sources) and not applicable: keep one", name, n)
			continue
		}
		reasons[n] = NotApplicableSource{Source: n, Reason: reason}
	}
	var out []NotApplicableSource
	for _, c := range LogSources() {
		if r, ok := reasons[c.Name]; ok {
			out = append(out, r)
		}
	}
	return out
}

func sourceText(name string) string {
	for _, c := range LogSources() {
		if c.Name == name {
			return c.Text
		}
	}
	return name
}
