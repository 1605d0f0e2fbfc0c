package evidence

import (
	"slices"
	"strings"

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

func readAuditLogging(f *docFile, key string, p toml.Primitive) {
	defer f.govSubject(len(f.docs.Problems), key)
	var raw rawAuditLogging
	if !f.decode(p, &raw, []string{ParaAuditRecords}, key) {
		return
	}
	retention := []string{ParaAuditRetention}
	sources := []string{ParaAuditSources}
	events := []string{ParaAuditEvents}
	access := []string{ParaAccessControl}
	a := &AuditLogging{
		Pos:          f.sectionPos(key),
		RetentionPos: f.pos(key, "retention_months"),
		SourcesPos:   f.pos(key, "sources"),
		EventsPos:    f.pos(key, "events"),
		Documents:    f.tomlDocuments(raw.Documents, []string{ParaAuditRecords}, key, "documents"),
	}
	a.RetentionMonths, a.RetentionSet = f.tomlWhole(raw.RetentionMonths, 0, 1200, retention, key, "retention_months")
	if raw.RetentionMonths == nil {
		f.docs.problem(a.RetentionPos, retention, "retention_months: missing: how many Months audit records are kept (at least %d)", MinRetentionMonths)
	}

	a.Sources, a.SourcesSet = f.govChoices(raw.Sources, LogSources(), sources, "log sources", key, "sources")
	if raw.Sources == nil {
		f.docs.problem(a.SourcesPos, sources, "sources: missing: list the log sources collected, from %s (an empty list if none)", choiceNames(LogSources()))
	}
	a.OtherSources, _ = f.tomlStrings(raw.OtherSources, sources, "further log sources in your own words", key, "other_sources")
	if raw.NotApplicableSources != nil {
		// Decoding into a map marks its keys as read, but takes a value
		// that is not a table silently: look at the value first.
		var v any
		var m map[string]any
		switch f.decode(*raw.NotApplicableSources, &v, sources, key, "not_applicable_sources"); v.(type) {
		case map[string]any:
			if f.decode(*raw.NotApplicableSources, &m, sources, key, "not_applicable_sources") {
				a.NotApplicable = f.notApplicableSources(m, a.Sources, sources, key, "not_applicable_sources")
			}
		default:
			f.problem(sources, []string{key, "not_applicable_sources"}, "not_applicable_sources: want a table of source = \"reason\", such as { routers = \"no routers in the design\" }, got %s", show(v))
		}
	}

	a.Events, a.EventsSet = f.govChoices(raw.Events, SecurityEvents(), events, "security events", key, "events")
	if raw.Events == nil {
		f.docs.problem(a.EventsPos, events, "events: missing: list the security events recorded, from %s", choiceNames(SecurityEvents()))
	}

	a.AccessRecordsKept = Bool{Pos: f.pos(key, "access_records_kept")}
	switch v := raw.AccessRecordsKept.(type) {
	case nil:
		f.docs.problem(a.AccessRecordsKept.Pos, access, "access_records_kept: missing: true if an audit record of accesses to the ICT Environment is kept (Annex 1 7.1)")
		a.AccessRecordsKept.Invalid = true
	case bool:
		a.AccessRecordsKept.Value, a.AccessRecordsKept.Set = v, true
	default:
		f.docs.problem(a.AccessRecordsKept.Pos, access, "access_records_kept: want true or false, got %s", show(v))
		a.AccessRecordsKept.Invalid = true
	}
	f.docs.AuditLogging = a
}

// notApplicableSources reads [audit_logging.not_applicable_sources]: a
// table from source name to the reason the design does not allow it.
func (f *docFile) notApplicableSources(m map[string]any, collected []string, paras []string, key ...string) []NotApplicableSource {
	reasons := map[string]NotApplicableSource{}
	for _, k := range sortedKeys(m) {
		kk := append(slices.Clone(key), k)
		n := ChoiceName(k)
		if !slices.ContainsFunc(LogSources(), func(c Choice) bool { return c.Name == n }) {
			f.problem(paras, kk, "%s: unknown source %q: want one of %s", key[len(key)-1], k, choiceNames(LogSources()))
			continue
		}
		if _, dup := reasons[n]; dup {
			f.problem(paras, kk, "%s: %q is listed twice", key[len(key)-1], k)
			continue
		}
		reason := f.tomlText(m[k], paras, kk...)
		if !reason.Set && !reason.Invalid {
			f.docs.problem(reason.Pos, paras, "%s: missing: why the design does not allow logs from %s", k, sourceText(n))
			reason.Invalid = true
		}
		if slices.Contains(collected, n) {
			f.docs.problem(reason.Pos, paras, "%s: %q is both collected (sources) and not applicable: keep one", key[len(key)-1], n)
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

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, strings.Compare)
	return keys
}
