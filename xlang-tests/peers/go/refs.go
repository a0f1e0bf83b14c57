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
