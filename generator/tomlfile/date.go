package tomlfile

import (
	"fmt"
	"strings"
	"time"
)

// Date reads a date value of a TOML file, the one way every file is read:
// a TOML local date (2025-04-01) or a string in exactly that form
// ("2025-04-01"), as a day at 00:00 UTC. A date-time, a string in any
// other form ("03/11/2025" is ambiguous across the Atlantic) and any other
// type are errors in the words "want a date such as 2025-04-01, got ...".
func Date(v any) (time.Time, error) {
	switch v := v.(type) {
	case time.Time:
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 || v.Nanosecond() != 0 {
			return time.Time{}, fmt.Errorf("want a date such as 2025-04-01, got a date-time %s", v.Format(time.RFC3339))
		}
		return time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC), nil
	case string:
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(v))
		if err != nil {
			return time.Time{}, fmt.Errorf("want a date such as 2025-04-01, got %q", v)
		}
		return d, nil
	}
	return time.Time{}, fmt.Errorf("want a date such as 2025-04-01, got %s", describe(v))
}
