package policy

// SameInput reports whether two prepared inputs hold equal values, kinds
// and paths.
func SameInput(a, b Input) bool {
	return a.kind == b.kind && a.path == b.path && a.value != nil && b.value != nil && a.value.Compare(b.value) == 0
}
