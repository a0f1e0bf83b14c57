package main

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/apache/fory/go/fory"
)

var (
	bigIntType  = reflect.TypeFor[big.Int]()
	decimalType = reflect.TypeFor[fory.Decimal]()
)

// equal compares decoded and expected values the way the wire sees them: floats by bits (so
// -0.0 differs from 0.0), times by instant, big integers by value, and a nil slice or map
// equal to an empty one (the wire does not tell them apart).
func equal(a, b reflect.Value) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Type() {
	case timeType:
		ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
		return ta.Equal(tb)
	case bigIntType:
		ia, ib := a.Interface().(big.Int), b.Interface().(big.Int)
		return ia.Cmp(&ib) == 0
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		fa, fb := a.Float(), b.Float()
		if a.Kind() == reflect.Float32 {
			return math.Float32bits(float32(fa)) == math.Float32bits(float32(fb))
		}
		return math.Float64bits(fa) == math.Float64bits(fb)
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equal(a.Elem(), b.Elem())
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !equal(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			vb := b.MapIndex(k)
			if !vb.IsValid() || !equal(a.MapIndex(k), vb) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !equal(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() == b.Uint()
	case reflect.String:
		return a.String() == b.String()
	default:
		return reflect.DeepEqual(a.Interface(), b.Interface())
	}
}

// show renders a value readably: pointers followed, maps with sorted keys, floats with their
// sign, dynamic values with their Go type.
func show(v any) string {
	var sb strings.Builder
	write(&sb, reflect.ValueOf(v), true)
	return sb.String()
}

func write(sb *strings.Builder, v reflect.Value, typed bool) {
	if !v.IsValid() {
		sb.WriteString("nil")
		return
	}
	t := v.Type()
	prefix := func() {
		if typed {
			sb.WriteString(t.String())
		}
	}
	switch t {
	case timeType:
		prefix()
		fmt.Fprintf(sb, "(%s)", v.Interface().(time.Time).Format(time.RFC3339Nano))
		return
	case decimalType:
		d := v.Interface().(fory.Decimal)
		prefix()
		fmt.Fprintf(sb, "{unscaled %s, scale %d}", d.Unscaled.String(), d.Scale)
		return
	case dateType:
		d := v.Interface().(fory.Date)
		prefix()
		fmt.Fprintf(sb, "(%04d-%02d-%02d)", d.Year, int(d.Month), d.Day)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			prefix()
			sb.WriteString("(nil)")
			return
		}
		sb.WriteString("&")
		write(sb, v.Elem(), typed)
	case reflect.Interface:
		if v.IsNil() {
			sb.WriteString("nil")
			return
		}
		write(sb, v.Elem(), true)
	case reflect.Slice, reflect.Array:
		prefix()
		if v.Kind() == reflect.Slice && v.IsNil() {
			sb.WriteString("(nil)")
			return
		}
		sb.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				sb.WriteString(", ")
			}
			write(sb, v.Index(i), false)
		}
		sb.WriteString("]")
	case reflect.Map:
		prefix()
		if v.IsNil() {
			sb.WriteString("(nil)")
			return
		}
		keys := v.MapKeys()
		rendered := make([]string, len(keys))
		order := make([]int, len(keys))
		for i, k := range keys {
			var kb strings.Builder
			write(&kb, k, false)
			rendered[i] = kb.String()
			order[i] = i
		}
		sort.Slice(order, func(x, y int) bool { return rendered[order[x]] < rendered[order[y]] })
		sb.WriteString("{")
		for n, i := range order {
			if n > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString(rendered[i])
			if t.Elem() != reflect.TypeFor[struct{}]() {
				sb.WriteString(": ")
				write(sb, v.MapIndex(keys[i]), false)
			}
		}
		sb.WriteString("}")
	case reflect.Struct:
		prefix()
		sb.WriteString("{")
		for i := 0; i < v.NumField(); i++ {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString(t.Field(i).Name)
			sb.WriteString(": ")
			write(sb, v.Field(i), v.Field(i).Kind() == reflect.Interface)
		}
		sb.WriteString("}")
	case reflect.String:
		scalar(sb, t, typed && t.Name() != "string", strconv.Quote(v.String()))
	case reflect.Float32, reflect.Float64:
		bits := 64
		if v.Kind() == reflect.Float32 {
			bits = 32
		}
		scalar(sb, t, typed, strconv.FormatFloat(v.Float(), 'g', -1, bits))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		scalar(sb, t, typed, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		scalar(sb, t, typed, strconv.FormatUint(v.Uint(), 10))
	case reflect.Bool:
		scalar(sb, t, typed, strconv.FormatBool(v.Bool()))
	default:
		fmt.Fprintf(sb, "%#v", v)
	}
}

// scalar writes text, wrapped as type(text) when the type is to be shown.
func scalar(sb *strings.Builder, t reflect.Type, typed bool, text string) {
	if typed {
		fmt.Fprintf(sb, "%s(%s)", t, text)
		return
	}
	sb.WriteString(text)
}
