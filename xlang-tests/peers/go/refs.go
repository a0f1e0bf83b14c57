package main

import (
	"fmt"
	"reflect"
)

// ref_self, ref_cycle (CASES.md), each also _compatible, reference tracking on: SelfRef {name:
// "me", me: <itself>}; a = Link {name: "a", next: b}, b = Link {name: "b", next: a}, written
// from a. `ref` marks the link reference-tracked in the schema, as for ref_tree's Parent.

// SelfRef (231).
type SelfRef struct {
	Name string
	Me   *SelfRef `fory:"nullable,ref"`
}

// Link (232).
type Link struct {
	Name string
	Next *Link `fory:"nullable,ref"`
}

// linkShape is a node without its cycle, for equal and show (which would follow it forever):
// its name, and what its link is ("itself", the name of the node that holds it, "nil", or
// "<another object>").
type linkShape struct {
	Name string
	Link string
}

func refCases() []*Case {
	var cases []*Case
	for _, compatible := range []bool{false, true} {
		suffix := ""
		if compatible {
			suffix = "_compatible"
		}
		self := value("ref_self"+suffix, Mode{Compatible: compatible, Ref: true, Register: byID(SelfRef{}, 231)},
			is([]linkShape{{Name: "me", Link: "itself"}}))
		self.WireType = reflect.TypeFor[*SelfRef]()
		self.Wire = func(any) any {
			s := &SelfRef{Name: "me"}
			s.Me = s
			return s
		}
		self.Unwire = func(v any) (any, error) {
			s, ok := v.(*SelfRef)
			if !ok || s == nil {
				return nil, fmt.Errorf("not a SelfRef: %T", v)
			}
			link := "<another object>"
			switch {
			case s.Me == nil:
				link = "nil"
			case s.Me == s:
				link = "itself"
			}
			return []linkShape{{Name: s.Name, Link: link}}, nil
		}

		cycle := value("ref_cycle"+suffix, Mode{Compatible: compatible, Ref: true, Register: byID(Link{}, 232)},
			is([]linkShape{{Name: "a", Link: "b"}, {Name: "b", Link: "a"}}))
		cycle.WireType = reflect.TypeFor[*Link]()
		cycle.Wire = func(any) any {
			a := &Link{Name: "a"}
			a.Next = &Link{Name: "b", Next: a}
			return a
		}
		cycle.Unwire = func(v any) (any, error) {
			a, ok := v.(*Link)
			if !ok || a == nil {
				return nil, fmt.Errorf("not a Link: %T", v)
			}
			b := a.Next
			if b == nil {
				return []linkShape{{Name: a.Name, Link: "nil"}}, nil
			}
			next := func(n, holder *Link) string {
				switch {
				case n.Next == nil:
					return "nil"
				case n.Next == holder:
					return holder.Name
				}
				return "<another object>"
			}
			return []linkShape{{Name: a.Name, Link: b.Name}, {Name: b.Name, Link: next(b, a)}}, nil
		}
		cases = append(cases, self, cycle)
	}
	return cases
}

// ref_list_with_nulls (CASES.md), also _compatible, reference tracking on: SharedItems {items:
// [nil, i, i]}, i = Inner {x: 1, label: "i"} one object. fory-go writes the list header 0b
// (null bit, element type named); Java 0d (a null is its reference flag).

// SharedItems (236).
type SharedItems struct {
	Items []*Inner `fory:"type=list(element=_(ref=true))"`
}

// sharedItemsShape is SharedItems compared by value, with whether items[1] and items[2] are
// one object.
type sharedItemsShape struct {
	Items     []*Inner
	OneObject bool
}

func sharedItemsCases() []*Case {
	var cases []*Case
	for _, compatible := range []bool{false, true} {
		suffix := ""
		if compatible {
			suffix = "_compatible"
		}
		register := registrations(byID(Inner{}, 205), byID(SharedItems{}, 236))
		i := &Inner{X: 1, Label: "i"}
		items := value("ref_list_with_nulls"+suffix, Mode{Compatible: compatible, Ref: true, Register: register},
			is(sharedItemsShape{Items: []*Inner{nil, i, i}, OneObject: true}))
		items.WireType = reflect.TypeFor[SharedItems]()
		items.Wire = func(any) any {
			i := &Inner{X: 1, Label: "i"}
			return SharedItems{Items: []*Inner{nil, i, i}}
		}
		items.Unwire = func(v any) (any, error) {
			s, ok := v.(SharedItems)
			if !ok {
				return nil, fmt.Errorf("not a SharedItems: %T", v)
			}
			one := len(s.Items) == 3 && s.Items[1] == s.Items[2]
			return sharedItemsShape{Items: s.Items, OneObject: one}, nil
		}
		cases = append(cases, items)
	}
	return cases
}
