// Package testbudget keeps speed budgets out of pass/fail. A test measures
// its work and calls Check: the measurement is logged as a BUDGET line
// (shown by go test -v; scripts/budgets.sh collects them into a table),
// and the test fails only past HangFactor times the budget, which is a
// hang or a runaway, not a slow or busy machine.
package testbudget

import (
	"syscall"
	"testing"
	"time"
)

// HangFactor is how far past its budget a measurement may go before the
// test fails.
const HangFactor = 10

// Check logs what took got against its budget and fails the test only when
// got exceeds HangFactor × budget.
func Check(t testing.TB, what string, got, budget time.Duration) {
	t.Helper()
	verdict := "ok"
	if got > budget {
		verdict = "OVER"
	}
	t.Logf("BUDGET\t%s\t%s\t%d ms\t%d ms\t%s", t.Name(), what, got.Milliseconds(), budget.Milliseconds(), verdict)
	if got > HangFactor*budget {
		t.Errorf("%s took %s, more than %d× its %s budget (a hang guard; see scripts/budgets.sh)", what, got, HangFactor, budget)
	}
}

// Since is Check(t, what, time.Since(start), budget).
func Since(t testing.TB, what string, start time.Time, budget time.Duration) {
	t.Helper()
	Check(t, what, time.Since(start), budget)
}

// ProcessCPU is the user+system CPU time this process has used so far.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
