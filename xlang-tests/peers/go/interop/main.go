// Exchanges one Order with fory-rs (fory-core/examples/peer_interop.rs) and the Java and Python
// programs next to it, with fory-go in its default xlang configuration:
// fory.New(fory.WithXlang(true)) plus the registrations, nothing else.
//
//	interop write DIR   writes DIR/interop_by_id.bin (types registered by id) and
//	                    DIR/interop_by_name.bin (types registered by name, namespace "example")
//	interop read DIR    decodes those two files, whichever program wrote them, compares each
//	                    with order() and prints "OK <name>" or "FAIL <name>: <why>"; exits 1 if
//	                    one failed
//
// The conformance runner calls it as `xlang-tests/peers/go/run interop write|read DIR`.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/apache/fory/go/fory"
)

// Status is an enum: an integer type registered with RegisterEnum; its value is the ordinal.
type Status int32

const (
	Pending Status = iota
	Shipped
	Delivered
)

type Customer struct {
	Name  string
	Email *string // nullable
}

// Order's fields go on the wire in snake_case: Id is "id", Customer "customer". (fory-go turns
// every capital into "_" and a lower-case letter, so a field named ID would be "i_d".)
type Order struct {
	Id         int64
	Customer   Customer         // a nested struct
	Items      []string         // list<string>
	Quantities map[string]int32 // map<string, int32>
	Note       *string          // nullable
	Status     Status           // an enum
	Prices     []float64        // float64 array (see below)
}

// fory-go 1.6.0 declares a plain []float64 field a list<float64> and sends it as one, where the
// other programs send a FLOAT64_ARRAY; in the default (compatible) mode every side reads either
// form into its field. The tag `fory:"type=array(element=float64)"` would send the array.

// order is the value every program writes, and expects to read back exactly.
func order() Order {
	note := "leave at the door"
	return Order{
		Id:         1 << 40,
		Customer:   Customer{Name: "Ada Lovelace"},
		Items:      []string{"tea", "scone"},
		Quantities: map[string]int32{"tea": 2, "scone": 3},
		Note:       &note,
		Status:     Shipped,
		Prices:     []float64{2.5, -0.75},
	}
}

// newFory is the default xlang configuration (compatible mode, no reference tracking) with the
// three types registered by id or by name.
func newFory(byName bool) (*fory.Fory, error) {
	f := fory.New(fory.WithXlang(true))
	var errs [3]error
	if byName {
		errs[0] = f.RegisterEnumByName(Status(0), "example.Status")
		errs[1] = f.RegisterStructByName(Customer{}, "example.Customer")
		errs[2] = f.RegisterStructByName(Order{}, "example.Order")
	} else {
		errs[0] = f.RegisterEnum(Status(0), 1)
		errs[1] = f.RegisterStruct(Customer{}, 2)
		errs[2] = f.RegisterStruct(Order{}, 3)
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return f, nil
}

var variants = []struct {
	name   string
	byName bool
}{{"interop_by_id", false}, {"interop_by_name", true}}

func write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, v := range variants {
		f, err := newFory(v.byName)
		if err != nil {
			return err
		}
		value := order()
		data, err := f.Serialize(&value) // a struct goes in by pointer
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, v.name+".bin"), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// check decodes one file and compares it with order().
func check(path string, byName bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	f, err := newFory(byName)
	if err != nil {
		return err
	}
	var got Order
	if err := f.Deserialize(data, &got); err != nil {
		return err
	}
	if want := order(); !reflect.DeepEqual(got, want) {
		return fmt.Errorf("decoded %s, expected %s", show(got), show(want))
	}
	return nil
}

func show(o Order) string {
	deref := func(s *string) any {
		if s == nil {
			return nil
		}
		return *s
	}
	return fmt.Sprintf("{Id:%d Customer:{Name:%q Email:%v} Items:%q Quantities:%v Note:%v Status:%d Prices:%v}",
		o.Id, o.Customer.Name, deref(o.Customer.Email), o.Items, o.Quantities, deref(o.Note), o.Status, o.Prices)
}

func read(dir string) bool {
	ok := true
	for _, v := range variants {
		if err := check(filepath.Join(dir, v.name+".bin"), v.byName); err != nil {
			fmt.Printf("FAIL %s: %s\n", v.name, strings.Join(strings.Fields(err.Error()), " "))
			ok = false
		} else {
			fmt.Printf("OK %s\n", v.name)
		}
	}
	return ok
}

func main() {
	args := os.Args[1:]
	switch {
	case len(args) == 2 && args[0] == "write":
		if err := write(args[1]); err != nil {
			fmt.Fprintln(os.Stderr, "interop:", err)
			os.Exit(1)
		}
	case len(args) == 2 && args[0] == "read":
		if !read(args[1]) {
			os.Exit(1)
		}
	default:
		fmt.Fprintln(os.Stderr, "usage: interop write DIR | interop read DIR")
		os.Exit(2)
	}
}
