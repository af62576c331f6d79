//go:build ignore

// gen_fmt_tables.go — generates, by running Go's own fmt and strconv (Go
// 1.19), the expected outputs that test/unit/test_fmt.cpp checks go::fmt
// against, and the IsPrint tables of pkg/strconv. Run from the repository
// root:
//
//	go run tools/gen_fmt_tables.go            writes test/unit/fmt_cases.h
//	                                          and test/unit/fmt_floats.h
//	go run tools/gen_fmt_tables.go -isprint   writes pkg/strconv/isprint.cpp
//
// The output is deterministic (fixed random seed), so running it again with
// the same Go gives the same files: `git diff` after a run shows nothing.
//
// Only types whose Go name go::fmt reproduces are used: int (C++ int), uint
// (unsigned), int8, int16, int64 (long), uint8, uint16, uint64, float32,
// float64, string, bool.
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// cstr renders s as a C++ string literal: octal escapes for anything that
// is not plain printable ASCII (octal escapes stop after 3 digits, unlike \x).
func cstr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '?':
			b.WriteString(`\?`) // no trigraphs
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func cdouble(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "__builtin_inf()"
	case math.IsInf(f, -1):
		return "-__builtin_inf()"
	case math.IsNaN(f):
		return "__builtin_nan(\"\")"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	return s
}

func cfloat(f float32) string {
	switch {
	case math.IsInf(float64(f), 1):
		return "__builtin_inff()"
	case math.IsInf(float64(f), -1):
		return "-__builtin_inff()"
	case math.IsNaN(float64(f)):
		return "__builtin_nanf(\"\")"
	}
	return strconv.FormatFloat(float64(f), 'e', -1, 32) + "f"
}

// cints: the C++ type of each Go integer type the cases use, and the suffix
// that gives its literals a type the value fits in.
var cints = map[string]struct{ ctype, suffix string }{
	"int":    {"int", ""},
	"uint":   {"unsigned", "u"},
	"int8":   {"int8_t", ""},
	"int16":  {"int16_t", ""},
	"int64":  {"int64_t", "L"},
	"uint8":  {"uint8_t", ""},
	"uint16": {"uint16_t", ""},
	"uint64": {"uint64_t", "UL"},
}

// carg renders one Go value as the C++ expression of the matching type.
func carg(v any) string {
	switch x := v.(type) {
	case int:
		if x != int(int32(x)) {
			panic("int case out of C++ int range")
		}
		if x == math.MinInt32 { // -2147483648 would be minus a literal too large for int
			return "int(-2147483647 - 1)"
		}
	case int64:
		if x == math.MinInt64 {
			return "int64_t(-9223372036854775807L - 1)"
		}
	case float64:
		return fmt.Sprintf("double(%s)", cdouble(x))
	case float32:
		return fmt.Sprintf("float(%s)", cfloat(x))
	case string:
		return cstr(x)
	case bool:
		return fmt.Sprint(x)
	case nil:
		return "nullptr"
	}
	if c, ok := cints[fmt.Sprintf("%T", v)]; ok {
		return fmt.Sprintf("%s(%d%s)", c.ctype, v, c.suffix)
	}
	panic(fmt.Sprintf("unsupported %T", v))
}

var out strings.Builder

func line(format string, args ...any) { fmt.Fprintf(&out, format+"\n", args...) }

// table emits the formats once, then one row per value holding the output
// of every format, in order: {value, {want0, want1, ...}}.
func table(name, ctype string, formats []string, values []any) {
	fs := []string{}
	for _, f := range formats {
		fs = append(fs, cstr(f))
	}
	line("static const char* const %sFormats[] = {%s};", name, strings.Join(fs, ", "))
	line("static constexpr Row<%s, %d> %s[] = {  // constexpr: static data, no initializer code", ctype, len(formats), name)
	for _, v := range values {
		ws := []string{}
		for _, f := range formats {
			w := fmt.Sprintf(f, v)
			if strings.Contains(w, "\x00") { // a plain literal would stop at the NUL
				ws = append(ws, cstr(w)+"sv")
			} else {
				ws = append(ws, cstr(w))
			}
		}
		line("    {%s, {%s}},", carg(v), strings.Join(ws, ", "))
	}
	line("};")
}

var intFormats = []string{
	"%v", "%d", "%5d", "%-5d|", "%05d", "%-05d|", "%+d", "% d", "%+05d", "% 05d", "%x", "%#x", "%X", "%#X",
	"%o", "%#o", "%O", "%#O", "%b", "%#b", "%.3d", "%8.3d", "%-8.3d|", "%08.3d", "%.0d", "%5.0d|", "%08x",
	"%#08x", "%+x", "%c", "%q", "%+q", "%#q", "%U", "%#U", "%.6U", "%10U|", "%#v", "%+v", "%T", "%10T|",
	"%.2T", "%s", "%t", "%p", "%f", "%z", "%5s", "%-#12x|", "% x", "%#.5o",
}

var floatFormats = []string{
	"%v", "%e", "%E", "%f", "%F", "%g", "%G", "%.0f", "%.1f", "%.2f", "%.3e", "%.0e", "%.10g", "%.3g",
	"%.0g", "%.1g", "%.17g", "%.20f", "%.25e", "%10.3f", "%-10.3f|", "%010.3f", "%-010.3f|", "%+f", "% f",
	"%+.3e", "% .3e", "%#g", "%#.3g", "%#e", "%#.0f", "%#.0e", "%#v", "%+v", "%08v", "%8v|", "%-8v|",
	"%.3v", "%10.4v", "%b", "%x", "%X", "%.2x", "%#x", "%.0x", "%#.3x", "%+x", "%T", "%d", "%s", "%q",
	"%#G", "%#.4f", "%+08.2f", "% 08.2f", "%12e", "%012e", "%012g",
}

var stringFormats = []string{
	"%v", "%s", "%10s|", "%-10s|", "%010s", "%.2s", "%5.1s|", "%.0s|", "%x", "% x", "%#x", "% #x",
	"%X", "%.3x", "%10x|", "%-10x|", "%q", "%+q", "%#q", "%#+q", "%12q|", "%-12q|", "%.3q", "%#v",
	"%T", "%d", "%t", "%c", "%p", "%5d",
}

var boolFormats = []string{"%v", "%t", "%6t|", "%-6t|", "%06t", "%#v", "%T", "%d", "%s", "%q"}

// funcs emits the checks in small functions (huge ones make g++'s debug-info
// passes crawl) and an array name[] of them.
func funcs(name string, calls []string) {
	var names []string
	for i := 0; i < len(calls); i += 8 {
		j := i + 8
		if j > len(calls) {
			j = len(calls)
		}
		fn := fmt.Sprintf("%s%d", name, i/8)
		names = append(names, fn)
		line("static void %s() {", fn)
		for _, c := range calls[i:j] {
			line("    %s", c)
		}
		line("}")
	}
	line("static void (*const %s[])() = {%s};", name, strings.Join(names, ", "))
}

func genCases() string {
	out.Reset()
	var calls []string
	line("// Generated by tools/gen_fmt_tables.go from Go %s's fmt: do not edit.", goVersion)
	line("// Included by test_fmt.cpp, which defines Row, FMT_CASE and PRINT_CASE.")
	line("// clang-format off")
	table("kIntCases", "int", intFormats, []any{0, 1, -1, 7, 42, -42, 65, 255, 0x1F600, 0xD800, 1000000, math.MaxInt32, math.MinInt32})
	table("kInt64Cases", "int64_t", intFormats, []any{int64(math.MinInt64), int64(math.MaxInt64), int64(-1), int64(1 << 40)})
	table("kUint64Cases", "uint64_t", intFormats, []any{uint64(math.MaxUint64), uint64(0), uint64(0x110000)})
	table("kUintCases", "unsigned", []string{"%v", "%d", "%x", "%T", "%#v", "%c"}, []any{uint(4000000000), uint(9)})
	table("kInt8Cases", "int8_t", []string{"%v", "%x", "%T", "%c", "%08b"}, []any{int8(-128), int8(127)})
	table("kInt16Cases", "int16_t", []string{"%v", "%x", "%T", "%o"}, []any{int16(-32768), int16(300)})
	table("kUint8Cases", "uint8_t", []string{"%v", "%x", "%T", "%c", "%q", "%#v"}, []any{uint8(0), uint8(200), uint8('a')})
	table("kUint16Cases", "uint16_t", []string{"%v", "%X", "%T", "%U"}, []any{uint16(65535)})
	floats := []any{0.0, math.Copysign(0, -1), 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 3.0, 100.0, 123456.789,
		1e-7, 1e-5, 0.0001, 1e6, 1e20, 1e21, 1e23, 1e100, 100000000.0, 123456789.0, 5e-324,
		math.MaxFloat64, 2.2250738585072014e-308, 1.0 / 3, 2.0 / 3, 9.5, 0.05, 0.15, 1e15,
		math.Inf(1), math.Inf(-1), math.NaN(), 4.35, 0.000123456, 8.41e21, float64(1 << 53), 0.3}
	table("kDoubleCases", "double", floatFormats, floats)
	f32 := []any{float32(0), float32(0.1), float32(0.3), float32(1.0 / 3), float32(16777216), float32(1e10),
		float32(math.SmallestNonzeroFloat32), float32(math.MaxFloat32), float32(-2.5), float32(math.Inf(1)), float32(3.4e-38)}
	table("kFloatCases", "float", floatFormats, f32)
	strs := []any{"", "hi", "hello, world", "héllo wörld", "日本語", "tab\there", "nl\n", "`back`", "quote\"s",
		"\x01\x7f", "\xff\xfe", "a\xc3", "\u00a0\u00ad", "\U0001F600 smile", "\u2028", "\ufeffbom", "ok\\path", "\U000e0100"}
	table("kStringCases", "const char*", stringFormats, strs)
	table("kBoolCases", "bool", boolFormats, []any{true, false})

	// Errors, arity, reordering, star arguments.
	for _, c := range [][]any{
		{"%d"}, {"%d %s", 1}, {"%"}, {"abc%"}, {"%-"}, {"%5"}, {"%.", 1}, {"%.3"}, {"%!", 1}, {"%z %d", 1, 2},
		{"%d", 1, 2}, {"%d", 1, "x", 2.5, true}, {"", 1}, {"no verbs", "a", nil}, {"%s %s", "a"},
		{"%[1]d %[1]x", 10}, {"%[2]d %[1]d", 1, 2}, {"%[3]d", 1, 2}, {"%[0]d", 1}, {"%[x]d", 1}, {"%[1]", 1},
		{"%[", 1}, {"%[1", 1}, {"%[]d", 1}, {"%[2]*[1]d", 12, 5}, {"%[1]2d", 1}, {"%[1].2d", 1}, {"%.[2]d", 1, 2},
		{"%[2]d %d", 1, 2, 3}, {"%[1]d", 1, 2}, {"%d %[1]d %d", 1, 2},
		{"%*d", 5, 42}, {"%-*d|", 5, 42}, {"%*d|", -5, 42}, {"%.*f", 2, 3.14159}, {"%.*f", -1, 3.14159},
		{"%*.*f", 10, 3, 3.14159}, {"%*d", "x", 42}, {"%.*d", "x", 42}, {"%*d", 10000000, 1}, {"%*d", uint64(5), 1},
		{"%*d", uint8(3), 1}, {"%*d", int64(-3), 1}, {"%*d"}, {"%.*d", 1}, {"%*d", true, 1},
		{"%99999999999999999999d", 1}, {"%.99999999999999999999d", 1},
		{"%5%|%-5%|%.3%", 1}, {"%%%d%%", 3}, {"%é", 5}, {"%\xff", 5}, {"%!(x)", 1},
		{"%s and %v", nil, nil}, {"%d", nil}, {"%T %v", nil, nil}, {"%10v|%-10v|", nil, nil},
		{"%v %v", true, false}, {"%5.2v|", "abcdef"}, {"%x %X", "hi", uint8(255)},
		{"%s=%d, %s=%g", "a", 1, "b", 2.5}, {"%c%c%c", 72, 105, 0x1F600},
		{"%+v %+d %+s", 5, 5, "s"}, {"%#v %#v %#v %#v %#v", 5, uint(5), "s", 1.0, true},
		{"%-+8.3f|%+-8.3f|", 3.14159, -3.14159}, {"%0-8d|%-08d|", 5, 5}, {"%# x", "abc"},
		{"%08s|%-08s|", "ab", "ab"}, {"%.1q %.1x", "日本", "日本"},
		{"%6.2f%%", 99.5}, {"%.1074f", 5e-324}, {"%.770e", 2.2250738585072014e-308}, {"%.40g", 0.1},
		{"%.16e %.17e %.0e", 1e23, 1e23, 5e-324}, {"%d %d %d %d", int8(-1), int16(-1), int64(-1), uint16(1)},
	} {
		format := c[0].(string)
		wantArgs := c[1:]
		want := fmt.Sprintf(format, wantArgs...)
		parts := []string{cstr(want), cstr(format)}
		for _, a := range wantArgs {
			parts = append(parts, carg(a))
		}
		calls = append(calls, fmt.Sprintf("FMT_CASE(%s);", strings.Join(parts, ", ")))
	}
	funcs("kFmtMulti", calls)
	calls = nil

	// Print and Println spacing.
	for _, c := range [][]any{
		{}, {"a"}, {1}, {"a", "b"}, {1, 2}, {"a", 1, "b"}, {1, "a", 2}, {1, 2, "x", 3, 4}, {"x", nil, 1},
		{nil, nil}, {true, 1.5, "s", -3}, {1.0, 2.5e10, float32(0.1)}, {"", ""}, {uint8(65), "B"},
	} {
		args := []string{}
		for _, a := range c {
			args = append(args, carg(a))
		}
		calls = append(calls, fmt.Sprintf("PRINT_CASE(%s);", strings.Join(append([]string{cstr(fmt.Sprint(c...)), cstr(fmt.Sprintln(c...))}, args...), ", ")))
	}
	funcs("kFmtPrint", calls)
	return out.String()
}

// genFloats: strconv.FormatFloat(f, 'g', -1, size) of random floats
// (uniform over bit patterns, over exponents, and short decimals). Only the
// output is stored: being the shortest string that reads back as f, the
// test recovers f from it with strtod/strtof and formats it again.
func genFloats() string {
	out.Reset()
	line("// Generated by tools/gen_fmt_tables.go from Go %s's strconv: do not edit.", goVersion)
	line("// clang-format off")
	r := rand.New(rand.NewSource(1))
	emit := func(ss []string) {
		for i := 0; i < len(ss); i += 4 {
			j := i + 4
			if j > len(ss) {
				j = len(ss)
			}
			line("    %s,", strings.Join(ss[i:j], ", "))
		}
	}
	var ss []string
	for i := 0; i < 3000; i++ {
		var f float64
		switch i % 3 {
		case 0: // any bit pattern
			f = math.Float64frombits(r.Uint64())
		case 1: // any exponent
			f = math.Ldexp(1+r.Float64(), r.Intn(2098)-1074)
		default: // short decimals
			f, _ = strconv.ParseFloat(fmt.Sprintf("%de%d", r.Intn(100000), r.Intn(60)-30), 64)
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			f = 1.5
		}
		ss = append(ss, cstr(strconv.FormatFloat(f, 'g', -1, 64)))
	}
	line("static const char* const kShortest64[] = {")
	emit(ss)
	line("};")
	ss = nil
	for i := 0; i < 600; i++ {
		f := math.Float32frombits(r.Uint32())
		if i%2 == 1 {
			f = float32(math.Ldexp(1+r.Float64(), r.Intn(276)-149))
		}
		if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
			f = 2.5
		}
		ss = append(ss, cstr(strconv.FormatFloat(float64(f), 'g', -1, 32)))
	}
	line("static const char* const kShortest32[] = {")
	emit(ss)
	line("};")
	// Fixed precision: {shortest form of f, verb, precision, FormatFloat}.
	line("static const FixedCase kFixed64[] = {")
	verbs := []byte{'e', 'f', 'g'}
	for i := 0; i < 450; i++ {
		f := math.Float64frombits(r.Uint64())
		if i%2 == 1 {
			f = math.Ldexp(1+r.Float64(), r.Intn(400)-200)
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			f = 0.1
		}
		verb := verbs[i%3]
		prec := r.Intn(25)
		if verb == 'f' { // keep %f rows short: |f| within 2^±100
			f = math.Ldexp(1+r.Float64(), r.Intn(200)-100)
		}
		line("    {%s, '%c', %d, %s},", cstr(strconv.FormatFloat(f, 'g', -1, 64)), verb, prec,
			cstr(strconv.FormatFloat(f, verb, prec, 64)))
	}
	line("};")
	return out.String()
}

var goVersion = strings.TrimPrefix(runtime.Version(), "go")

func main() {
	isprint := flag.Bool("isprint", false, "write pkg/strconv/isprint.cpp")
	flag.Parse()
	if *isprint {
		must(os.WriteFile("pkg/strconv/isprint.cpp", []byte(genIsPrint()), 0o644))
		return
	}
	must(os.WriteFile("test/unit/fmt_cases.h", []byte(genCases()), 0o644))
	must(os.WriteFile("test/unit/fmt_floats.h", []byte(genFloats()), 0o644))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// genIsPrint returns pkg/strconv/isprint.cpp: the inclusive ranges of runes
// above U+00FF for which strconv.IsPrint is true, split at U+10000 into a
// 16-bit and a 32-bit table (Go's isprint.go splits the same way).
func genIsPrint() string {
	out.Reset()
	var r16, r32 [][2]rune
	in := false
	var lo rune
	for r := rune(0x100); r <= 0x110000; r++ {
		p := r <= 0x10FFFF && strconv.IsPrint(r)
		if p && !in {
			lo = r
		}
		if in && (!p || r == 0x10000) {
			if lo < 0x10000 {
				r16 = append(r16, [2]rune{lo, r - 1})
			} else {
				r32 = append(r32, [2]rune{lo, r - 1})
			}
			if p {
				lo = r
			}
		}
		in = p
	}
	line("// Code generated by tools/gen_fmt_tables.go -isprint from Go %s's strconv; DO NOT EDIT.", goVersion)
	line("//")
	line("// isprint.cpp — the tables of strconv.IsPrint (quote.cpp), as Go's")
	line("// strconv/isprint.go: the runes above U+00FF that Go's strconv.IsPrint")
	line("// accepts, found by asking it about every rune, as inclusive ranges.")
	line("#include \"pkg/strconv/strconv.h\"")
	line("")
	line("namespace go::strconv {")
	line("")
	emitRanges("isPrint16", "uint16_t", r16, 4)
	line("")
	emitRanges("isPrint32", "uint32_t", r32, 5)
	line("")
	line("}  // namespace go::strconv")
	return out.String()
}

func emitRanges(name, typ string, rs [][2]rune, width int) {
	line("const %s %s[] = {", typ, name)
	var b strings.Builder
	for _, r := range rs {
		s := fmt.Sprintf("0x%0*x,0x%0*x,", width, r[0], width, r[1])
		if b.Len() > 0 && b.Len()+len(s)+1 > 96 {
			line("    %s", strings.TrimRight(b.String(), " "))
			b.Reset()
		}
		b.WriteString(s + " ")
	}
	line("    %s", strings.TrimRight(b.String(), " "))
	line("};")
	line("const size_t %sLen = sizeof %s / sizeof %s[0];", name, name, name)
}
