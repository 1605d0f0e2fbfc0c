// Package browser holds the tests that open the built sample site in real
// headless Chromium from file://, as a reader would: no network, no script
// errors, no Content Security Policy violations, every link resolving, and
// the filters and sortable tables working. It has no code of its own.
//
// The tests find the browser in $CHROME_PATH, /usr/bin/chromium,
// chromium-browser or google-chrome. Without one they skip, except under
// CI (CI set), where they fail. Set SCREENSHOT_DIR to keep the screenshots.
package browser
