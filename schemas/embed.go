// Package schemas embeds the JSON Schemas (draft 2020-12) of the normalized
// artifact: the envelope and one file per payload kind.
package schemas

import "embed"

// FS holds every *.schema.json file.
//
//go:embed *.schema.json
var FS embed.FS
