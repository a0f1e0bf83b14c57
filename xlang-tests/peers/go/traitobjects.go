package main

// trait_object_fields (and _compatible): fields, slice elements and map values typed by an
// interface, each value written with its concrete type's type info.

// Animal is implemented by Dog and Cat.
type Animal interface {
	Legs() int
}

// Dog (250).
type Dog struct {
	Name   string
	Volume int32
}

// Cat (251).
type Cat struct {
	Lives int32
}

func (Dog) Legs() int { return 4 }
func (Cat) Legs() int { return 4 }

// Zoo (252).
type Zoo struct {
	Star    Animal
	Animals []Animal
	Keepers map[string]Animal
}

// interfaceFieldFlag is why fory-go cannot read the Java form of the case.
const interfaceFieldFlag = "fory-go v1.6.0 writes the not-null flag ff before an interface-typed " +
	"field (ff 1b fa01 ... for Star) although its TypeDef, like Java's, declares the field not " +
	"nullable, and expects the flag when reading: Java and pyfory write the type info at once " +
	"(1b fa01 ...), which fory-go reads as a flag"

func traitObjectCases() []*Case {
	register := registrations(byID(Dog{}, 250), byID(Cat{}, 251), byID(Zoo{}, 252))
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
