package main

// trait_object_fields (and _compatible): fields, slice elements and map values typed by an
// interface, each value written with its concrete type's type info.

// Animal is implemented by Dog and Cat.
type Animal interface {
	Legs() int
}

// Dog (260).
type Dog struct {
	Name   string
	Volume int32
}

// Cat (261).
type Cat struct {
	Lives int32
}

func (Dog) Legs() int { return 4 }
func (Cat) Legs() int { return 4 }

// Zoo (262).
type Zoo struct {
	Star    Animal
	Animals []Animal
	Keepers map[string]Animal
}

// interfaceFieldFlag is why fory-go cannot read the Java form of the case.
const interfaceFieldFlag = "fory-go v1.6.0 writes the not-null flag ff before an interface-typed " +
	"field (ff 1b 8402 ... for Star) although its TypeDef, like Java's, declares the field not " +
	"nullable, and expects the flag when reading: Java and pyfory write the type info at once " +
	"(1b 8402 ...), which fory-go reads as a flag"

func traitObjectCases() []*Case {
	register := registrations(byID(Dog{}, 260), byID(Cat{}, 261), byID(Zoo{}, 262))
	cases := structCase("trait_object_fields", register, func() Zoo {
		return Zoo{
			Star:    Dog{Name: "Rex", Volume: 7},
			Animals: []Animal{Cat{Lives: 9}, Dog{Name: "Ace", Volume: 3}},
			Keepers: map[string]Animal{"kim": Cat{Lives: 1}},
		}
	})
	for _, c := range cases {
		c.ReadUnsupported = interfaceFieldFlag
		c.ReadFailure = "[struct Zoo]"
	}
	return cases
}

// Pen (263): trait_object_shared (and _compatible), reference tracking on: one Dog three times.
type Pen struct {
	First  Animal   `fory:"ref"`
	Second Animal   `fory:"ref"`
	All    []Animal `fory:"type=list(element=_(ref=true))"`
}

func pen() Pen {
	d := &Dog{Name: "Rex", Volume: 7}
	return Pen{First: d, Second: d, All: []Animal{d, &Cat{Lives: 9}}}
}

func oneDogInPen(got any) string {
	p := got.(Pen)
	if p.First != p.Second || p.All[0] != p.First {
		return "first, second and all[0] decoded as several objects, expected one"
	}
	return ""
}

// interfaceValueCopies is why fory-go cannot read trait_object_shared back.
const interfaceValueCopies = "fory-go v1.6.0 writes the case as Java does (one Dog, then the " +
	"references fe 01) but decodes a struct held in an interface as a value (main.Dog, not " +
	"*main.Dog), so the three references come back as three copies and the sharing is lost"

func traitObjectSharedCases() []*Case {
	register := registrations(byID(Dog{}, 260), byID(Cat{}, 261), byID(Pen{}, 263))
	var cases []*Case
	for _, compatible := range []bool{false, true} {
		suffix := ""
		if compatible {
			suffix = "_compatible"
		}
		c := value("trait_object_shared"+suffix, Mode{Compatible: compatible, Ref: true, Register: register}, pen)
		c.Check = oneDogInPen
		c.ReadUnsupported = interfaceValueCopies
		c.ReadFailure = "decoded main.Pen{First: main.Dog{"
		cases = append(cases, c)
	}
	return cases
}
