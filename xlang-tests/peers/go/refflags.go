package main

import (
	"reflect"

	"github.com/apache/fory/go/fory"
)

// ref_map_of_lists, ref_union_cases (CASES.md), each also _compatible, reference tracking on:
// RefLists {by_key: {"k001": [], "k002": [1, -2]}, nested: [["a"], []]}; Choices {first: case
// 0 (7), second: case 2 (Inner {x: 1, label: "i"}), third: case 1 ("s")}.

// RefLists (233).
type RefLists struct {
	ByKey  map[string][]int64
	Nested [][]string
}

// distinctEmptySlices is RefLists.Wire. With reference tracking, fory-go 1.6.0 keys a slice by
// its data pointer and length, not its type, and every empty slice Go makes (`{}`, or its
// reader's) points at the same zero-size block: `nested[1]` would go out as a reference (`fe
// 01`) to `by_key["k001"]`, a list<int64>, which no reader takes for a list<string>. Each empty
// slice gets a backing array of its own instead.
func distinctEmptySlices(v any) any {
	r := v.(RefLists)
	out := RefLists{ByKey: make(map[string][]int64, len(r.ByKey))}
	for k, l := range r.ByKey {
		out.ByKey[k] = append(make([]int64, 0, 1), l...)
	}
	for _, l := range r.Nested {
		out.Nested = append(out.Nested, append(make([]string, 0, 1), l...))
	}
	return out
}

// Choice (union 112): case 0 `number: int32`, case 1 `text: string`, case 2 `inner: Inner`.
type Choice struct {
	Case  uint32
	Value any
}

func (Choice) ForyUnionMarker()                {}
func (c Choice) ForyUnionGet() (uint32, any)   { return c.Case, c.Value }
func (c *Choice) ForyUnionSet(n uint32, v any) { c.Case, c.Value = n, v }

func choiceSerializer() fory.Serializer {
	return fory.NewUnionSerializer(
		fory.UnionCase{ID: 0, Type: reflect.TypeFor[int32](), TypeID: fory.VARINT32},
		fory.UnionCase{ID: 1, Type: reflect.TypeFor[string](), TypeID: fory.STRING},
		fory.UnionCase{ID: 2, Type: reflect.TypeFor[Inner](), TypeID: fory.STRUCT},
	)
}

// Choices (234).
type Choices struct {
	First  Choice
	Second Choice
	Third  Choice
}

// unionFieldRefFlag is why ref_union_cases (schema-consistent) is not a Go case. (In compatible
// mode the TypeDef declares those fields tracked, so every side reads the flag.)
const unionFieldRefFlag = "fory-go v1.6.0 writes a reference flag before each union field when " +
	"reference tracking is on (ff 00 ff 05 0e for case 0 with 7) where Java writes none (00 ff 05 0e), " +
	"and expects one there: Java reads Go's flag as the case id (127), Go fails on Java's bytes (invalid ref flag 14)"

func refFlagCases() []*Case {
	choices := registrations(
		byID(Inner{}, 205),
		func(f *fory.Fory) error { return f.RegisterUnion(Choice{}, 112, choiceSerializer()) },
		byID(Choices{}, 234),
	)
	var cases []*Case
	for _, compatible := range []bool{false, true} {
		suffix := ""
		if compatible {
			suffix = "_compatible"
		}
		lists := value("ref_map_of_lists"+suffix, Mode{Compatible: compatible, Ref: true, Register: byID(RefLists{}, 233)},
			func() RefLists {
				return RefLists{
					ByKey:  map[string][]int64{"k001": {}, "k002": {1, -2}},
					Nested: [][]string{{"a"}, {}},
				}
			})
		lists.Wire = distinctEmptySlices
		lists.WireType = reflect.TypeFor[RefLists]()
		lists.Unwire = func(v any) (any, error) { return v, nil }
		union := value("ref_union_cases"+suffix, Mode{Compatible: compatible, Ref: true, Register: choices},
			is(Choices{
				First:  Choice{Case: 0, Value: int32(7)},
				Second: Choice{Case: 2, Value: Inner{X: 1, Label: "i"}},
				Third:  Choice{Case: 1, Value: "s"},
			}))
		if !compatible {
			union.Unsupported = unionFieldRefFlag
		}
		cases = append(cases, lists, union)
	}
	return cases
}
