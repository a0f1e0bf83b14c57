package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"strings"
)

// The Go source of every case's types: what a fory-go user would declare for them.
//
//	scalar           bool, int8 ... uint64, float16.Float16, bfloat16.BFloat16, float32,
//	                 float64, string, []byte (binary)
//	encoded integer  the scalar with `fory:"encoding=fixed|tagged"`
//	array            []T with `fory:"type=array(element=T)"` (a plain slice is a LIST)
//	list             []T; []*T when elements may be null (slice elements too: fory-go writes a
//	                 nil slice element as an empty list)
//	set              fory.Set[T]
//	map              map[K]V; map[K]*V when values may be null
//	struct           a struct, fields Fa, Fb, ... (fa, fb, ... on the wire)
//	enum             type E int32, variant i = i
//	union            struct{Case uint32; Value any} with the union methods
//	nullable field   *T with `fory:"nullable"`; slices, maps and sets: nil with the tag
//	tag id           `fory:"id=N"`

var scalarGo = map[string]string{
	"bool":     "bool",
	"int8":     "int8",
	"int16":    "int16",
	"int32":    "int32",
	"int64":    "int64",
	"uint8":    "uint8",
	"uint16":   "uint16",
	"uint32":   "uint32",
	"uint64":   "uint64",
	"float16":  "float16.Float16",
	"bfloat16": "bfloat16.BFloat16",
	"float32":  "float32",
	"float64":  "float64",
	"string":   "string",
	"binary":   "[]byte",
}

// unsupported returns why Go cannot express the type, or "".
func unsupported(t *Type) string {
	switch t.Kind {
	case "set":
		if t.Element.Kind == "binary" {
			return "a set of binary: a []byte cannot be a Go map key (fory.Set[T] is a map)"
		}
		return unsupported(t.Element)
	case "list":
		return unsupported(t.Element)
	case "map":
		if s := unsupported(t.Key); s != "" {
			return s
		}
		return unsupported(t.Value)
	case "array":
		if _, ok := scalarGo[t.ArrayOf]; !ok || t.ArrayOf == "string" || t.ArrayOf == "binary" {
			return "an array of " + t.ArrayOf
		}
	case "struct", "enum", "union", "shared":
		return ""
	default:
		if !isScalar(t.Kind) {
			return "unknown kind " + t.Kind
		}
	}
	return ""
}

// goType is the Go type of t; nullable: the value may be null.
func goType(t *Type, nullable bool) string {
	base := baseGoType(t)
	if nullable && !t.nilable() {
		return "*" + base
	}
	return base
}

func baseGoType(t *Type) string {
	switch t.Kind {
	case "array":
		return "[]" + scalarGo[t.ArrayOf]
	case "list":
		if t.Nullable && t.Element.nilable() && t.Element.Kind != "shared" {
			// fory-go writes a nil slice element as an empty one (a shared struct is a
			// pointer already).
			return "[]*" + baseGoType(t.Element)
		}
		return "[]" + goType(t.Element, t.Nullable)
	case "set":
		return "fory.Set[" + goType(t.Element, false) + "]"
	case "map":
		return "map[" + goType(t.Key, false) + "]" + goType(t.Value, t.Nullable)
	case "struct", "enum", "union":
		return t.User
	case "shared":
		// A shared struct object: a pointer, tracked (`ref`).
		return "*" + t.User
	}
	return scalarGo[t.Kind]
}

// typeHint is the `type=` of a field of type t ("" for none): an array's element, and BINARY
// wherever binary appears (fory-go declares a []byte field, list element or map value LIST of
// UINT8 unless told: its schema hash then differs from every other peer's, and in compatible
// mode it declares and writes the list form).
func typeHint(t *Type) string {
	switch t.Kind {
	case "array":
		return "array(element=" + t.ArrayOf + ")"
	case "binary":
		return "bytes"
	case "list":
		if t.Element.Kind == "binary" {
			return "list(element=bytes)"
		}
		if t.Element.Kind == "shared" {
			return "list(element=_(ref=true))"
		}
	case "map":
		if t.Value.Kind == "binary" {
			return "map(key=_,value=bytes)"
		}
		if t.Value.Kind == "shared" {
			return "map(key=_,value=_(ref=true))"
		}
	}
	return ""
}

// tracksByDefault: fory-go tracks references of a field of this kind when the Fory tracks
// them (WithTrackRef(true)), unless the field says ref=false: every kind but the scalars,
// strings and collections.
func tracksByDefault(t *Type) bool {
	switch t.Kind {
	case "struct", "enum", "union", "array", "binary":
		return true
	}
	return false
}

// fieldTag is the `fory:"..."` tag of a field of case c ("" for none).
func fieldTag(c *Case, f *Field) string {
	var parts []string
	if f.Tag != nil {
		parts = append(parts, fmt.Sprintf("id=%d", *f.Tag))
	}
	if f.Nullable {
		parts = append(parts, "nullable")
	}
	if f.Type.Kind == "shared" {
		parts = append(parts, "ref")
	}
	if hint := typeHint(f.Type); hint != "" {
		parts = append(parts, "type="+hint)
	}
	if f.Type.Encoding != "" {
		parts = append(parts, "encoding="+f.Type.Encoding)
	}
	// No field of a case is reference-tracked (no Rc in Rust, no @Ref in Java). With tracking on,
	// fory-go would write a reference flag in front of every struct, enum, union, array and
	// binary field, which its schema hash does not show and no other peer writes or reads
	// (spec/divergences.md); in compatible mode its TypeDef declares the flag, and every reader
	// follows the TypeDef, so there the default stays.
	if c.RefTracking && !c.Compatible && tracksByDefault(f.Type) {
		parts = append(parts, "ref=false")
	}
	if len(parts) == 0 {
		return ""
	}
	return "`fory:\"" + strings.Join(parts, ",") + "\"`"
}

// goName is a field's Go name: fory-go writes Fa as fa, Fba as fba.
func goName(name string) string {
	return strings.ToUpper(name[:1]) + name[1:]
}

// caseUnsupported returns why Go cannot express some type of the case, or "".
func caseUnsupported(c *Case) string {
	if c.Callback != nil {
		return "buffer callbacks: fory-go 1.6.0 never calls the callback"
	}
	for _, u := range c.Types {
		for _, f := range u.Fields {
			if s := unsupported(f.Type); s != "" {
				return fmt.Sprintf("%s.%s: %s", u.Name, f.Name, s)
			}
		}
		for _, t := range u.Cases {
			if s := unsupported(t); s != "" {
				return fmt.Sprintf("%s: %s", u.Name, s)
			}
		}
	}
	return ""
}

// codegen writes the Go source of every case's types to out.
func codegen(doc *Doc, out string) error {
	var b bytes.Buffer
	b.WriteString("// Code generated by the Go peer of the generative suite from a cases file. DO NOT EDIT.\n\n")
	b.WriteString("package main\n\nimport (\n\t\"reflect\"\n\n")
	b.WriteString("\t\"github.com/apache/fory/go/fory\"\n")
	b.WriteString("\t\"github.com/apache/fory/go/fory/bfloat16\"\n")
	b.WriteString("\t\"github.com/apache/fory/go/fory/float16\"\n)\n\n")
	b.WriteString("var (\n\t_ fory.Set[int8]\n\t_ float16.Float16\n\t_ bfloat16.BFloat16\n)\n\n")

	var table, skips bytes.Buffer
	for _, c := range doc.Cases {
		if why := caseUnsupported(c); why != "" {
			fmt.Fprintf(&skips, "\t%q: %q,\n", c.Name, why)
			continue
		}
		fmt.Fprintf(&b, "// %s\n\n", c.Name)
		for _, u := range c.Types {
			switch u.Kind {
			case "struct":
				fmt.Fprintf(&b, "type %s struct {\n", u.Name)
				for _, f := range u.Fields {
					fmt.Fprintf(&b, "\t%s %s %s\n", goName(f.Name), goType(f.Type, f.Nullable), fieldTag(c, f))
				}
				b.WriteString("}\n\n")
				fmt.Fprintf(&table, "\t%q: {Type: reflect.TypeFor[%s]()},\n", u.Name, u.Name)
			case "enum":
				fmt.Fprintf(&b, "type %s int32\n\n", u.Name)
				fmt.Fprintf(&table, "\t%q: {Type: reflect.TypeFor[%s]()},\n", u.Name, u.Name)
			case "union":
				fmt.Fprintf(&b, "type %s struct {\n\tCase  uint32\n\tValue any\n}\n\n", u.Name)
				fmt.Fprintf(&b, "func (%s) ForyUnionMarker() {}\n", u.Name)
				fmt.Fprintf(&b, "func (u %s) ForyUnionGet() (uint32, any) { return u.Case, u.Value }\n", u.Name)
				fmt.Fprintf(&b, "func (u *%s) ForyUnionSet(c uint32, v any) { u.Case, u.Value = c, v }\n\n", u.Name)
				fmt.Fprintf(&table, "\t%q: {Type: reflect.TypeFor[%s](), Cases: []reflect.Type{", u.Name, u.Name)
				for i, t := range u.Cases {
					if i > 0 {
						table.WriteString(", ")
					}
					fmt.Fprintf(&table, "reflect.TypeFor[%s]()", goType(t, false))
				}
				table.WriteString("}},\n")
			default:
				return fmt.Errorf("%s: unknown user type kind %q", u.Name, u.Kind)
			}
		}
	}
	b.WriteString("func init() {\n")
	fmt.Fprintf(&b, "\tgenerated = map[string]genType{\n%s\t}\n", table.String())
	fmt.Fprintf(&b, "\tgeneratedSkips = map[string]string{\n%s\t}\n", skips.String())
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		// Write it anyway, for the compiler to point at.
		src = b.Bytes()
		_ = os.WriteFile(out, src, 0o644)
		return fmt.Errorf("generated source does not parse: %w", err)
	}
	return os.WriteFile(out, src, 0o644)
}
