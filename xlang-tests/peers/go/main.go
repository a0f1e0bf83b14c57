// The Go peer of the conformance suite, on the pinned github.com/apache/fory/go/fory.
//
//	peer gen DIR                         writes DIR/<case>.bin for every supported case
//	peer roundtrip CASE FILE [CASE FILE ...]
//	    for each pair: decodes FILE (written by another implementation), checks the value
//	    against the case, and overwrites FILE with this peer's encoding of the decoded value.
//
// Every case mirrors one in xlang-tests/CASES.md (same name, value and mode); the value
// cases are in values.go, the struct cases in structs.go, the out-of-band buffer cases in
// oob.go.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"time"

	"github.com/apache/fory/go/fory"
)

// Mode is how a case's Fory is configured.
type Mode struct {
	Compatible bool
	Ref        bool
	// Register registers the case's user types on a fresh Fory (nil: none).
	Register func(f *fory.Fory) error
}

// Case is one conformance case.
type Case struct {
	Name string
	Mode Mode
	// Type is the Go type the value is written as and decoded into.
	Type reflect.Type
	// Value builds the value gen writes (a value of Type; nil for the `none` case).
	Value func() any
	// Expect builds the value roundtrip expects to decode; nil means Value.
	Expect func() any
	// Check is an extra check on the decoded value (e.g. shared references); "" means fine.
	Check func(got any) string
	// Unsupported, when set, is why this peer cannot express the case.
	Unsupported string
	// ReadUnsupported, when set, is why fory-go cannot read the case's bytes as Java writes
	// them (it still writes the case); ReadFailure is the text its decode error then contains.
	ReadUnsupported string
	ReadFailure     string
	// Wire, when set, works around a fory-go limitation: values of Type are written as
	// Wire(value) (of type WireType) and read as WireType, then turned back by Unwire.
	Wire     func(v any) any
	WireType reflect.Type
	Unwire   func(v any) (any, error)
}

// write is the case's value in the form handed to fory-go.
func (c *Case) write(v any) (reflect.Type, any) {
	if c.Wire != nil {
		return c.WireType, c.Wire(v)
	}
	return c.Type, v
}

func (c *Case) expected() any {
	if c.Expect != nil {
		return c.Expect()
	}
	return c.Value()
}

// newFory builds a fresh xlang Fory for the mode. Compatible mode is always set explicitly:
// fory-go turns it on when the option is absent.
func newFory(m Mode) (*fory.Fory, error) {
	f := fory.New(
		fory.WithXlang(true),
		fory.WithCompatible(m.Compatible),
		fory.WithTrackRef(m.Ref),
	)
	if m.Register != nil {
		if err := m.Register(f); err != nil {
			return nil, fmt.Errorf("register: %w", err)
		}
	}
	return f, nil
}

// catch turns a panic inside the library into an error.
func catch(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
	}
}

var (
	dateType = reflect.TypeFor[fory.Date]()
	timeType = reflect.TypeFor[time.Time]()
)

// encode serializes v (a value of t) with a fresh Fory for the mode. fory-go refuses struct
// values at the root (other than Date and time.Time), so those go in by pointer.
func encode(m Mode, t reflect.Type, v any) (out []byte, err error) {
	defer catch(&err)
	f, err := newFory(m)
	if err != nil {
		return nil, err
	}
	arg := v
	if t.Kind() == reflect.Struct && t != dateType && t != timeType {
		p := reflect.New(t)
		p.Elem().Set(reflect.ValueOf(v))
		arg = p.Interface()
	}
	data, err := f.Serialize(arg)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	// The returned slice aliases the instance's buffer.
	return bytes.Clone(data), nil
}

// decode deserializes data into a new value of t with a fresh Fory for the mode.
func decode(m Mode, t reflect.Type, data []byte) (got any, err error) {
	defer catch(&err)
	f, err := newFory(m)
	if err != nil {
		return nil, err
	}
	p := reflect.New(t)
	if err := f.Deserialize(data, p.Interface()); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	return p.Elem().Interface(), nil
}

func allCases() []*Case {
	cases := append(append(valueCases(), structCases()...), oobCases()...)
	cases = append(cases, treeCases()...)
	cases = append(cases, refCases()...)
	cases = append(cases, refFlagCases()...)
	cases = append(cases, sharedItemsCases()...)
	cases = append(cases, polymorphicCases()...)
	cases = append(cases, traitObjectCases()...)
	cases = append(cases, extCases()...)
	return append(cases, traitObjectSharedCases()...)
}

func findCase(name string) *Case {
	for _, c := range allCases() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func gen(dir string) int {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	status := 0
	for _, c := range allCases() {
		if c.Unsupported != "" {
			fmt.Printf("UNSUPPORTED %s: %s\n", c.Name, c.Unsupported)
			continue
		}
		t, v := c.write(c.Value())
		data, err := encode(c.Mode, t, v)
		if err != nil {
			fmt.Printf("FAIL %s: %v\n", c.Name, err)
			status = 1
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, c.Name+".bin"), data, 0o644); err != nil {
			fmt.Printf("FAIL %s: %v\n", c.Name, err)
			status = 1
		}
	}
	return status
}

// roundtripOne returns "" when the pair is fine, else the failure text.
func roundtripOne(c *Case, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	readType, _ := c.write(c.Value())
	got, err := decode(c.Mode, readType, data)
	if err != nil {
		return err.Error()
	}
	want := c.expected()
	if c.Unwire != nil {
		typed, err := c.Unwire(got)
		if err != nil {
			return fmt.Sprintf("decoded %s, expected %s (%v)", show(got), show(want), err)
		}
		got = typed
	}
	if !equal(reflect.ValueOf(got), reflect.ValueOf(want)) {
		return fmt.Sprintf("decoded %s, expected %s", show(got), show(want))
	}
	if c.Check != nil {
		if msg := c.Check(got); msg != "" {
			return msg
		}
	}
	t, v := c.write(got)
	out, err := encode(c.Mode, t, v)
	if err != nil {
		return err.Error()
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		return err.Error()
	}
	return ""
}

func roundtrip(args []string) int {
	status := 0
	for i := 0; i+1 < len(args); i += 2 {
		name, path := args[i], args[i+1]
		c := findCase(name)
		switch {
		case c == nil:
			fmt.Printf("FAIL %s: unknown case\n", name)
			status = 1
		case c.Unsupported != "":
			fmt.Printf("UNSUPPORTED %s: %s\n", name, c.Unsupported)
		default:
			msg := roundtripOne(c, path)
			switch {
			case c.ReadUnsupported != "" && msg != "" && strings.Contains(msg, c.ReadFailure):
				fmt.Printf("UNSUPPORTED %s: %s\n", name, c.ReadUnsupported)
			case c.ReadUnsupported != "" && msg == "":
				fmt.Printf("FAIL %s: decoded, but the case says fory-go cannot read it (remove ReadUnsupported)\n", name)
				status = 1
			case msg != "":
				fmt.Printf("FAIL %s: %s\n", name, oneLine(msg))
				status = 1
			default:
				fmt.Printf("OK %s\n", name)
			}
		}
	}
	return status
}

func oneLine(s string) string {
	return string(bytes.ReplaceAll(bytes.TrimSpace([]byte(s)), []byte("\n"), []byte(" | ")))
}

const usage = `usage:
  run gen DIR
  run roundtrip CASE FILE [CASE FILE ...]
  run list`

func main() {
	args := os.Args[1:]
	switch {
	case len(args) == 2 && args[0] == "gen":
		os.Exit(gen(args[1]))
	case len(args) >= 3 && args[0] == "roundtrip" && len(args)%2 == 1:
		os.Exit(roundtrip(args[1:]))
	case len(args) == 1 && args[0] == "list":
		for _, c := range allCases() {
			fmt.Println(c.Name)
		}
	default:
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
}
