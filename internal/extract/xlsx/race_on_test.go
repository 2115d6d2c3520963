//go:build race

package xlsx

// raceEnabled: the race detector slows the 200k-row read ~10x.
const raceEnabled = true
