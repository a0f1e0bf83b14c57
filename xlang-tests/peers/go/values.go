package main

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strings"
	"time"

	"github.com/apache/fory/go/fory"
)

// Color is the enum of the cases: RED, GREEN, BLUE with ordinals 0, 1, 2. fory-go models
// enums as integer types registered with RegisterEnum / RegisterEnumByName.
type Color int32

const (
	RED Color = iota
	GREEN
	BLUE
)

func (c Color) String() string {
	switch c {
	case RED:
		return "RED"
	case GREEN:
		return "GREEN"
	case BLUE:
		return "BLUE"
	}
	return fmt.Sprintf("Color(%d)", int32(c))
}

func colorByID(f *fory.Fory) error   { return f.RegisterEnum(Color(0), 101) }
func colorByName(f *fory.Fory) error { return f.RegisterEnumByName(Color(0), "example.Color") }

// Int64Map is a map[string]int64 under another name. fory-go 1.6.0's dedicated writer for
// map[string]int64 restarts the map iteration for every chunk of 255 entries, so a map of
// more than 255 entries comes out with duplicated keys and missing ones (map_300: 300
// entries, 255 distinct keys). A defined map type goes through the generic map writer, which
// writes the same layout correctly.
type Int64Map map[string]int64

// value builds a case whose value has the Go type T.
func value[T any](name string, mode Mode, v func() T) *Case {
	return &Case{
		Name:  name,
		Mode:  mode,
		Type:  reflect.TypeFor[T](),
		Value: func() any { return v() },
	}
}

// is makes a constant value builder.
func is[T any](v T) func() T { return func() T { return v } }

func ptr[T any](v T) *T { return &v }

func valueCases() []*Case {
	plain := Mode{}
	return []*Case{
		value("bool_true", plain, is(true)),
		value("bool_false", plain, is(false)),
		value("int64_zero", plain, is(int64(0))),
		value("int64_minus_one", plain, is(int64(-1))),
		value("int64_max", plain, is(int64(math.MaxInt64))),
		value("int64_min", plain, is(int64(math.MinInt64))),
		value("int64_2_pow_35", plain, is(int64(1)<<35)),
		value("float64_one_and_half", plain, is(1.5)),
		value("float64_negative_zero", plain, is(math.Copysign(0, -1))),
		value("float64_infinity", plain, is(math.Inf(1))),
		value("string_empty", plain, is("")),
		value("string_ascii", plain, is("hello")),
		value("string_latin1", plain, is("café")),
		value("string_cjk", plain, is("你好")),
		value("string_astral", plain, is("😀")),
		value("string_long", plain, is(strings.Repeat("a", 300))),
		value("binary", plain, func() []byte { return []byte{1, 2, 3} }),
		value("binary_empty", plain, func() []byte { return []byte{} }),
		// `none`: the root is a nil interface, decoded into `any`.
		value("none", plain, func() any { return nil }),
		value("list_strings", plain, func() []string { return []string{"a", "b"} }),
		value("list_empty", plain, func() []string { return []string{} }),
		// A list (not an int64 array) of integers: []int64 would be INT64_ARRAY, so the
		// elements go in a []any.
		value("list_ints", plain, func() []any { return []any{int64(1), int64(2), int64(3)} }),
		value("list_with_null", plain, func() []*string { return []*string{ptr("a"), nil, ptr("b")} }),
		value("list_mixed", plain, func() []any { return []any{int64(1), "a", nil, 2.5} }),
		nestedList(value("list_nested", plain, func() [][]string { return [][]string{{"a"}, {"b", "c"}} })),
		value("set_ints", plain, func() fory.Set[int64] {
			s := fory.NewSet[int64]()
			s.Add(1, 2)
			return s
		}),
		value("map_string_int", plain, func() map[string]int64 { return map[string]int64{"a": 1, "b": 2} }),
		value("map_empty", plain, func() map[string]int64 { return map[string]int64{} }),
		value("map_null_value", plain, func() map[string]*int64 {
			return map[string]*int64{"a": nil, "b": ptr(int64(1))}
		}),
		value("map_mixed_values", plain, func() map[string]any { return map[string]any{"a": int64(1), "b": "x"} }),
		nestedMap(value("map_nested", plain, func() map[string]map[string]int64 {
			return map[string]map[string]int64{"a": {"b": 1}}
		})),
		value("map_300", plain, func() Int64Map {
			m := make(Int64Map, 300)
			for i := 0; i < 300; i++ {
				m[fmt.Sprintf("k%03d", i)] = int64(i)
			}
			return m
		}),
		value("int32_array", plain, func() []int32 { return []int32{1, -1} }),
		value("float64_array", plain, func() []float64 { return []float64{1.5, -2.0} }),
		value("int8_array", plain, func() []int8 { return []int8{1, -1} }),
		value("date", plain, is(fory.Date{Year: 2024, Month: time.January, Day: 2})),
		value("date_before_epoch", plain, is(fory.Date{Year: 1969, Month: time.December, Day: 31})),
		value("timestamp", plain, is(time.Date(2024, 1, 2, 3, 4, 5, 123456000, time.UTC))),
		value("duration", plain, is(90*time.Second+7*time.Microsecond)),
		value("decimal", plain, func() fory.Decimal { return fory.NewDecimal(big.NewInt(-123456), 3) }),
		value("decimal_big", plain, func() fory.Decimal {
			u, _ := new(big.Int).SetString("1234567890123456789012345678905", 10)
			return fory.NewDecimal(u, 1)
		}),
		value("enum_by_id", Mode{Register: colorByID}, is(GREEN)),
		value("enum_by_name", Mode{Register: colorByName}, is(GREEN)),
		value("enum_by_name_compatible", Mode{Register: colorByName, Compatible: true}, is(GREEN)),
		colorList(value("enum_list_by_name", Mode{Register: colorByName}, func() []Color { return []Color{GREEN, BLUE} })),
		refSharedList(),
	}
}

// refSharedList is [x, x] with x = ["a"]: two slice headers over the same backing array,
// which fory-go's reference tracking treats as one object.
func refSharedList() *Case {
	c := nestedList(value("ref_shared_list", Mode{Ref: true}, func() [][]string {
		x := []string{"a"}
		return [][]string{x, x}
	}))
	c.Check = func(got any) string {
		l := got.([][]string)
		if len(l) == 2 && len(l[0]) > 0 && len(l[1]) > 0 && &l[0][0] != &l[1][0] {
			return "decoded the two elements as separate lists, expected one shared list"
		}
		return ""
	}
	return c
}

// fory-go 1.6.0 cannot take a [][]string at the root (it hands it to its []any serializer,
// which panics: "reflect: call of reflect.Value.Elem on slice Value") and cannot read a list
// of lists into [][]string ("wire concrete type []interface {} does not match declared type
// []string"). nestedList writes the value as a []any of []string and reads it as []any,
// converting back; inner lists decoded as one shared object stay shared.
func nestedList(c *Case) *Case {
	c.WireType = reflect.TypeFor[[]any]()
	c.Wire = func(v any) any {
		l := v.([][]string)
		out := make([]any, len(l))
		for i, x := range l {
			out[i] = x
		}
		return out
	}
	c.Unwire = func(v any) (any, error) {
		l, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("not a []any: %T", v)
		}
		out := make([][]string, len(l))
		shared := map[*any][]string{}
		for i, e := range l {
			inner, ok := e.([]any)
			if !ok {
				return nil, fmt.Errorf("element %d is %T, not a list", i, e)
			}
			if len(inner) > 0 {
				if s, ok := shared[&inner[0]]; ok {
					out[i] = s
					continue
				}
			}
			s := make([]string, len(inner))
			for j, x := range inner {
				if s[j], ok = x.(string); !ok {
					return nil, fmt.Errorf("element %d.%d is %T, not a string", i, j, x)
				}
			}
			if len(inner) > 0 {
				shared[&inner[0]] = s
			}
			out[i] = s
		}
		return out, nil
	}
	return c
}

// fory-go 1.6.0 maps a []Color (an int32-kinded enum) to its INT32_ARRAY serializer, which
// panics on write ("interface {} is []main.Color, not []int32") and rejects a LIST on read.
// colorList writes the value as a []any of Color and reads it as []any.
func colorList(c *Case) *Case {
	c.WireType = reflect.TypeFor[[]any]()
	c.Wire = func(v any) any {
		l := v.([]Color)
		out := make([]any, len(l))
		for i, x := range l {
			out[i] = x
		}
		return out
	}
	c.Unwire = func(v any) (any, error) {
		l, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("not a []any: %T", v)
		}
		out := make([]Color, len(l))
		for i, e := range l {
			if out[i], ok = e.(Color); !ok {
				return nil, fmt.Errorf("element %d is %T, not a Color", i, e)
			}
		}
		return out, nil
	}
	return c
}

// fory-go 1.6.0 reads a nested map only as map[interface {}]interface {} ("wire type
// map[interface {}]interface {} is not assignable to declared type map[string]int64").
// nestedMap writes the value as a map[string]any (same bytes as the typed map) and reads it
// as map[string]any, converting the inner maps back.
func nestedMap(c *Case) *Case {
	c.WireType = reflect.TypeFor[map[string]any]()
	c.Wire = func(v any) any {
		out := map[string]any{}
		for k, x := range v.(map[string]map[string]int64) {
			out[k] = x
		}
		return out
	}
	c.Unwire = func(v any) (any, error) {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("not a map[string]any: %T", v)
		}
		out := make(map[string]map[string]int64, len(m))
		for k, x := range m {
			inner, ok := x.(map[any]any)
			if !ok {
				return nil, fmt.Errorf("value of %q is %T, not a map", k, x)
			}
			typed := make(map[string]int64, len(inner))
			for ik, iv := range inner {
				ks, ok1 := ik.(string)
				vi, ok2 := iv.(int64)
				if !ok1 || !ok2 {
					return nil, fmt.Errorf("entry %#v: %#v of %q is not string: int64", ik, iv, k)
				}
				typed[ks] = vi
			}
			out[k] = typed
		}
		return out, nil
	}
	return c
}
