package main

import (
	"fmt"
	"math"
	"reflect"

	"github.com/apache/fory/go/fory"
)

// The struct types of CASES.md. fory-go writes a field named CamelCase as snake_case on the
// wire; `fory:"..."` tags give tag ids (id=N), integer encodings (encoding=fixed|varint|
// tagged), nullability (nullable) and packed arrays (type=array(element=...); a plain slice
// field is a list).
//
// Nullable fields are pointers (or slices) tagged `fory:"nullable"`. A pointer alone is
// written with null flags and declared nullable in the compatible-mode TypeDef, but fory-go
// 1.6.0 leaves it out of the schema-consistent struct hash (a *int32 field hashes like an
// int32 one) unless the tag says nullable; with the tag the hash covers it.

type Primitives struct {
	Flag       bool
	Tiny       int8
	ShortValue int16
	Count      int32
	Total      int64
	Ratio      float32
	Precise    float64
}

type NullablePrimitives struct {
	Flag       *bool    `fory:"nullable"`
	Tiny       *int8    `fory:"nullable"`
	ShortValue *int16   `fory:"nullable"`
	Count      *int32   `fory:"nullable"`
	Total      *int64   `fory:"nullable"`
	Ratio      *float32 `fory:"nullable"`
	Precise    *float64 `fory:"nullable"`
}

type Strings struct {
	Ascii  string
	Latin1 string
	Cjk    string
	Empty  string
}

type Inner struct {
	X     int32
	Label string
}

type Outer struct {
	Name  string
	Inner Inner
	Count int32
}

type Collections struct {
	Names  []string
	Tags   fory.Set[string]
	Scores map[string]int32
	Ids    []int64 `fory:"type=array(element=int64)"`
	Matrix [][]int32
}

type WithEnum struct {
	Color Color
	Count int32
}

// AllNullLists (235): lists whose elements may be null, a slice of pointers each (a plain slice
// field is a list).
type AllNullLists struct {
	Numbers []*float64
	Texts   []*string
	Counts  []*int32
}

// Shape is the union of case 0 `name: string` and case 1 `radius: float64`.
type Shape struct {
	Case  uint32
	Value any
}

func (Shape) ForyUnionMarker()                {}
func (s Shape) ForyUnionGet() (uint32, any)   { return s.Case, s.Value }
func (s *Shape) ForyUnionSet(c uint32, v any) { s.Case, s.Value = c, v }

func shapeSerializer() fory.Serializer {
	return fory.NewUnionSerializer(
		fory.UnionCase{ID: 0, Type: reflect.TypeFor[string](), TypeID: fory.STRING},
		fory.UnionCase{ID: 1, Type: reflect.TypeFor[float64](), TypeID: fory.FLOAT64},
	)
}

// Event (113) is the union of a Rust enum with data: case 0 click (EventClick, 250), case 1
// pair (EventPair, 251), case 2 key (string), case 3 quit (no value: a null flag, a nil
// *string here).
type Event struct {
	Case  uint32
	Value any
}

func (Event) ForyUnionMarker()                {}
func (e Event) ForyUnionGet() (uint32, any)   { return e.Case, e.Value }
func (e *Event) ForyUnionSet(c uint32, v any) { e.Case, e.Value = c, v }

func eventSerializer() fory.Serializer {
	return fory.NewUnionSerializer(
		fory.UnionCase{ID: 0, Type: reflect.TypeFor[EventClick](), TypeID: fory.STRUCT},
		fory.UnionCase{ID: 1, Type: reflect.TypeFor[EventPair](), TypeID: fory.STRUCT},
		fory.UnionCase{ID: 2, Type: reflect.TypeFor[string](), TypeID: fory.STRING},
		// No value: a nil pointer is written as a null flag, and a null flag reads back as one
		// (a string case would read it as "").
		fory.UnionCase{ID: 3, Type: reflect.TypeFor[*string](), TypeID: fory.STRING},
	)
}

// EventClick (250) is the case struct of the Rust variant Event::Click { x, y }.
type EventClick struct {
	X int32
	Y int32
}

// EventPair (251) is the case struct of the Rust tuple variant Event::Pair(String, i32).
type EventPair struct {
	F0 string
	F1 int32
}

// EventLog (252): one field per case of Event.
type EventLog struct {
	Click Event
	Pair  Event
	Key   Event
	Quit  Event
	Count int32
}

type WithUnion struct {
	Shape Shape
	Count int32
}

type Optionals struct {
	MaybeName  *string  `fory:"nullable"`
	MaybeCount *int32   `fory:"nullable"`
	MaybeList  []string `fory:"nullable"`
	MaybeInner *Inner   `fory:"nullable"`
}

type Unsigned struct {
	U8v       uint8
	U16v      uint16
	U32Fixed  uint32 `fory:"encoding=fixed"`
	U32Var    uint32 `fory:"encoding=varint"`
	U64Fixed  uint64 `fory:"encoding=fixed"`
	U64Var    uint64 `fory:"encoding=varint"`
	U64Tagged uint64 `fory:"encoding=tagged"`
	I32Fixed  int32  `fory:"encoding=fixed"`
	I64Fixed  int64  `fory:"encoding=fixed"`
	I64Tagged int64  `fory:"encoding=tagged"`
}

type Tagged struct {
	Name  string  `fory:"id=1"`
	Age   int32   `fory:"id=2"`
	Email *string `fory:"id=3,nullable"`
	Note  string
}

type Pair struct {
	Key   string
	Value int32
	Items []int32 `fory:"type=array(element=int32)"`
}

type Many struct {
	F01 bool
	F02 int8
	F03 int16
	F04 int32
	F05 int64
	F06 float32
	F07 float64
	F08 string
	F09 bool
	F10 int8
	F11 int16
	F12 int32
	F13 int64
	F14 float32
	F15 float64
	F16 string
	F17 bool
	F18 int8
	F19 int16
	F20 int32
	F21 int64
	F22 float32
	F23 float64
	F24 string
	F25 bool
	F26 int8
	F27 int16
	F28 int32
	F29 int64
	F30 float32
	F31 float64
	F32 string
}

// Point mirrors the Rust tuple struct Point(i32, i32), whose fields are f0 and f1.
type Point struct {
	F0 int32
	F1 int32
}

type Person struct {
	Name string
	Age  int32
}

// Evolving is this peer's side of evolution_drop_add (Rust's has a, c, d).
type Evolving struct {
	A int32
	B Inner
	C []string
}

// ArrayToList is this peer's side of evolution_array_to_list: primitive arrays (BOOL_ARRAY ...
// FLOAT64_ARRAY), which Rust declares as lists (VecDeque<bool> ... VecDeque<f64>).
type ArrayToList struct {
	Bools   []bool    `fory:"type=array(element=bool)"`
	Shorts  []int16   `fory:"type=array(element=int16)"`
	Ints    []int32   `fory:"type=array(element=int32)"`
	Longs   []int64   `fory:"type=array(element=int64)"`
	Floats  []float32 `fory:"type=array(element=float32)"`
	Doubles []float64 `fory:"type=array(element=float64)"`
	Empty   []int32   `fory:"type=array(element=int32)"`
}

// ListToArray is this peer's side of evolution_list_to_array: lists (LIST of BOOL, INT16,
// VARINT32, VARINT64, FLOAT32, FLOAT64), which Rust declares as arrays (Vec<bool> ... Vec<f64>).
type ListToArray struct {
	Bools   []bool    `fory:"type=list(element=bool)"`
	Shorts  []int16   `fory:"type=list(element=int16)"`
	Ints    []int32   `fory:"type=list(element=int32)"`
	Longs   []int64   `fory:"type=list(element=int64)"`
	Floats  []float32 `fory:"type=list(element=float32)"`
	Doubles []float64 `fory:"type=list(element=float64)"`
	Empty   []int32   `fory:"type=list(element=int32)"`
}

// registrations builds a Register function from steps run in order.
func registrations(steps ...func(f *fory.Fory) error) func(f *fory.Fory) error {
	return func(f *fory.Fory) error {
		for _, step := range steps {
			if err := step(f); err != nil {
				return err
			}
		}
		return nil
	}
}

func byID(v any, id uint32) func(f *fory.Fory) error {
	return func(f *fory.Fory) error {
		if err := f.RegisterStruct(v, id); err != nil {
			return fmt.Errorf("%T as %d: %w", v, id, err)
		}
		return nil
	}
}

func byName(v any, name string) func(f *fory.Fory) error {
	return func(f *fory.Fory) error {
		if err := f.RegisterStructByName(v, name); err != nil {
			return fmt.Errorf("%T as %s: %w", v, name, err)
		}
		return nil
	}
}

func shapeByID(f *fory.Fory) error { return f.RegisterUnion(Shape{}, 111, shapeSerializer()) }

// structCase yields the schema-consistent case and its `_compatible` twin.
func structCase[T any](name string, register func(f *fory.Fory) error, v func() T) []*Case {
	consistent := value(name, Mode{Register: register}, v)
	compatible := value(name+"_compatible", Mode{Register: register, Compatible: true}, v)
	return []*Case{consistent, compatible}
}

func structCases() []*Case {
	inner := byID(Inner{}, 205)
	var cases []*Case
	add := func(cs []*Case) { cases = append(cases, cs...) }

	add(structCase("struct_primitives", byID(Primitives{}, 201), is(Primitives{
		Flag: true, Tiny: -5, ShortValue: -300, Count: 123456, Total: -9876543210, Ratio: 1.5, Precise: -2.25,
	})))
	add(structCase("struct_nullable_primitives", byID(NullablePrimitives{}, 202), func() NullablePrimitives {
		return NullablePrimitives{
			Flag: ptr(true), Tiny: nil, ShortValue: ptr(int16(-300)), Count: ptr(int32(123456)),
			Total: ptr(int64(-9876543210)), Ratio: nil, Precise: ptr(-2.25),
		}
	}))
	add(structCase("struct_strings", byID(Strings{}, 203), is(Strings{
		Ascii: "hello", Latin1: "café", Cjk: "你好", Empty: "",
	})))
	add(structCase("struct_nested", registrations(byID(Outer{}, 204), inner), is(Outer{
		Name: "outer", Inner: Inner{X: 7, Label: "in"}, Count: 2,
	})))
	add(structCase("struct_collections", byID(Collections{}, 206), func() Collections {
		tags := fory.NewSet[string]()
		tags.Add("x")
		return Collections{
			Names:  []string{"a", "b"},
			Tags:   tags,
			Scores: map[string]int32{"a": 1},
			Ids:    []int64{1, -2, 3},
			Matrix: [][]int32{{1}, {2, 3}},
		}
	}))
	add(structCase("struct_enum_field", registrations(colorByID, byID(WithEnum{}, 207)), is(WithEnum{
		Color: BLUE, Count: 3,
	})))
	add(structCase("struct_union_field", registrations(shapeByID, byID(WithUnion{}, 208)), is(WithUnion{
		Shape: Shape{Case: 1, Value: 2.5}, Count: 4,
	})))
	add(structCase("struct_data_enum", registrations(
		func(f *fory.Fory) error { return f.RegisterUnion(Event{}, 113, eventSerializer()) },
		byID(EventClick{}, 250), byID(EventPair{}, 251), byID(EventLog{}, 252),
	), is(EventLog{
		Click: Event{Case: 0, Value: EventClick{X: 1, Y: -2}},
		Pair:  Event{Case: 1, Value: EventPair{F0: "p", F1: 3}},
		Key:   Event{Case: 2, Value: "k"},
		Quit:  Event{Case: 3, Value: (*string)(nil)},
		Count: 4,
	})))
	optionals := registrations(byID(Optionals{}, 209), inner)
	add(structCase("struct_options_null", optionals, is(Optionals{})))
	add(structCase("struct_options_set", optionals, func() Optionals {
		return Optionals{
			MaybeName: ptr("n"), MaybeCount: ptr(int32(5)), MaybeList: []string{"l"},
			MaybeInner: &Inner{X: 1, Label: "i"},
		}
	}))
	add(structCase("struct_unsigned", byID(Unsigned{}, 210), is(Unsigned{
		U8v: 200, U16v: 60000, U32Fixed: 4000000000, U32Var: 4000000000,
		U64Fixed: 1<<63 + 5, U64Var: 1<<63 + 5, U64Tagged: 1 << 40,
		I32Fixed: -7, I64Fixed: -8, I64Tagged: 1 << 40,
	})))
	add(structCase("struct_tag_ids", byID(Tagged{}, 211), is(Tagged{
		Name: "t", Age: 30, Email: nil, Note: "no tag",
	})))
	add(structCase("struct_generic", byID(Pair{}, 212), func() Pair {
		return Pair{Key: "k", Value: 9, Items: []int32{1, 2}}
	}))
	add(structCase("struct_many_fields", byID(Many{}, 213), is(Many{
		F01: true, F02: 1, F03: 2, F04: 3, F05: 4, F06: 5.5, F07: 6.5, F08: "s8",
		F09: false, F10: -1, F11: -2, F12: -3, F13: -4, F14: -5.5, F15: -6.5, F16: "s16",
		F17: true, F18: 17, F19: 18, F20: 19, F21: 20, F22: 21.5, F23: 22.5, F24: "s24",
		F25: false, F26: 25, F27: 26, F28: 27, F29: 28, F30: 29.5, F31: 30.5, F32: "s32",
	})))
	add(structCase("struct_tuple", byID(Point{}, 214), is(Point{F0: 3, F1: -4})))
	add(structCase("struct_named", byName(Person{}, "example.Person"), is(Person{Name: "Ada", Age: 36})))
	// By-name user types as field types.
	add(structCase("struct_enum_field_by_name", registrations(colorByName, byID(WithEnum{}, 207)), is(WithEnum{
		Color: BLUE, Count: 3,
	})))
	add(structCase("struct_nested_by_name", registrations(byID(Outer{}, 204), byName(Inner{}, "example.Inner")), is(Outer{
		Name: "outer", Inner: Inner{X: 7, Label: "in"}, Count: 2,
	})))

	// Lists of a declared element type holding only nulls: fory-go writes each `0e` (same type,
	// declared, has null) and the null flags, as Java does.
	add(structCase("all_null_lists", byID(AllNullLists{}, 235), func() AllNullLists {
		return AllNullLists{Numbers: []*float64{nil, nil}, Texts: []*string{nil}, Counts: []*int32{nil}}
	}))

	evolution := value("evolution_drop_add",
		Mode{Compatible: true, Register: registrations(byID(Evolving{}, 220), inner)},
		func() Evolving {
			return Evolving{A: 1, B: Inner{X: 2, Label: "bee"}, C: []string{"x", "y"}}
		})
	// Rust's Evolving has no b, so b comes back as Go's zero value.
	evolution.Expect = func() any { return Evolving{A: 1, C: []string{"x", "y"}} }
	cases = append(cases, evolution)

	// The same fields declared as arrays on one side and lists on the other.
	bools := func() []bool { return []bool{true, false} }
	shorts := func() []int16 { return []int16{1, -1, math.MinInt16, math.MaxInt16} }
	ints := func() []int32 { return []int32{1, -1, 0, math.MinInt32, math.MaxInt32} }
	longs := func() []int64 { return []int64{1, -1, math.MinInt64, math.MaxInt64} }
	floats := func() []float32 { return []float32{1.5, -2.0, math.MaxFloat32} }
	doubles := func() []float64 { return []float64{1.5, -2.0, math.MaxFloat64} }
	cases = append(cases,
		value("evolution_array_to_list",
			Mode{Compatible: true, Register: byID(ArrayToList{}, 221)},
			func() ArrayToList {
				return ArrayToList{
					Bools: bools(), Shorts: shorts(), Ints: ints(), Longs: longs(),
					Floats: floats(), Doubles: doubles(), Empty: []int32{},
				}
			}),
		value("evolution_list_to_array",
			Mode{Compatible: true, Register: byID(ListToArray{}, 222)},
			func() ListToArray {
				return ListToArray{
					Bools: bools(), Shorts: shorts(), Ints: ints(), Longs: longs(),
					Floats: floats(), Doubles: doubles(), Empty: []int32{},
				}
			}),
	)
	return cases
}
