package main

// The out-of-band buffer cases of CASES.md. fory-go v1.6.0 has SerializeWithCallback, but it
// never calls the callback: it sets the header's out-of-band bit and still writes every binary
// and array in the plain form, without the in-band flag byte that the other implementations
// write and expect under that bit. So none of these cases can be expressed.
const oobUnsupported = "fory-go v1.6.0 never calls the buffer callback: it sets the out-of-band" +
	" header bit but writes every buffer in the plain form, without the in-band flag byte"

func oobCases() []*Case {
	names := []string{
		"oob_binary_in_band",
		"oob_binary_out_of_band",
		"oob_binary_list_alternating",
		"oob_int32_array_in_band",
		"oob_int32_array_out_of_band",
		"oob_float64_array_alternating",
		"oob_struct_out_of_band",
		"oob_struct_alternating",
		"oob_numpy_float64_out_of_band",
		"oob_numpy_int32_out_of_band",
		"oob_numpy_struct_out_of_band",
		"oob_numpy_struct_alternating",
		"oob_numpy_list_out_of_band",
	}
	cases := make([]*Case, len(names))
	for i, name := range names {
		cases[i] = &Case{Name: name, Unsupported: oobUnsupported}
	}
	return cases
}
