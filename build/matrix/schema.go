package matrix

import (
	"encoding/json"
)

// Schema returns the JSON Schema (draft 2020-12) of matrix.json, built
// from the same vocabulary lists the compiler uses, so the enums cannot
// drift from the code. Objects are closed (additionalProperties: false):
// a field added to the model must be added here, which the schema test
// enforces by validating real output.
func Schema() []byte {
	b, err := json.MarshalIndent(schemaDoc(), "", "  ")
	if err != nil {
		panic(err) // a static document of maps and strings always marshals
	}
	return append(b, '\n')
}

type obj = map[string]any

func ref(name string) obj { return obj{"$ref": "#/$defs/" + name} }

func strEnum[T ~string](vals []T) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// object is a closed object schema; every listed property is required
// unless named in optional.
func object(desc string, props obj, optional ...string) obj {
	var req []string
	for _, k := range sortedKeys(props) {
		opt := false
		for _, o := range optional {
			opt = opt || o == k
		}
		if !opt {
			req = append(req, k)
		}
	}
	return obj{"type": "object", "description": desc, "properties": props, "required": req, "additionalProperties": false}
}

func sortedKeys(m obj) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

func str(desc string) obj { return obj{"type": "string", "description": desc} }

func array(desc string, items obj) obj {
	return obj{"type": "array", "description": desc, "items": items}
}

// byLocale is an object keyed by locale whose values follow item.
func byLocale(desc string, item obj) obj {
	return obj{"type": "object", "description": desc, "propertyNames": ref("locale"), "additionalProperties": item}
}

const (
	idPattern      = "^[a-z0-9]+(-[a-z0-9]+)*$"
	serverPattern  = "^v[0-9]+(-ur[0-9]+)?$"
	rowIDPattern   = "^[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9]+(-[a-z0-9]+)*$"
	datePattern    = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
	sha256Pattern  = "^[0-9a-f]{64}$"
	localePattern  = "^[a-z]{2,3}(-[a-z0-9]+)*$"
	semverPattern  = "^[0-9]+\\.[0-9]+\\.[0-9]+$"
	schemaFileName = "matrix.schema.json"
)

func schemaDoc() obj {
	defs := obj{
		"locale": obj{"type": "string", "pattern": localePattern, "description": "A content locale: the folder name (\"nl\", \"en\")."},
		"L":      byLocale("Localized plain text: locale → text.", obj{"type": "string"}),
		"span":   object("A piece of rich text: plain text, or a link when href is set.", obj{"text": str("The text (a link's label)."), "href": str("The link target (http(s), mailto or relative URL).")}, "href"),
		"rich":   array("One line of rich text: spans, links intact, no markup.", ref("span")),
		"LRich":  byLocale("Localized rich text: locale → spans.", ref("rich")),
		"LList":  byLocale("A localized list: locale → items, each rich text.", array("Items in source order.", ref("rich"))),
		"target": obj{"type": "string", "enum": strEnum(Targets), "description": "Where the workload runs (closed vocabulary; \"unknown\" is always reported as a warning)."},
		"status": obj{"type": "string", "enum": strEnum(Statuses), "description": "Support in one server release: supported, conditional (see condition), unsupported, or unknown (reported as a warning)."},
		"capability": obj{"type": "string", "enum": strEnum(Capabilities),
			"description": "A normalized tag for what can be protected or recovered, for filtering."},
		"installation": object("One place MABS protects the workload from.", obj{
			"target": ref("target"),
			"text":   ref("L"),
		}),
		"support": object("Support of a row in one server release.", obj{
			"status":    ref("status"),
			"condition": obj{"$ref": "#/$defs/LRich", "description": "The qualifier of a conditional (or qualified) value, per locale, links intact."},
		}, "condition"),
		"file": object("One source document.", obj{
			"locale":      ref("locale"),
			"path":        str("Path relative to the content folder."),
			"sha256":      obj{"type": "string", "pattern": sha256Pattern, "description": "Hex SHA-256 of the file's bytes."},
			"date":        obj{"type": "string", "pattern": datePattern, "description": "ms.date as an ISO date."},
			"lastHandoff": obj{"type": "string", "pattern": datePattern, "description": "ms.lasthandoff as an ISO date."},
		}, "date", "lastHandoff"),
		"fact": factSchema(),
		"term": object("One vocabulary entry with its label per locale (from the strings files).", obj{
			"id":    str("The vocabulary id."),
			"label": ref("L"),
		}),
	}
	row := object("One table row, merged across locales, in source order.", obj{
		"id":       obj{"type": "string", "pattern": rowIDPattern, "description": "Stable, unique, readable: <workload>--<version slug>--<targets>; a second row with the same facts gets \"-2\"."},
		"workload": obj{"type": "string", "pattern": idPattern, "description": "The id of the row's workload."},
		"section":  str("The id of the section the row's table sits under."),
		"line": byLocale("Source line of the row per locale.",
			obj{"type": "integer", "minimum": 1}),
		"versions":      byLocale("The version cell split on line breaks, per locale.", obj{"type": "array", "items": obj{"type": "string"}}),
		"products":      productsSchema(),
		"installations": array("Installation targets in source order, with the phrase per locale.", ref("installation")),
		"support": obj{"type": "object", "description": "Server release id → support.",
			"propertyNames": obj{"pattern": serverPattern}, "additionalProperties": ref("support")},
		"protect":      obj{"$ref": "#/$defs/LList", "description": "What can be protected (backed up), per locale."},
		"recover":      obj{"$ref": "#/$defs/LList", "description": "What can be recovered, per locale."},
		"notes":        obj{"$ref": "#/$defs/LList", "description": "Other remarks of the protection column, per locale."},
		"capabilities": obj{"type": "array", "uniqueItems": true, "items": ref("capability"), "description": "Capability tags of protect and recover, in vocabulary order."},
		"extra": obj{"type": "object", "description": "Cells of columns the compiler does not know, by header text.",
			"additionalProperties": ref("LRich")},
	}, "section", "extra")
	props := obj{
		"$schema":       obj{"type": "string", "description": "The schema file name."},
		"schemaVersion": obj{"type": "string", "pattern": semverPattern, "description": "Semantic version of this format: adding a field is minor, removing or renaming one is major."},
		"locales":       obj{"type": "array", "items": ref("locale"), "minItems": 1, "uniqueItems": true, "description": "Locales, the default first."},
		"defaultLocale": ref("locale"),
		"source": object("The documents the model was compiled from (no build timestamp).", obj{
			"title":       ref("L"),
			"description": ref("L"),
			"date":        obj{"type": "string", "pattern": datePattern, "description": "The default locale's ms.date."},
			"lastHandoff": obj{"type": "string", "pattern": datePattern, "description": "The default locale's ms.lasthandoff."},
			"files":       array("One entry per locale document.", ref("file")),
		}, "date", "lastHandoff"),
		"servers": array("Azure Backup Server releases named by the support columns, in column order.", object("A server release.", obj{
			"id":   obj{"type": "string", "pattern": serverPattern, "description": "Release id (\"v2\", \"v3-ur1\")."},
			"name": ref("L"),
		})),
		"workloads": array("Workloads in order of first appearance.", object("A workload.", obj{
			"id":   obj{"type": "string", "pattern": idPattern, "description": "English ASCII slug, the same in every locale."},
			"name": ref("L"),
			"rows": array("Row ids in source order.", obj{"type": "string"}),
		})),
		"rows":  array("Table rows in source order.", ref("row")),
		"facts": array("The rows as answers: one per row, product version, installation target and server release, in row order.", ref("fact")),
		"sections": array("Prose sections: the intro first, then the headings in order.", object("A prose section.", obj{
			"id":    obj{"type": "string", "description": "The heading's anchor (\"intro\" for the prose under the title)."},
			"title": ref("L"),
			"html":  byLocale("Sanitized HTML per locale.", obj{"type": "string"}),
		})),
		"vocabularies": object("The closed vocabularies with localized labels.", obj{
			"targets":      array("Installation targets.", ref("term")),
			"statuses":     array("Support statuses.", ref("term")),
			"capabilities": array("Capability tags.", ref("term")),
		}),
	}
	doc := object("The Azure Backup Server protection matrix, normalized, in every locale (matrix.json).", props, "$schema")
	doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	doc["$id"] = schemaFileName
	doc["title"] = "MABS protection matrix"
	defs["row"] = row
	for k, v := range dataFileSchemas(ref("row")) {
		defs[k] = v
	}
	doc["$defs"] = defs
	return doc
}
