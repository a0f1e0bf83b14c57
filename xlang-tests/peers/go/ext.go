package main

// ext_value, ext_field (and _by_name, each also _compatible): a type with a custom encoding,
// registered as an extension type (EXT by id, NAMED_EXT by name), at the root and as a struct
// field.

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
	return cases
}
