package main

// ext_value, ext_field (and _by_name, each also _compatible), ext_collections (also _compatible):
// a type with a custom encoding, registered as an extension type (EXT by id, NAMED_EXT by name),
// at the root, as a struct field, and in a slice, a nullable field and a map.

import (
	"fmt"
	"reflect"

	"github.com/apache/fory/go/fory"
)

// Money (270, or example.Money): its payload is written by moneySerializer, not as a struct.
type Money struct {
	Cents    int64
	Currency string
}

// Invoice (271): a struct with a Money field.
type Invoice struct {
	Item  string
	Price Money
	Count int32
}

// Wallet (272): Money as a slice element, a nullable field and a map value.
type Wallet struct {
	Coins   []Money
	Spare   *Money `fory:"nullable"`
	ByOwner map[string]Money
}

// moneySerializer writes Cents as a varint64, then Currency as a string (fory-go writes every
// string as UTF-8).
type moneySerializer struct{}

func (moneySerializer) WriteData(ctx *fory.WriteContext, value reflect.Value) {
	m := reflect.Indirect(value).Interface().(Money)
	ctx.WriteVarint64(m.Cents)
	ctx.WriteString(m.Currency)
}

func (moneySerializer) ReadData(ctx *fory.ReadContext, value reflect.Value) {
	cents := ctx.ReadVarint64()
	currency := ctx.ReadString()
	reflect.Indirect(value).Set(reflect.ValueOf(Money{Cents: cents, Currency: currency}))
}

func moneyByID(f *fory.Fory) error {
	if err := f.RegisterExtension(Money{}, 270, moneySerializer{}); err != nil {
		return fmt.Errorf("Money as 270: %w", err)
	}
	return nil
}

func moneyByName(f *fory.Fory) error {
	if err := f.RegisterExtensionByName(Money{}, "example.Money", moneySerializer{}); err != nil {
		return fmt.Errorf("Money as example.Money: %w", err)
	}
	return nil
}

func extCases() []*Case {
	var cases []*Case
	money := is(Money{Cents: 1999, Currency: "EUR"})
	invoice := is(Invoice{Item: "tea", Price: Money{Cents: -250, Currency: "GBP"}, Count: 3})
	for _, by := range []struct {
		suffix   string
		register func(f *fory.Fory) error
	}{{"", moneyByID}, {"_by_name", moneyByName}} {
		cases = append(cases, structCase("ext_value"+by.suffix, by.register, money)...)
		cases = append(cases, structCase("ext_field"+by.suffix,
			registrations(by.register, byID(Invoice{}, 271)), invoice)...)
	}
	collections := structCase("ext_collections",
		registrations(moneyByID, byID(Wallet{}, 272)), func() Wallet {
			return Wallet{
				Coins:   []Money{{Cents: 1, Currency: "EUR"}, {Cents: 2, Currency: "EUR"}},
				Spare:   &Money{Cents: 3, Currency: "EUR"},
				ByOwner: map[string]Money{"a": {Cents: 4, Currency: "EUR"}},
			}
		})
	collections[1].ReadUnsupported = pointerToExtField
	collections[1].ReadFailure = "Spare: &{Cents: 135,"
	return append(cases, collections...)
}

// pointerToExtField is why fory-go cannot read ext_collections_compatible, its own bytes
// included.
const pointerToExtField = "fory-go v1.6.0 writes the nullable *Money field in compatible mode " +
	"as Java does (ff 1f 8e02, then the payload 06 ...), but its pointer serializer reads only the " +
	"type id 1f of the type info and takes the user id 8e02 (270) for the payload: Spare decodes " +
	"as {Cents: 135, ...}"
