// The Go peer's side of the generative suite (xlang-tests/GENERATIVE.md).
//
//	random codegen CASES OUT.go   writes the Go types of every case of CASES
//	random gen CASES DIR          writes every case's value to DIR/<name>.bin
//	random check CASES DIR        reads DIR/<name>.bin of every case and compares
//
// Go cannot make types at run time that fory-go serializes like declared structs, so the run
// script (../run random ...) builds this package twice: once as is, for codegen, and once per
// cases file with the generated types added (cached under .cache/go-random/), for gen and
// check.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"

	"github.com/apache/fory/go/fory"
)

// newFory is a case's Fory: xlang, the case's mode and reference tracking (compatible mode
// set explicitly: fory-go turns it on when the option is absent), and its types registered.
func newFory(c *Case) (*fory.Fory, error) {
	f := fory.New(
		fory.WithXlang(true),
		fory.WithCompatible(c.Compatible),
		fory.WithTrackRef(c.RefTracking),
	)
	for _, u := range c.Types {
		g, ok := generated[u.Name]
		if !ok {
			return nil, fmt.Errorf("type %s was not generated (a stale build?)", u.Name)
		}
		var err error
		name := u.Namespace + "." + u.TypeName
		switch u.Kind {
		case "struct":
			if u.ID != nil {
				err = f.RegisterStruct(g.Type, *u.ID)
			} else {
				err = f.RegisterStructByName(g.Type, name)
			}
		case "enum":
			if u.ID != nil {
				err = f.RegisterEnum(g.Type, *u.ID)
			} else {
				err = f.RegisterEnumByName(g.Type, name)
			}
		case "union":
			s := unionSerializer(c, u, g)
			if u.ID != nil {
				err = f.RegisterUnion(g.Type, *u.ID, s)
			} else {
				err = f.RegisterUnionByName(g.Type, name, s)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("register %s: %w", u.Name, err)
		}
	}
	return f, nil
}

// unionTypeIDs are the type ids of the scalars a union case holds.
var unionTypeIDs = map[string]fory.TypeId{
	"bool":    fory.BOOL,
	"int32":   fory.VARINT32,
	"int64":   fory.VARINT64,
	"float64": fory.FLOAT64,
	"string":  fory.STRING,
}

func unionSerializer(c *Case, u *UserType, g genType) fory.Serializer {
	cases := make([]fory.UnionCase, len(u.Cases))
	for i, t := range u.Cases {
		id, ok := unionTypeIDs[t.Kind]
		if !ok {
			id = fory.STRUCT
			if s := c.userType(t.User); s != nil && s.ID == nil {
				id = fory.NAMED_STRUCT
			}
		}
		cases[i] = fory.UnionCase{ID: uint32(i), Type: g.Cases[i], TypeID: id}
	}
	return fory.NewUnionSerializer(cases...)
}

// catch turns a panic into an error naming where it happened.
func catch(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("panic: %v%s", r, panicSite())
	}
}

// panicSite is the innermost frame of fory-go below the panic (else the innermost one
// outside the Go runtime).
func panicSite() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	first := ""
	for {
		f, more := frames.Next()
		site := fmt.Sprintf(" (at %s, %s:%d)", f.Function, filepath.Base(f.File), f.Line)
		if strings.HasPrefix(f.Function, "github.com/apache/fory/") {
			return site
		}
		if first == "" && f.Function != "" && !strings.HasPrefix(f.Function, "runtime.") {
			first = site
		}
		if !more {
			return first
		}
	}
}

func root(c *Case) (genType, *UserType, error) {
	if len(c.Types) == 0 || c.Types[0].Kind != "struct" {
		return genType{}, nil, fmt.Errorf("the root is not a struct")
	}
	g, ok := generated[c.Types[0].Name]
	if !ok {
		return g, nil, fmt.Errorf("type %s was not generated (a stale build?)", c.Types[0].Name)
	}
	return g, c.Types[0], nil
}

func genOne(c *Case, dir string) (err error) {
	defer catch(&err)
	g, u, err := root(c)
	if err != nil {
		return err
	}
	v, err := buildStruct(c, u, c.Value, g.Type)
	if err != nil {
		return fmt.Errorf("building the value: %w", err)
	}
	f, err := newFory(c)
	if err != nil {
		return err
	}
	p := reflect.New(g.Type)
	p.Elem().Set(v)
	data, err := f.Serialize(p.Interface())
	if err != nil {
		return fmt.Errorf("serialize: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, c.Name+".bin"), bytes.Clone(data), 0o644)
}

func checkOne(c *Case, data []byte) (err error) {
	defer catch(&err)
	g, _, err := root(c)
	if err != nil {
		return err
	}
	f, err := newFory(c)
	if err != nil {
		return err
	}
	p := reflect.New(g.Type)
	if err := f.Deserialize(data, p.Interface()); err != nil {
		return fmt.Errorf("deserialize: %w", err)
	}
	c.decoded, c.decodedIndex = make(map[int]uintptr), make(map[uintptr]int)
	if d := compare(c, &Type{Kind: "struct", User: c.Types[0].Name}, false, c.Value, p.Elem(), ""); d != "" {
		return fmt.Errorf("%s", d)
	}
	return nil
}

func oneLine(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", " | ")
}

func run(command string, doc *Doc, dir string) error {
	if command == "gen" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	out := bytes.Buffer{}
	for _, c := range doc.Cases {
		if why, ok := generatedSkips[c.Name]; ok {
			fmt.Fprintf(&out, "SKIP %s: %s\n", c.Name, why)
			continue
		}
		var err error
		if command == "gen" {
			err = genOne(c, dir)
		} else {
			data, readErr := os.ReadFile(filepath.Join(dir, c.Name+".bin"))
			if os.IsNotExist(readErr) {
				continue
			}
			if readErr != nil {
				err = readErr
			} else {
				err = checkOne(c, data)
			}
		}
		if err != nil {
			fmt.Fprintf(&out, "FAIL %s: %s\n", c.Name, oneLine(err.Error()))
		} else {
			fmt.Fprintf(&out, "OK %s\n", c.Name)
		}
	}
	_, err := os.Stdout.Write(out.Bytes())
	return err
}

const usage = `usage:
  random codegen CASES OUT.go
  random gen CASES DIR
  random check CASES DIR`

func main() {
	args := os.Args[1:]
	if len(args) != 3 || (args[0] != "codegen" && args[0] != "gen" && args[0] != "check") {
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	doc, err := readDoc(args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if args[0] == "codegen" {
		err = codegen(doc, args[2])
	} else {
		err = run(args[0], doc, args[2])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
