package pipeline

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

// Issue 4: every rule of RULES.md's catalog is a loaded rule of the
// built-in packs and has a seeded-defect fixture that passes — a real
// document (corpus or the generated Harbor program) made compliant, then
// one defect seeded so that exactly that rule fires at the expected place.
//
// The fixtures register themselves: each seeded-defect runner calls
// fixturePassed after its assertions on that rule held, and TestMain,
// once the whole package has run, fails the binary when a catalog ID was
// never recorded.

// catalogFile is the repository's copy of RULES.md's IDs (its header says
// how it was made): tests must not read outside the repository.
const catalogFile = "../../testdata/rules_catalog.txt"

func catalogIDs() ([]string, error) {
	f, err := os.Open(catalogFile)
	if err != nil {
		return nil, fmt.Errorf("read the rule catalog: %w", err)
	}
	defer f.Close()
	var ids []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ids = append(ids, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", catalogFile, err)
	}
	return ids, nil
}

var (
	fixturesMu sync.Mutex
	// fixtured maps a rule ID to the fixtures (test names) that proved it.
	fixtured = map[string][]string{}
)

// fixturePassed records that a seeded-defect fixture of rule passed. Call
// it after the assertions that exactly rule fired at the expected location
// (and that the compliant baseline did not fail it): a failed test records
// nothing, nor does a subtest whose parent (which judged the compliant
// baseline) failed.
func fixturePassed(t *testing.T, rule string, parents ...*testing.T) {
	t.Helper()
	if t.Failed() || t.Skipped() {
		return
	}
	for _, p := range parents {
		if p.Failed() {
			return
		}
	}
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	fixtured[rule] = append(fixtured[rule], t.Name())
}

// wholePackageRan: no -run/-skip filter, so every fixture had its chance
// to register.
func wholePackageRan() bool {
	for _, name := range []string{"test.run", "test.skip"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" {
			return false
		}
	}
	return true
}

// pendingFixtures are the catalog rules known to lack a seeded-defect
// fixture, each with the reason. The registry check names them on every
// full run and fails as soon as one gains a passing fixture (take it off
// the list) — so the list can only shrink, and no other rule may lose its
// fixture unnoticed.
var pendingFixtures = map[string]string{
	// Empty: every catalog rule has a seeded-defect fixture. A rule added
	// without one goes here with the reason, until it gains one.
}

// missingFixtures lists the catalog IDs no passing fixture recorded
// (pending ones apart) and the pending IDs that now have one.
func missingFixtures() (missing, stale []string, err error) {
	ids, err := catalogIDs()
	if err != nil {
		return nil, nil, err
	}
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	for _, id := range ids {
		_, pending := pendingFixtures[id]
		switch has := len(fixtured[id]) > 0; {
		case !has && !pending:
			missing = append(missing, id)
		case has && pending:
			stale = append(stale, id)
		}
	}
	for id := range pendingFixtures {
		if !slices.Contains(ids, id) {
			stale = append(stale, id)
		}
	}
	sort.Strings(stale)
	return missing, stale, nil
}

// checkFixtureRegistry is TestMain's final step after a clean, unfiltered
// run: it returns the exit code.
func checkFixtureRegistry() int {
	if !wholePackageRan() {
		return 0
	}
	missing, stale, err := missingFixtures()
	if err != nil {
		fmt.Fprintln(os.Stderr, "FAIL: seeded-defect registry:", err)
		return 1
	}
	code := 0
	if len(missing) > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d catalog rules have no passing seeded-defect fixture: %s\n", len(missing), strings.Join(missing, " "))
		code = 1
	}
	if len(stale) > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: pendingFixtures lists rules that have a passing fixture or are not in the catalog (remove them): %s\n", strings.Join(stale, " "))
		code = 1
	}
	if len(pendingFixtures) > 0 {
		var ids []string
		for id := range pendingFixtures {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		fmt.Fprintf(os.Stderr, "seeded-defect registry: %d catalog rules still lack a fixture (pendingFixtures): %s\n", len(ids), strings.Join(ids, " "))
	}
	return code
}

// TestCatalogRulesAreLoaded: every catalog ID is a rule of the built-in
// packs (core, schedule, xdoc and m3), and every built-in rule is in the
// catalog.
func TestCatalogRulesAreLoaded(t *testing.T) {
	t.Parallel()
	ids, err := catalogIDs()
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 121 {
		t.Errorf("%s has %d IDs; RULES.md counts 121 rules", catalogFile, len(ids))
	}
	eng := compiledEngine(t, []string{"core", "schedule", "xdoc", "m3"}, map[string]any{"as_of": "2026-11-16", "framework": "m3"})
	loaded := map[string]bool{}
	for _, r := range eng.Rules() {
		loaded[r.ID] = true
		if !slices.Contains(ids, r.ID) {
			t.Errorf("built-in rule %s is not in the catalog", r.ID)
		}
	}
	var missing []string
	for _, id := range ids {
		if !loaded[id] {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("catalog rules missing from the built-in packs: %s", strings.Join(missing, " "))
	}
}
