// Package hangguard is the only timing a test asserts: that its work ended
// before a generous bound, so a hang or a runaway fails the test while a
// slow or busy machine does not. Tests state no speed budget; they log what
// the work took (a TOOK line, shown by go test -v), and scripts/budgets.sh,
// which holds the budgets, prints those measurements against them.
package hangguard

import (
	"testing"
	"time"
)

// Check logs how long what took and fails the test when it took longer
// than hangAfter (wall clock): set hangAfter far past any machine's speed.
func Check(t testing.TB, what string, took, hangAfter time.Duration) {
	t.Helper()
	t.Logf("TOOK\t%s\t%s\t%d ms", t.Name(), what, took.Milliseconds())
	if took > hangAfter {
		t.Errorf("%s took %s, more than %s: a hang or a runaway", what, took, hangAfter)
	}
}

// Since is Check(t, what, time.Since(start), hangAfter).
func Since(t testing.TB, what string, start time.Time, hangAfter time.Duration) {
	t.Helper()
	Check(t, what, time.Since(start), hangAfter)
}

// Within runs fn and fails the test when it has not returned after
// hangAfter (wall clock): a guard against hangs only, so set hangAfter far
// past what fn needs. The abandoned fn is left running.
func Within(t testing.TB, hangAfter time.Duration, what string, fn func()) {
	t.Helper()
	start := time.Now()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
		t.Logf("TOOK\t%s\t%s\t%d ms", t.Name(), what, time.Since(start).Milliseconds())
	case <-time.After(hangAfter):
		t.Fatalf("%s did not finish within %s: a hang or a runaway", what, hangAfter)
	}
}
