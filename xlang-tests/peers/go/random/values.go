package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/apache/fory/go/fory/bfloat16"
	"github.com/apache/fory/go/fory/float16"
)

// Building a case's value from its JSON into the generated Go types, and comparing a decoded
// value with the JSON: integers and floats through their exact bits (a float32 never goes
// through a float64, which could change a NaN payload).

// genType is a generated user type: its Go type and, for a union, each case's Go type.
type genType struct {
	Type  reflect.Type
	Cases []reflect.Type
}

// Filled by the generated source (cases_gen.go).
var (
	generated      = map[string]genType{}
	generatedSkips = map[string]string{}
)

var (
	float16Type  = reflect.TypeFor[float16.Float16]()
	bfloat16Type = reflect.TypeFor[bfloat16.BFloat16]()
	float32Type  = reflect.TypeFor[float32]()
	float64Type  = reflect.TypeFor[float64]()
	emptyStruct  = reflect.ValueOf(struct{}{})
)

func jsonString(j any) (string, error) {
	s, ok := j.(string)
	if !ok {
		return "", fmt.Errorf("expected a JSON string, found %T %v", j, j)
	}
	return s, nil
}

func jsonInt(j any) (int64, error) {
	n, ok := j.(json.Number)
	if !ok {
		return 0, fmt.Errorf("expected a JSON number, found %T %v", j, j)
	}
	return n.Int64()
}

func jsonBits(j any, size int) (uint64, error) {
	s, err := jsonString(j)
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(strings.TrimPrefix(s, "0x"), 16, size)
}

// Empty slices are made with room for one element. Every zero-capacity slice of a Go program
// points at one address (runtime.zerobase), and fory-go 1.6.0's reference tracking takes
// slices with the same data pointer for one object: with tracking on, the second empty array or
// binary is written as a reference to the first (`fe 01`), even of another type, and the
// reader then fails ("reference type []int32 is not assignable to []int64"). See
// spec/divergences.md.

// build makes the Go value of JSON j for schema type t in Go type rt (a pointer or nil slice
// or map for a nullable value).
func build(c *Case, t *Type, j any, rt reflect.Type) (reflect.Value, error) {
	if t.Kind == "shared" && j != nil {
		return buildObject(c, j, rt)
	}
	if j == nil {
		switch rt.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			return reflect.Zero(rt), nil
		}
		return reflect.Value{}, fmt.Errorf("null for a %s", rt)
	}
	if rt.Kind() == reflect.Pointer {
		v, err := build(c, t, j, rt.Elem())
		if err != nil {
			return v, err
		}
		p := reflect.New(rt.Elem())
		p.Elem().Set(v)
		return p, nil
	}
	v := reflect.New(rt).Elem()
	switch t.Kind {
	case "bool":
		b, ok := j.(bool)
		if !ok {
			return v, fmt.Errorf("expected a bool, found %v", j)
		}
		v.SetBool(b)
	case "int8", "int16", "int32", "int64":
		s, err := jsonString(j)
		if err != nil {
			return v, err
		}
		n, err := strconv.ParseInt(s, 10, rt.Bits())
		if err != nil {
			return v, err
		}
		v.SetInt(n)
	case "uint8", "uint16", "uint32", "uint64":
		s, err := jsonString(j)
		if err != nil {
			return v, err
		}
		n, err := strconv.ParseUint(s, 10, rt.Bits())
		if err != nil {
			return v, err
		}
		v.SetUint(n)
	case "float16", "bfloat16":
		bits, err := jsonBits(j, 16)
		if err != nil {
			return v, err
		}
		v.SetUint(bits)
	case "float32":
		bits, err := jsonBits(j, 32)
		if err != nil {
			return v, err
		}
		*v.Addr().Interface().(*float32) = math.Float32frombits(uint32(bits))
	case "float64":
		bits, err := jsonBits(j, 64)
		if err != nil {
			return v, err
		}
		*v.Addr().Interface().(*float64) = math.Float64frombits(bits)
	case "string":
		s, err := jsonString(j)
		if err != nil {
			return v, err
		}
		v.SetString(s)
	case "binary":
		s, err := jsonString(j)
		if err != nil {
			return v, err
		}
		b, err := hex.DecodeString(s)
		if err != nil {
			return v, err
		}
		v.SetBytes(append(make([]byte, 0, max(len(b), 1)), b...))
	case "array", "list":
		items, ok := j.([]any)
		if !ok {
			return v, fmt.Errorf("expected a JSON array, found %T", j)
		}
		elem := t.Element
		if t.Kind == "array" {
			elem = &Type{Kind: t.ArrayOf}
		}
		v = reflect.MakeSlice(rt, len(items), max(len(items), 1))
		for i, item := range items {
			e, err := build(c, elem, item, rt.Elem())
			if err != nil {
				return v, fmt.Errorf("[%d]: %w", i, err)
			}
			v.Index(i).Set(e)
		}
	case "set":
		items, ok := j.([]any)
		if !ok {
			return v, fmt.Errorf("expected a JSON array, found %T", j)
		}
		v = reflect.MakeMapWithSize(rt, len(items))
		for _, item := range items {
			e, err := build(c, t.Element, item, rt.Key())
			if err != nil {
				return v, err
			}
			v.SetMapIndex(e, emptyStruct)
		}
	case "map":
		pairs, ok := j.([]any)
		if !ok {
			return v, fmt.Errorf("expected a JSON array, found %T", j)
		}
		v = reflect.MakeMapWithSize(rt, len(pairs))
		for _, p := range pairs {
			pair, ok := p.([]any)
			if !ok || len(pair) != 2 {
				return v, fmt.Errorf("expected a [key, value] pair, found %v", p)
			}
			k, err := build(c, t.Key, pair[0], rt.Key())
			if err != nil {
				return v, err
			}
			x, err := build(c, t.Value, pair[1], rt.Elem())
			if err != nil {
				return v, fmt.Errorf("[%v]: %w", pair[0], err)
			}
			v.SetMapIndex(k, x)
		}
	case "struct":
		return buildStruct(c, c.userType(t.User), j, rt)
	case "enum":
		n, err := jsonInt(j)
		if err != nil {
			return v, err
		}
		v.SetInt(n)
	case "union":
		obj, ok := j.(map[string]any)
		if !ok {
			return v, fmt.Errorf("expected a union object, found %T", j)
		}
		index, err := jsonInt(obj["case"])
		if err != nil {
			return v, err
		}
		u := c.userType(t.User)
		g := generated[t.User]
		if index < 0 || int(index) >= len(u.Cases) {
			return v, fmt.Errorf("union case %d of %d", index, len(u.Cases))
		}
		x, err := build(c, u.Cases[index], obj["value"], g.Cases[index])
		if err != nil {
			return v, fmt.Errorf("case %d: %w", index, err)
		}
		v.Field(0).SetUint(uint64(index))
		v.Field(1).Set(x)
	default:
		return v, fmt.Errorf("unknown kind %q", t.Kind)
	}
	return v, nil
}

// buildObject is the pointer to the object {"object": k} names (of pointer type rt): built once,
// the same pointer wherever it is named. The pointer is recorded before the object's fields are
// built, so a field can name the object itself (a cycle).
func buildObject(c *Case, j any, rt reflect.Type) (reflect.Value, error) {
	obj, ok := j.(map[string]any)
	if !ok {
		return reflect.Value{}, fmt.Errorf("expected {\"object\": k}, found %T", j)
	}
	k64, err := jsonInt(obj["object"])
	if err != nil {
		return reflect.Value{}, err
	}
	k := int(k64)
	if p, ok := c.built[k]; ok {
		return p, nil
	}
	if k < 0 || k >= len(c.Objects) {
		return reflect.Value{}, fmt.Errorf("no object %d", k)
	}
	o := c.Objects[k]
	p := reflect.New(rt.Elem())
	if c.built == nil {
		c.built = make(map[int]reflect.Value)
	}
	c.built[k] = p
	v, err := buildStruct(c, c.userType(o.Type), o.Value, rt.Elem())
	if err != nil {
		return v, fmt.Errorf("object %d: %w", k, err)
	}
	p.Elem().Set(v)
	return p, nil
}

func buildStruct(c *Case, u *UserType, j any, rt reflect.Type) (reflect.Value, error) {
	v := reflect.New(rt).Elem()
	obj, ok := j.(map[string]any)
	if !ok {
		return v, fmt.Errorf("expected a struct object, found %T", j)
	}
	for _, f := range u.Fields {
		fv := v.FieldByName(goName(f.Name))
		x, err := build(c, f.Type, obj[f.Name], fv.Type())
		if err != nil {
			return v, fmt.Errorf("%s: %w", f.Name, err)
		}
		fv.Set(x)
	}
	return v, nil
}

// compare returns "" when the decoded v equals JSON j for schema type t, else the first
// difference as `path: decoded != expected`.
func compare(c *Case, t *Type, nullable bool, j any, v reflect.Value, path string) string {
	differ := func(got, want any) string {
		return fmt.Sprintf("%s: %v != %v", displayPath(path), got, want)
	}
	if t.Kind == "shared" && j != nil && v.Kind() == reflect.Pointer && !v.IsNil() {
		// One decoded pointer per object index, a different one for each; the object's value
		// is compared where it is met first.
		obj, _ := j.(map[string]any)
		k64, _ := jsonInt(obj["object"])
		k, ptr := int(k64), v.Pointer()
		if seen, ok := c.decoded[k]; ok {
			if seen == ptr {
				return ""
			}
			return differ("another object", fmt.Sprintf("the object #%d read before", k))
		}
		if other, ok := c.decodedIndex[ptr]; ok {
			return differ(fmt.Sprintf("the object #%d read before", other), fmt.Sprintf("object #%d", k))
		}
		c.decoded[k] = ptr
		c.decodedIndex[ptr] = k
		o := c.Objects[k]
		return compare(c, &Type{Kind: "struct", User: o.Type}, false, o.Value, v.Elem(), fmt.Sprintf("%s<#%d>", path, k))
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			if j == nil {
				return ""
			}
			return differ("nil", show(j))
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		if !nullable {
			// Not nullable: nil is the empty value.
			break
		}
		fallthrough
	case reflect.Pointer:
		if v.IsNil() != (j == nil) {
			if v.IsNil() {
				return differ("null", show(j))
			}
			return differ(describe(v), "null")
		}
		if j == nil {
			return ""
		}
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
	}
	if j == nil {
		return differ(describe(v), "null")
	}
	switch t.Kind {
	case "bool":
		if b, _ := j.(bool); v.Bool() != b || j == nil {
			return differ(v.Bool(), j)
		}
	case "int8", "int16", "int32", "int64", "enum":
		want := fmt.Sprint(j)
		if got := strconv.FormatInt(v.Int(), 10); got != want {
			return differ(got, want)
		}
	case "uint8", "uint16", "uint32", "uint64":
		want := fmt.Sprint(j)
		if got := strconv.FormatUint(v.Uint(), 10); got != want {
			return differ(got, want)
		}
	case "float16", "bfloat16", "float32", "float64":
		size := map[string]int{"float16": 16, "bfloat16": 16, "float32": 32, "float64": 64}[t.Kind]
		want, err := jsonBits(j, size)
		if err != nil {
			return differ(describe(v), err)
		}
		if got := floatBits(v); got != want {
			return differ(fmt.Sprintf("0x%0*x", size/4, got), fmt.Sprintf("0x%0*x", size/4, want))
		}
	case "string":
		if want, _ := j.(string); v.String() != want {
			return differ(strconv.Quote(v.String()), strconv.Quote(want))
		}
	case "binary":
		if got, want := hex.EncodeToString(v.Bytes()), fmt.Sprint(j); got != want {
			return differ(quoteHex(got), quoteHex(want))
		}
	case "array", "list":
		items, _ := j.([]any)
		if v.Kind() != reflect.Slice {
			return differ(describe(v), "a list")
		}
		elem := t.Element
		if t.Kind == "array" {
			elem = &Type{Kind: t.ArrayOf}
		}
		for i := 0; i < len(items) && i < v.Len(); i++ {
			if d := compare(c, elem, t.Kind == "list" && t.Nullable, items[i], v.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
		if v.Len() != len(items) {
			return differ(fmt.Sprintf("%d elements", v.Len()), fmt.Sprintf("%d", len(items)))
		}
	case "set":
		items, _ := j.([]any)
		for _, item := range items {
			k, err := build(c, t.Element, item, v.Type().Key())
			if err != nil {
				return differ(describe(v), err)
			}
			if !v.MapIndex(k).IsValid() {
				return fmt.Sprintf("%s: missing element %s", displayPath(path), show(item))
			}
		}
		if v.Len() != len(items) {
			return differ(fmt.Sprintf("%d elements", v.Len()), fmt.Sprintf("%d", len(items)))
		}
	case "map":
		pairs, _ := j.([]any)
		for _, p := range pairs {
			pair := p.([]any)
			k, err := build(c, t.Key, pair[0], v.Type().Key())
			if err != nil {
				return differ(describe(v), err)
			}
			x := v.MapIndex(k)
			sub := fmt.Sprintf("%s[%s]", path, show(pair[0]))
			if !x.IsValid() {
				return fmt.Sprintf("%s: missing", displayPath(sub))
			}
			if d := compare(c, t.Value, t.Nullable, pair[1], x, sub); d != "" {
				return d
			}
		}
		if v.Len() != len(pairs) {
			return differ(fmt.Sprintf("%d entries", v.Len()), fmt.Sprintf("%d", len(pairs)))
		}
	case "struct":
		obj, _ := j.(map[string]any)
		for _, f := range c.userType(t.User).Fields {
			fv := v.FieldByName(goName(f.Name))
			sub := f.Name
			if path != "" {
				sub = path + "." + f.Name
			}
			if d := compare(c, f.Type, f.Nullable, obj[f.Name], fv, sub); d != "" {
				return d
			}
		}
	case "union":
		obj, _ := j.(map[string]any)
		want, _ := jsonInt(obj["case"])
		if got := v.Field(0).Uint(); got != uint64(want) {
			return differ(fmt.Sprintf("case %d", got), fmt.Sprintf("case %d", want))
		}
		u := c.userType(t.User)
		x := v.Field(1)
		if x.IsNil() {
			return differ("nil", show(obj["value"]))
		}
		if g := generated[t.User]; x.Elem().Type() != g.Cases[want] {
			return differ(x.Elem().Type(), g.Cases[want])
		}
		return compare(c, u.Cases[want], false, obj["value"], x, fmt.Sprintf("%s<case %d>", path, want))
	default:
		return differ(describe(v), "a value of unknown kind "+t.Kind)
	}
	return ""
}

func floatBits(v reflect.Value) uint64 {
	switch v.Type() {
	case float16Type, bfloat16Type:
		return v.Uint()
	case float32Type:
		return uint64(math.Float32bits(v.Interface().(float32)))
	case float64Type:
		return math.Float64bits(v.Interface().(float64))
	}
	return v.Uint()
}

func displayPath(path string) string {
	if path == "" {
		return "<root>"
	}
	return path
}

func quoteHex(s string) string {
	if len(s) > 40 {
		return fmt.Sprintf("%q...(%d bytes)", s[:40], len(s)/2)
	}
	return strconv.Quote(s)
}

// show renders a JSON value briefly.
func show(j any) string {
	data, err := json.Marshal(j)
	if err != nil {
		return fmt.Sprint(j)
	}
	if len(data) > 60 {
		return string(data[:60]) + "..."
	}
	return string(data)
}

// describe renders a decoded Go value briefly.
func describe(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	s := fmt.Sprintf("%v", v.Interface())
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return fmt.Sprintf("%s(%s)", v.Type(), s)
}
