package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
)

// The cases file of the generative suite (xlang-tests/GENERATIVE.md).

// Doc is the whole cases file.
type Doc struct {
	Seed  uint64  `json:"seed"`
	Peer  string  `json:"peer"`
	Cases []*Case `json:"cases"`
}

// Case is one generated case.
type Case struct {
	Name        string      `json:"name"`
	Compatible  bool        `json:"compatible"`
	RefTracking bool        `json:"ref_tracking"`
	Callback    *string     `json:"callback"`
	Types       []*UserType `json:"types"`
	// Value is the root struct's value as decoded JSON (numbers as json.Number).
	Value any `json:"value"`
	// Objects are the struct objects "shared" positions name ({"object": k}).
	Objects []*Object `json:"objects"`

	byName map[string]*UserType
	// built holds each object once built (a pointer); decoded and decodedIndex the decoded
	// pointer met for each object index during a comparison, and the reverse.
	built        map[int]reflect.Value
	decoded      map[int]uintptr
	decodedIndex map[uintptr]int
}

// Object is an entry of a case's object table: a struct value by its type's name.
type Object struct {
	Type  string `json:"type"`
	Value any    `json:"value"`
}

// UserType is a struct, enum or union of a case.
type UserType struct {
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	ID        *uint32  `json:"id"`
	Namespace string   `json:"namespace"`
	TypeName  string   `json:"type_name"`
	Fields    []*Field `json:"fields"`
	Variants  int      `json:"variants"`
	Cases     []*Type  `json:"cases"`
}

// Field is a struct field.
type Field struct {
	Name     string `json:"name"`
	Tag      *int   `json:"tag"`
	Nullable bool   `json:"nullable"`
	Type     *Type  `json:"type"`
}

// Type is a type of the schema: a scalar, an encoded integer, an array, a list, a set, a map
// or a user type by name.
type Type struct {
	Kind     string
	Encoding string
	// ArrayOf is the element scalar of an array.
	ArrayOf string
	// Element is the element of a list or set.
	Element *Type
	Key     *Type
	Value   *Type
	// Nullable: list elements or map values may be null.
	Nullable bool
	// User is the user type's name (struct, enum, union).
	User string
}

func (t *Type) UnmarshalJSON(data []byte) error {
	var raw struct {
		Kind     string          `json:"kind"`
		Encoding string          `json:"encoding"`
		Element  json.RawMessage `json:"element"`
		Key      *Type           `json:"key"`
		Value    *Type           `json:"value"`
		Nullable bool            `json:"nullable"`
		Type     string          `json:"type"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*t = Type{Kind: raw.Kind, Encoding: raw.Encoding, Key: raw.Key, Value: raw.Value,
		Nullable: raw.Nullable, User: raw.Type}
	if len(raw.Element) > 0 {
		if raw.Element[0] == '"' {
			if err := json.Unmarshal(raw.Element, &t.ArrayOf); err != nil {
				return err
			}
		} else {
			t.Element = new(Type)
			if err := json.Unmarshal(raw.Element, t.Element); err != nil {
				return err
			}
		}
	}
	return nil
}

// isScalar reports whether kind names a scalar.
func isScalar(kind string) bool {
	_, ok := scalarGo[kind]
	return ok
}

// nilable: the Go type of the kind has a nil of its own (a slice or a map), so a nullable
// one needs no pointer.
func (t *Type) nilable() bool {
	switch t.Kind {
	case "binary", "array", "list", "set", "map", "shared":
		return true
	}
	return false
}

func (c *Case) userType(name string) *UserType {
	if c.byName == nil {
		c.byName = make(map[string]*UserType, len(c.Types))
		for _, u := range c.Types {
			c.byName[u.Name] = u
		}
	}
	return c.byName[name]
}

func readDoc(path string) (*Doc, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc Doc
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &doc, nil
}
