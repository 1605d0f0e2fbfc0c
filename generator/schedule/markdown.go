package schedule

import "strings"

// EscapeMarkdown escapes plain text so that Markdown (CommonMark, and the
// common GitHub extensions) renders it as the same text: characters that
// would start emphasis, code, HTML, entities, tables or strikethrough are
// escaped everywhere, and those that would start a heading, quote, list or
// definition are escaped at the start of a line. Text that needs no escaping,
// such as "[insert ...]", is left alone to keep the source readable.
func EscapeMarkdown(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLine(l)
	}
	return strings.Join(lines, "\n")
}

func escapeLine(l string) string {
	var b strings.Builder
	b.Grow(len(l) + 8)
	start := len(l) - len(strings.TrimLeft(l, " \t"))
	b.WriteString(l[:start])
	rest := l[start:]
	// Block markers at the start of the line.
	if rest != "" && strings.ContainsRune("#>+-=:", rune(rest[0])) {
		b.WriteByte('\\')
	} else if n := len(rest) - len(strings.TrimLeft(rest, "0123456789")); n > 0 && n < len(rest) && (rest[n] == '.' || rest[n] == ')') {
		b.WriteString(rest[:n])
		b.WriteByte('\\')
		rest = rest[n:]
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch c {
		case '\\', '`', '*', '_', '<', '&', '|', '~':
			b.WriteByte('\\')
		case '[':
			if i+1 < len(rest) && rest[i+1] == '^' {
				b.WriteByte('\\')
			}
		case ']':
			if i+1 < len(rest) && strings.ContainsRune("([:", rune(rest[i+1])) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
