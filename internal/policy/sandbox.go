package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The sandbox a rule runs in is capabilities() (policy.go): no network, no
// environment, no randomness. This file adds what a user may open on top
// of it, and the messages that say how.

// withAllowNet opens http.send to the named hosts only (OPA enforces
// capabilities.allow_net when the call is made); with no hosts the
// capabilities are returned as they are.
func withAllowNet(caps *ast.Capabilities, hosts []string) *ast.Capabilities {
	if len(hosts) == 0 {
		return caps
	}
	out := *caps
	out.Builtins = slices.Clone(caps.Builtins)
	have := false
	for _, b := range out.Builtins {
		if b.Name == ast.HTTPSend.Name {
			have = true
		}
	}
	if !have {
		out.Builtins = append(out.Builtins, ast.HTTPSend)
	}
	out.AllowNet = slices.Clone(hosts)
	return &out
}

// refused are the built-ins the sandbox leaves out and what a rule author
// can do about each.
var refused = []struct {
	prefix, why string
}{
	{"http.send", "http.send is refused by default: rules judge the documents given; --allow-net HOST (repeatable) opens it to the named hosts only"},
	{"net.", "the net.* built-ins are refused: rules see no network (--allow-net HOST opens http.send to named hosts)"},
	{"opa.runtime", "opa.runtime is refused: rules see no environment or runtime; pass values with --data FILE or the project section of .tollgate.yaml"},
	{"rand.", "randomness is refused: a check must give the same verdict on every run"},
	{"uuid.", "randomness is refused: a check must give the same verdict on every run"},
	{"tollgate.parse_file", "tollgate.parse_file reads fixture documents in tollgate test only; a rule judges the document it is given (input)"},
}

// refusedBuiltinHint adds, to a compile error about an unknown function
// the sandbox refuses, the reason and the flag that allows it.
func refusedBuiltinHint(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	var hints []string
	for _, r := range refused {
		if strings.Contains(msg, "undefined function "+r.prefix) && !slices.Contains(hints, r.why) {
			hints = append(hints, r.why)
		}
	}
	if len(hints) == 0 {
		return err
	}
	return fmt.Errorf("%w\n  (%s)", err, strings.Join(hints, ")\n  ("))
}
