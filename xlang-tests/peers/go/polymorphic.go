package main

// polymorphic_list, polymorphic_list_field (each also _compatible): a list of two structs, an
// enum, scalars and a null, at the root and as the field of a Bag.

// Other (240).
type Other struct {
	Code int64
	Note string
}

// Bag (241).
type Bag struct {
	Name  string
	Items []any
}

func polymorphicItems() []any {
	return []any{Inner{X: 1, Label: "i"}, BLUE, "s", int64(7), 2.5, nil, Other{Code: -3, Note: "o"}}
}

func polymorphicCases() []*Case {
	register := registrations(colorByID, byID(Inner{}, 205), byID(Other{}, 240), byID(Bag{}, 241))
	var cases []*Case
	cases = append(cases, structCase("polymorphic_list", register, polymorphicItems)...)
	cases = append(cases, structCase("polymorphic_list_field", register, func() Bag {
		return Bag{Name: "bag", Items: polymorphicItems()}
	})...)
	return cases
}
