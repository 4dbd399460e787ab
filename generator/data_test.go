package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestUnknownCommandSuggestsTheNearest(t *testing.T) {
	for _, tc := range []struct{ args, want string }{
		{"server", `nianbao: unknown command "server"; did you mean "serve"?`},
		{"buidl", `nianbao: unknown command "buidl"; did you mean "build"?`},
		{"chek", `nianbao: unknown command "chek"; did you mean "check"?`},
		{"data templat", `nianbao data: unknown command "templat"; did you mean "template"?`},
		{"publish", `nianbao: unknown command "publish"`},
	} {
		var out, errb bytes.Buffer
		if code := run(strings.Fields(tc.args), &out, &errb); code != 2 {
			t.Errorf("%s: exit %d", tc.args, code)
		}
		if first := strings.SplitN(errb.String(), "\n", 2)[0]; first != tc.want {
			t.Errorf("%s: %q, want %q", tc.args, first, tc.want)
		}
	}
}
