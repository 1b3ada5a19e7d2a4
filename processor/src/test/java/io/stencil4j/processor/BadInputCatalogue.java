package io.stencil4j.processor;

import static io.stencil4j.processor.BadInput.input;

import java.util.List;

/**
 * Bad and unusual inputs, each with the one error it must give: annotation values, the
 * interface's shape, C files, compilers that misbehave, and options. {@code {root}} stands for
 * the directory that holds the C files.
 */
final class BadInputCatalogue {
  /** A fake clang's start: answers --version as clang 19; finds the object and rule files. */
  private static final String FAKE = """
      #!/bin/sh
      if [ "$1" = --version ]; then echo 'clang version 19.1.7'; exit 0; fi
      for argument; do
        case "$previous" in -o) object=$argument;; -MF) rule=$argument;; esac
        previous=$argument
        source=$argument
      done
      """;
  private static final String CLANG = "/usr/bin/clang-19";
  private static final String HOST = "x86_64-unknown-linux-gnu";
  private static final String BATCH = "cases ADD ... NEGATE (a batch of 2) for " + HOST;
  private static final String NOT_SECONDS = " (-Astencil.timeout or --timeout) is not a whole "
      + "number of seconds from 1 to 9223372036";
  private static final String MISSING_HEADER = "clang failed on case ADD for " + HOST + ":\n"
      + "fake-clang exited with status 0 but its dependency file (-MF) names "
      + "/nonexistent/header.h, which does not exist\n(1 more compile(s) failed too)";
  private static final String NO_RULE = "clang failed on case ADD for " + HOST + ":\n"
      + "fake-clang exited with status 0 but its dependency file (-MF) is not a make rule: \"";
  /** A clang that compiles for AArch64 whatever it is asked. */
  private static final String ANOTHER_MACHINE = FAKE + "for argument; do shift; case $argument "
      + "in -mcmodel=*|-mlarge-data-threshold=*) ;; *) set -- \"$@\" \"$argument\";; esac; done\n"
      + "exec " + CLANG + " \"$@\" --target=aarch64-unknown-linux-gnu\n";
  private static final String ANOTHER_MACHINE_OBJECT = "case ADD for " + HOST + ": the compiler "
      + "produced an ELF AArch64 object, not an ELF x86-64 object: remove the flags that choose "
      + "another target (such as -arch, -m32 or --target)";
  private static final String OPTIONS = "-Astencil.cache, -Astencil.clang, -Astencil.gcc, "
      + "-Astencil.isolated, -Astencil.objects, -Astencil.root, -Astencil.snapshot, "
      + "-Astencil.timeout, -Astencil.verbose";

  private static final String NOT_A_RANGE = "\" is not PARAMETER = FIRST..LAST (an upper-case "
      + "macro name and two whole numbers, e.g. SLOT = 0..3)";
  /** Native helpers that compile: one function to call. */
  private static final String HELPER = "long help(long x) { return x; }\n";

  private BadInputCatalogue() {}

  static final List<BadInput> ENTRIES = List.of(
      // ---- annotation values ----
      input("no triples").triples()
          .onMember("triples", "triples must name at least one target triple"),
      input("an unknown triple").triples("sparc-sun-solaris")
          .onEntry("triples", 0, "unknown triple \"sparc-sun-solaris\"; known: "
              + "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, x86_64-apple-darwin, "
              + "aarch64-apple-darwin, x86_64-pc-windows-msvc, i686-pc-windows-msvc, "
              + "aarch64-pc-windows-msvc"),
      input("an unknown second triple").triples(HOST, "riscv64-unknown-linux-gnu")
          .onEntry("triples", 1, "unknown triple \"riscv64-unknown-linux-gnu\"; known: "
              + "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, x86_64-apple-darwin, "
              + "aarch64-apple-darwin, x86_64-pc-windows-msvc, i686-pc-windows-msvc, "
              + "aarch64-pc-windows-msvc"),
      input("a triple listed twice").triples(HOST, "aarch64-unknown-linux-gnu", HOST)
          .onEntry("triples", 2, "triple " + HOST + " is listed twice"),
      input("an empty triple").triples("").onEntry("triples", 0, "unknown triple \"\"; known: "
          + "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, x86_64-apple-darwin, "
          + "aarch64-apple-darwin, x86_64-pc-windows-msvc, i686-pc-windows-msvc, "
          + "aarch64-pc-windows-msvc"),
      input("a triple in upper case").triples("X86_64-unknown-linux-gnu")
          .onEntry("triples", 0, "unknown triple \"X86_64-unknown-linux-gnu\"; known: "
              + "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, x86_64-apple-darwin, "
              + "aarch64-apple-darwin, x86_64-pc-windows-msvc, i686-pc-windows-msvc, "
              + "aarch64-pc-windows-msvc"),
      input("a triple with a trailing blank").triples(HOST + " ").onEntry("triples", 0, "unknow"
          + "n triple \"x86_64-unknown-linux-gnu \"; known: x86_64-unknown-linux-gnu, "
          + "aarch64-unknown-linux-gnu, x86_64-apple-darwin, aarch64-apple-darwin, "
          + "x86_64-pc-windows-msvc, i686-pc-windows-msvc, aarch64-pc-windows-msvc"),
      input("a triple of a vendor not supported").triples("x86_64-pc-linux-gnu")
          .onEntry("triples", 0, "unknown triple \"x86_64-pc-linux-gnu\"; known: "
              + "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, x86_64-apple-darwin, "
              + "aarch64-apple-darwin, x86_64-pc-windows-msvc, i686-pc-windows-msvc, "
              + "aarch64-pc-windows-msvc"),
      input("a case pattern that is no regular expression").casePattern("case (")
          .onMember("casePattern", "casePattern is not a regular expression: Unclosed group at "
              + "index 6"),
      input("a case pattern without groups").casePattern("case (\\w+): \\{")
          .onMember("casePattern", "casePattern must define the named groups (?<case>...) and "
              + "(?<name>...)"),
      input("a case pattern without the group name").casePattern("(?<case>case \\w+: \\{)")
          .onMember("casePattern", "casePattern must define the named groups (?<case>...) and "
              + "(?<name>...)"),
      input("a case pattern that matches nothing").casePattern("(?<case>CASE (?<name>\\w+))")
          .onMember("cases", "{root}/calc_cases.c: no case found (expected blocks \"case NAME: "
              + "{\" ... \"}\", or set casePattern)"),
      input("a case pattern that matches the empty string").casePattern("(?<case>)(?<name>)")
          .onMember("cases", "{root}/calc_cases.c:1: case name \"\" is not a C identifier: "
              + "rename the case"),
      input("a case pattern whose groups are optional")
          .casePattern("(?<case>case (?<name>ADD)?\\w*:)").onMember("cases", "{root}/calc_cases"
              + ".c:5: casePattern matched without the groups case and name"),
      input("a case pattern matching a name that is no identifier")
          .casePattern("(?<case>case (?<name>[A-Z]+-?): \\{[^}]*\\})")
          .casesEdit("case ADD:", "case ADD-:").onMember("cases", "{root}/calc_cases.c:1: case "
              + "name \"ADD-\" is not a C identifier: rename the case"),
      input("a define that starts with a digit").defines("1X")
          .onEntry("defines", 0, "define \"1X\" is not NAME or NAME=VALUE"),
      input("an empty define").defines("").onEntry("defines", 0, "define \"\" is not NAME or "
          + "NAME=VALUE"),
      input("a define with a blank").defines("A B").onEntry("defines", 0, "define \"A B\" is "
          + "not NAME or NAME=VALUE"),
      input("a define written as a flag").defines("SCALE=2", "-DX")
          .onEntry("defines", 1, "define \"-DX\" is not NAME or NAME=VALUE"),
      input("flag -o").flags("-o", "out.o").onEntry("flags", 0, "flag -o is set by Stencil4j "
          + "for each compile and cannot be overridden"),
      input("flag -c").flags("-c").onEntry("flags", 0, "flag -c is set by Stencil4j for each "
          + "compile and cannot be overridden"),
      input("flag -S").flags("-O2", "-S").onEntry("flags", 1, "flag -S is set by Stencil4j for "
          + "each compile and cannot be overridden"),
      input("flag -E").flags("-E").onEntry("flags", 0, "flag -E is set by Stencil4j for each "
          + "compile and cannot be overridden"),
      input("flag --target=").flags("--target=aarch64-unknown-linux-gnu")
          .onEntry("flags", 0, "flag --target=aarch64-unknown-linux-gnu is set by Stencil4j for "
              + "each compile and cannot be overridden"),
      input("flag -target").flags("-target", "aarch64-unknown-linux-gnu")
          .onEntry("flags", 0, "flag -target is set by Stencil4j for each compile and cannot be "
              + "overridden"),
      input("flag --target apart").flags("--target", "aarch64-unknown-linux-gnu")
          .onEntry("flags", 0, "flag --target is set by Stencil4j for each compile and cannot "
              + "be overridden"),
      input("flag -fsanitize=address").flags("-fsanitize=address").onEntry("flags", 0,
          "flag -fsanitize=address instruments the code with calls into a sanitizer's run-time "
              + "library, which a stencil cannot have: remove it"),
      input("flag -fsanitize=undefined").flags("-O2", "-fsanitize=undefined").onEntry("flags",
          1, "flag -fsanitize=undefined instruments the code with calls into a sanitizer's "
              + "run-time library, which a stencil cannot have: remove it"),
      input("flag -m32").flags("-m32").onMember("cases", "clang failed on case ADD for "
          + "x86_64-unknown-linux-gnu:\n"
              + "clang-19: error: unsupported argument 'medium' to option '-mcmodel=' for "
              + "target 'i386-unknown-linux-gnu'\n"
              + "(1 more compile(s) failed too)"),
      input("flag -flto").flags("-flto").onMember("cases",
          "case ADD for " + HOST + ": the compiler produced LLVM bitcode, not an object file: "
              + "remove the flags that ask for it (such as -flto or -emit-llvm)"),
      input("flag -emit-llvm").flags("-emit-llvm").onMember("cases",
          "case ADD for " + HOST + ": the compiler produced LLVM bitcode, not an object file: "
              + "remove the flags that ask for it (such as -flto or -emit-llvm)"),
      input("an unknown flag").flags("-fno-such-flag").onMember("cases", "clang failed on case "
          + "ADD for x86_64-unknown-linux-gnu:\n"
              + "clang-19: error: unknown argument: '-fno-such-flag'\n"
              + "(1 more compile(s) failed too)"),
      input("header string").header("string").onMember("header", "header \"string\" would "
          + "write string.h, which hides the C library's <string.h> wherever the generated "
          + "headers are included from: choose another header name"),
      input("header stdint").header("stdint").onMember("header", "header \"stdint\" would write "
          + "stdint.h, which hides the C library's <stdint.h> wherever the generated headers "
          + "are included from: choose another header name"),
      input("header 9lives").header("9lives").onMember("header", "header \"9lives\" must be a "
          + "lower-case C identifier that starts with a letter (it names the files and "
          + "prefixes the C names)"),
      input("header in upper case").header("Calc").onMember("header", "header \"Calc\" must be "
          + "a lower-case C identifier that starts with a letter (it names the files and "
          + "prefixes the C names)"),
      input("header with a dash").header("calc-vm").onMember("header", "header \"calc-vm\" must "
          + "be a lower-case C identifier that starts with a letter (it names the files and "
          + "prefixes the C names)"),
      input("header with a path").header("../calc").onMember("header", "header \"../calc\" must "
          + "be a lower-case C identifier that starts with a letter (it names the files and "
          + "prefixes the C names)"),
      input("header with .h").header("calc.h").onMember("header", "header \"calc.h\" must be a "
          + "lower-case C identifier that starts with a letter (it names the files and prefixes "
          + "the C names)"),
      input("header of 300 letters").header("c".repeat(300)).onMember("header", "header \""
          + "c".repeat(300) + "\" is longer than 200 characters, too long for the headers' file "
          + "names"),
      input("header blank").header(" ").onMember("header", "header \" \" must be a lower-case C "
          + "identifier that starts with a letter (it names the files and prefixes the C names)"),
      input("a missing template").template("nope.c").onMember("template", "cannot find template "
          + "file \"nope.c\"; tried [{root}/nope.c (missing), source path demo/nope.c "
          + "(FileNotFoundException), the interface's source directory "
          + "(IllegalArgumentException)]"),
      input("an empty template name").template("")
          .onMember("template", "template must name a file"),
      input("a directory as template").template("dir.c")
          .file("dir.c", new BadInput.Content.Directory())
          .onMember("template", "cannot find template file \"dir.c\"; tried [{root}/dir.c (a "
              + "directory), source path demo/dir.c (FileNotFoundException), the interface's "
              + "source directory (IllegalArgumentException)]"),
      input("a broken link as template").template("link.c")
          .file("link.c", new BadInput.Content.Link("/nonexistent/calc.c"))
          .onMember("template", "cannot find template file \"link.c\"; tried [{root}/link.c "
              + "(a link to nothing), source path demo/link.c (FileNotFoundException), the "
              + "interface's "
              + "source directory (IllegalArgumentException)]"),
      input("a device as template").template("/dev/null").onMember("template", "cannot find "
          + "template file \"/dev/null\"; tried [/dev/null (not a regular file)]"),
      input("an absolute template that is missing").template("/nonexistent/calc.c")
          .onMember("template", "cannot find template file \"/nonexistent/calc.c\"; tried "
              + "[/nonexistent/calc.c (missing)]"),
      input("a missing cases file").cases("nope_cases.c").onMember("cases", "cannot find cases "
          + "file \"nope_cases.c\"; tried [{root}/nope_cases.c (missing), source path "
          + "demo/nope_cases.c (FileNotFoundException), the interface's source directory "
          + "(IllegalArgumentException)]"),
      input("a directory as cases file").cases("dir").file("dir", new BadInput.Content.Directory())
          .onMember("cases", "cannot find cases file \"dir\"; tried [{root}/dir (a directory), "
              + "source path demo/dir (FileNotFoundException), the interface's source directory "
              + "(IllegalArgumentException)]"),
      input("a missing shim").shim("shim.c").onMember("shim", "cannot find shim file "
          + "\"shim.c\"; tried [{root}/shim.c (missing), source path demo/shim.c "
          + "(FileNotFoundException), the interface's source directory "
          + "(IllegalArgumentException)]"),
      input("a directory as shim").shim("shims").file("shims", new BadInput.Content.Directory())
          .onMember("shim", "cannot find shim file \"shims\"; tried [{root}/shims (a "
              + "directory), source path demo/shims (FileNotFoundException), the interface's "
              + "source directory (IllegalArgumentException)]"),
      input("a missing helpers file").helpers("helpers.c").onMember("helpers", "cannot find "
          + "helpers file \"helpers.c\"; tried [{root}/helpers.c (missing), source path "
          + "demo/helpers.c (FileNotFoundException), the interface's source directory "
          + "(IllegalArgumentException)]"),
      input("a missing include directory").includes("include").onEntry("includes", 0, "cannot "
          + "find includes directory \"include\"; tried [{root}/include (missing), source path "
          + "demo/include (FileNotFoundException), the interface's source directory "
          + "(IllegalArgumentException)]"),
      input("a file as include directory").includes("calc.c").onEntry("includes", 0, "cannot "
          + "find includes directory \"calc.c\"; tried [{root}/calc.c (a file), source path "
          + "demo/calc.c (FileNotFoundException), the interface's source directory "
          + "(IllegalArgumentException)]"),
      input("an empty include directory name").includes("inc", "")
          .file("inc/x.h", "").onEntry("includes", 1, "includes must name a directory"),

      // ---- the interface ----
      input("@Stencil on a class").body("""
          public abstract class Calc {
            abstract void add(long value);
          }
          """).on("class Calc", "@Stencil must annotate an interface, not a class Calc"),
      input("@Stencil on an enum").body("public enum Calc { ONE }\n")
          .on("enum Calc", "@Stencil must annotate an interface, not an enum Calc"),
      input("@Stencil on an annotation type").body("public @interface Calc {}\n")
          .on("interface Calc", "@Stencil must annotate an interface, not an annotation type Calc"),
      input("@Stencil on a record").body("public record Calc(long value) {}\n")
          .on("record Calc", "@Stencil must annotate an interface, not a record Calc"),
      input("a generic interface").edit("interface Calc", "interface Calc<T>")
          .on("interface Calc", "a @Stencil interface cannot have type parameters"),
      input("a generic method").edit("void negate();", "<T> void negate();")
          .on("negate", "an emitter method cannot have type parameters"),
      input("a method returning int").edit("void negate();", "int negate();")
          .on("negate", "emitter method negate must return void or Calc, not int"),
      input("a method returning String").edit("void negate();", "String negate();")
          .on("negate", "emitter method negate must return void or Calc, not java.lang.String"),
      input("a method returning Object").edit("void negate();", "Object negate();")
          .on("negate", "emitter method negate must return void or Calc, not java.lang.Object"),
      input("a method returning an array").edit("void negate();", "Calc[] negate();")
          .on("negate", "emitter method negate must return void or Calc, not demo.Calc[]"),
      input("a parameter of type String").edit("long value", "String value")
          .on("value", "parameter value has type java.lang.String; a hole takes long, int or "
              + "io.stencil4j.Label"),
      input("a parameter of type double").edit("long value", "double value")
          .on("value", "parameter value has type double; a hole takes long, int or "
              + "io.stencil4j.Label"),
      input("a parameter of type Long").edit("long value", "Long value").on("value", "parameter "
          + "value has type java.lang.Long; a hole takes long, int or io.stencil4j.Label"),
      input("a parameter of type long[]").edit("long value", "long[] value").on("value", "param"
          + "eter value has type long[]; a hole takes long, int or io.stencil4j.Label"),
      input("a parameter of type short").edit("long value", "short value").on("value", "paramet"
          + "er value has type short; a hole takes long, int or io.stencil4j.Label"),
      input("a varargs parameter").edit("long value", "long... value").on("value", "parameter "
          + "value has type long[]; a hole takes long, int or io.stencil4j.Label"),
      input("two methods for one case")
          .edit("void negate();", "void negate();\n\n  @Case(\"NEGATE\")\n  void minus();")
          .on("minus", "method minus appends stencil NEGATE, as method negate does: give each "
              + "stencil one method"),
      input("a method for a case that does not exist")
          .edit("void negate();", "void negate();\n\n  void square();")
          .on("square", "method square appends stencil SQUARE, which is not a case of this "
              + "interface; the cases are [ADD, NEGATE]"),
      input("@Case naming no case").edit("void negate();", "@Case(\"NEG\") void negate();")
          .on("negate", "method negate appends stencil NEG, which is not a case of this "
              + "interface; the cases are [ADD, NEGATE]"),
      input("@Case with an empty name").edit("void negate();", "@Case(\"\") void negate();")
          .on("negate", "@Case on method negate names no case: give the case's name as the "
              + "cases file spells it"),
      input("a method without the hole's parameter").edit("long value", "")
          .on("add", "method add has no parameter for hole(s) [VALUE] of stencil ADD on "
              + "x86_64-unknown-linux-gnu; add parameters named [value]"),
      input("a parameter for no hole").edit("void negate();", "void negate(long value);")
          .on("value);\n}", "parameter value of negate fills _JIT_VALUE, which stencil NEGATE "
              + "does not use on x86_64-unknown-linux-gnu; its holes are []"),
      input("a parameter named after no hole").edit("long value", "long amount")
          .on("amount", "parameter amount of add fills _JIT_AMOUNT, which stencil ADD does not "
              + "use on x86_64-unknown-linux-gnu; its holes are [VALUE]"),
      input("two parameters for one hole").edit("long value", "long value, int VALUE")
          .on("VALUE", "parameter VALUE of add fills _JIT_VALUE, which another parameter fills "
              + "already"),
      input("a case named like a method in lower case").casesEdit("case ADD:", "case add:")
          .interfaceScope().on("add", "method add appends stencil ADD, which is not a case of "
              + "this interface; the cases are [NEGATE, add]"),
      input("a method for the helpers").helpers("helpers.c").file("helpers.c", HELPER)
          .edit("void negate();", "void negate();\n\n  void helpers();").on("helpers",
              "method helpers appends stencil HELPERS, which is not a case of this interface; "
              + "the cases are [ADD, NEGATE]"),

      // ---- case names ----
      input("a case named COUNT").casesEdit("case ADD:", "case COUNT:").onMember("cases", "{roo"
          + "t}/calc_cases.c:1: case name COUNT would clash with the C header's enumerator "
          + "HEADER_STENCIL_COUNT: rename the case"),
      input("a case named new").casesEdit("case ADD:", "case new:").onMember("cases", "{root}/c"
          + "alc_cases.c:1: case name \"new\" is a Java keyword, which cannot name a constant "
          + "of the generated enum Name: rename the case"),
      input("a case named class").casesEdit("case NEGATE:", "case class:")
          .onMember("cases", "{root}/calc_cases.c:5: case name \"class\" is a Java keyword, "
              + "which cannot name a constant of the generated enum Name: rename the case"),
      input("a case named 9X").casesEdit("case ADD:", "case 9X:").onMember("cases", "{root}/cal"
          + "c_cases.c:1: case name \"9X\" is not a C identifier: rename the case"),
      input("two cases named ADD").file("calc_cases.c", StencilFixture.CASES
          + "case ADD: {\n    break;\n}\n").onMember("cases", "{root}/calc_cases.c: duplicate "
          + "case names: ADD at lines 1 and 9"),
      input("a case named SHIM beside a shim").shim("shim.c").file("shim.c", "int x;\n")
          .casesEdit("case NEGATE:", "case SHIM:").onMember("cases", "{root}/calc_cases.c:5: "
              + "the case name SHIM is taken by the shim"),
      input("a case named HELPERS beside helpers").helpers("helpers.c").file("helpers.c",
          HELPER).casesEdit("case NEGATE:", "case HELPERS:").onMember("cases", "{root}/calc_ca"
              + "ses.c:5: the case name HELPERS is taken by the native helpers"),
      input("a cases file without cases").file("calc_cases.c", "int nothing;\n")
          .onMember("cases", "{root}/calc_cases.c: no case found (expected blocks \"case NAME: "
              + "{\" ... \"}\", or set casePattern)"),
      input("an empty cases file").file("calc_cases.c", "").onMember("cases", "{root}/calc_case"
          + "s.c: no case found (expected blocks \"case NAME: {\" ... \"}\", or set casePattern)"),
      input("a template named 9lives.c without cases").template("9lives.c").cases("")
          .file("9lives.c", StencilFixture.TEMPLATE).onMember("template", "{root}/9lives.c: a "
              + "template without cases is one stencil named after its file, and \"9LIVES\" is "
              + "not a C identifier: rename the file, or give the template a cases file"),
      input("a template named count.c without cases").template("count.c").cases("")
          .file("count.c", StencilFixture.TEMPLATE).onMember("template", "{root}/count.c: a "
              + "template without cases is one stencil named after its file, and COUNT would "
              + "clash with the C header's enumerator HEADER_STENCIL_COUNT: rename the file, or "
              + "give the template a cases file"),

      // ---- variant cases ----
      input("a variant range without =").casesEdit("case ADD:", "case ADD(SLOT 0..3):")
          .addSelectsVariant().onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant "
              + "range \"SLOT 0..3" + NOT_A_RANGE),
      input("a variant parameter in lower case").casesEdit("case ADD:", "case ADD(slot = 0..3):")
          .addSelectsVariant().onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant "
              + "range \"slot = 0..3" + NOT_A_RANGE),
      input("a variant range from a negative value")
          .casesEdit("case ADD:", "case ADD(SLOT = -1..3):").addSelectsVariant()
          .onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant range \"SLOT = "
              + "-1..3" + NOT_A_RANGE),
      input("a variant range with one value only").casesEdit("case ADD:", "case ADD(SLOT = 3):")
          .addSelectsVariant().onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant "
              + "range \"SLOT = 3" + NOT_A_RANGE),
      input("an empty variant range").casesEdit("case ADD:", "case ADD(SLOT = 3..1):")
          .addSelectsVariant().onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant "
              + "range SLOT = 3..1 is empty: its first value must not exceed its last"),
      input("a variant range of 65 values").casesEdit("case ADD:", "case ADD(SLOT = 0..64):")
          .addSelectsVariant().onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant "
              + "range SLOT = 0..64 has 65 values; at most 64 are allowed, as each is one more "
              + "stencil compiled for every triple"),
      input("a variant range of 10^18 values")
          .casesEdit("case ADD:", "case ADD(SLOT = 0..999999999999999999):").addSelectsVariant()
          .onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant range SLOT = "
              + "0..999999999999999999 has 1000000000000000000 values; at most 64 are allowed, "
              + "as each is one more stencil compiled for every triple"),
      input("a variant parameter named after a case")
          .casesEdit("case ADD:", "case ADD(NEGATE = 0..1):").addSelectsVariant()
          .onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant parameter NEGATE is "
              + "also the name of the case at line 5, which it would replace: rename one"),
      input("a variant stencil named like a case").file("calc_cases.c", StencilFixture.CASES
          .replace("case ADD:", "case ADD(SLOT = 0..1):") + "case ADD_1: {\n    break;\n}\n")
          .addSelectsVariant().onMember("cases", "{root}/calc_cases.c: duplicate case names: "
              + "ADD_1 at lines 1 and 9"),
      input("a variant case named like a case").file("calc_cases.c", StencilFixture.CASES
          .replace("case ADD:", "case ADD(SLOT = 0..1):") + "case ADD: {\n    break;\n}\n")
          .addSelectsVariant().onMember("cases", "{root}/calc_cases.c: duplicate case names: "
              + "ADD at lines 1 and 9"),
      input("a variant parameter that a definition defines too").defines("SLOT=2")
          .casesEdit("case ADD:", "case ADD(SLOT = 0..1):").addSelectsVariant()
          .onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant parameter SLOT is "
              + "also defined by the definition \"SLOT=2\": rename one"),
      input("a variant parameter that the template defines too")
          .templateEdit("#include <stdint.h>", "#include <stdint.h>\n#define SLOT 1")
          .casesEdit("case ADD:", "case ADD(SLOT = 0..1):").addSelectsVariant()
          .onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant parameter SLOT is "
              + "also defined at {root}/calc.c:2: rename one"),
      input("a variant parameter named after a hole")
          .casesEdit("case ADD:", "case ADD(VALUE = 0..1):").addSelectsVariant()
          .onMember("cases", "{root}/calc_cases.c:1: case ADD: the variant parameter VALUE has "
              + "the name of the hole _JIT_VALUE, which stencil ADD_0 uses on " + HOST
              + ": rename one"),
      input("a method for a variant case without @Variant")
          .casesEdit("case ADD:", "case ADD(SLOT = 0..1):").interfaceScope()
          .on("add", "method add appends case ADD(SLOT = 0..1), which has variants: give it an "
              + "int parameter annotated @Variant, whose value selects SLOT"),
      input("a @Variant parameter of type long")
          .edit("long value", "@Variant long slot, long value")
          .casesEdit("case ADD:", "case ADD(SLOT = 0..1):")
          .on("slot", "parameter slot of add selects a variant, so it must be an int, not long"),
      input("two @Variant parameters")
          .edit("long value", "@Variant int slot, @Variant int other, long value")
          .casesEdit("case ADD:", "case ADD(SLOT = 0..1):")
          .on("other", "method add has two @Variant parameters, slot and other; a variant case "
              + "has one parameter"),
      input("@Variant for a case without variants")
          .edit("void negate();", "void negate(@Variant int slot);")
          .on("slot", "parameter slot of negate is @Variant, but case NEGATE has no variants (a "
              + "variant case is written case NEGATE(PARAMETER = FIRST..LAST): {)"),
      input("a parameter that no variant's hole takes")
          .edit("void negate();", "void negate(@Variant int slot, long value);")
          .casesEdit("case NEGATE:", "case NEGATE(SLOT = 0..1):")
          .on("value);\n}", "parameter value of negate fills _JIT_VALUE, which no variant of "
              + "case NEGATE(SLOT = 0..1) uses on " + HOST + "; its holes are []"),
      input("a variant method without the hole's parameter")
          .edit("long value", "@Variant int slot").casesEdit("case ADD:", "case ADD(SLOT = 0..1):")
          .on("add", "method add has no parameter for hole(s) [VALUE] of stencil ADD_0 on "
              + HOST + "; add parameters named [value]"),

      // ---- C ----
      input("a syntax error in a case").casesEdit("acc = -acc;", "acc = -acc +;")
          .onMember("cases", "clang failed on case NEGATE for x86_64-unknown-linux-gnu:\n"
              + "{root}/calc_cases.c:6:17: error: expected expression\n"
              + "    6 |     acc = -acc +;\n"
              + "      |                 ^\n"
              + "1 error generated."),
      input("a syntax error in the template").templateEdit("return _JIT_CONTINUE(acc);",
          "return _JIT_CONTINUE(acc)").onMember("template", "clang failed on case ADD for "
              + "x86_64-unknown-linux-gnu:\n"
              + "{root}/calc.c:8:54: error: expected ';' after return statement\n"
              + "    8 |   __attribute__((musttail)) return _JIT_CONTINUE(acc)\n"
              + "      |                                                      ^\n"
              + "      |                                                      ;\n"
              + "1 error generated.\n"
              + "(1 more compile(s) failed too)"),
      input("a syntax error in the shim").shim("shim.c").file("shim.c", "int shim( {\n")
          .onMember("shim", "clang failed on the shim for x86_64-unknown-linux-gnu:\n"
              + "{root}/shim.c:1:11: error: expected parameter declarator\n"
              + "    1 | int shim( {\n"
              + "      |           ^\n"
              + "{root}/shim.c:1:11: error: expected ')'\n"
              + "{root}/shim.c:1:9: note: to match this '('\n"
              + "    1 | int shim( {\n"
              + "      |         ^\n"
              + "{root}/shim.c:1:12: error: expected function body after function declarator\n"
              + "    1 | int shim( {\n"
              + "      |            ^\n"
              + "3 errors generated."),
      input("a syntax error in the helpers").helpers("helpers.c").file("helpers.c",
          "long help(long x) { return x }\n").onMember("helpers", "clang failed on the helpers "
              + "for x86_64-unknown-linux-gnu:\n"
              + "{root}/helpers.c:1:29: error: expected ';' after return statement\n"
              + "    1 | long help(long x) { return x }\n"
              + "      |                             ^\n"
              + "      |                             ;\n"
              + "1 error generated."),
      input("a helper named like a hole").helpers("helpers.c").file("helpers.c",
          "long _JIT_HELP(long x) { return x; }\n").onMember("helpers", "the helpers for "
              + "x86_64-unknown-linux-gnu: the function _JIT_HELP has a name the template "
              + "contract reserves (_JIT_...): rename it"),
      input("helpers that use a hole").helpers("helpers.c").file("helpers.c", "extern char "
          + "_JIT_VALUE[];\nlong help(void) { return (long)_JIT_VALUE; }\n").onMember("helpers",
              "the helpers for x86_64-unknown-linux-gnu: _JIT_VALUE is used, but helpers are "
              + "placed once and have no holes of the template contract: pass values as "
              + "arguments"),
      input("helpers without a function to call").helpers("helpers.c").file("helpers.c",
          "static long help(long x) { return x; }\n").onMember("helpers", "the helpers for "
              + "x86_64-unknown-linux-gnu: no function is defined that stencils can call (one "
              + "that is not static)"),
      input("helpers with an unsupported relocation").helpers("helpers.c").file("helpers.c",
          "long help(long x) {\n"
              + "  __asm__ volatile(\".reloc ., R_X86_64_GOTPC64, help\\n.quad 0\");\n"
              + "  return x;\n}\n").onMember("helpers", "the helpers for "
              + "x86_64-unknown-linux-gnu: unsupported relocation R_X86_64_GOTPC64 at code "
              + "offset 0x3 (to CODE)"),
      input("a template without _JIT_ENTRY").templateEdit(" _JIT_ENTRY(", " entry(")
          .onMember("template", "case ADD for x86_64-unknown-linux-gnu: the template does not "
              + "define _JIT_ENTRY"),
      input("a template that defines _JIT_ENTRY twice").templateEdit("int64_t __attribute__"
          + "((preserve_none)) _JIT_ENTRY", "int64_t __attribute__((preserve_none)) _JIT_ENTRY("
          + "int64_t acc) { return acc; }\nint64_t __attribute__((preserve_none)) _JIT_ENTRY")
          .onMember("template", "clang failed on case ADD for x86_64-unknown-linux-gnu:\n"
              + "{root}/calc.c:5:40: error: redefinition of '_JIT_ENTRY'\n"
              + "    5 | int64_t __attribute__((preserve_none)) _JIT_ENTRY(int64_t acc) {\n"
              + "      |                                        ^\n"
              + "{root}/calc.c:4:40: note: previous definition is here\n"
              + "    4 | int64_t __attribute__((preserve_none)) _JIT_ENTRY(int64_t acc) { "
              + "return acc; }\n"
              + "      |                                        ^\n"
              + "1 error generated.\n"
              + "(1 more compile(s) failed too)"),
      input("inline assembly .reloc without a symbol").casesEdit("acc = -acc;",
          "__asm__ volatile(\".reloc ., R_X86_64_64, 5\\n.quad 0\");")
          .onMember("cases", "case NEGATE for x86_64-unknown-linux-gnu: a relocation without a "
              + "symbol (symbol #0) cannot be patched by the emitter: refer to a symbol"),
      input("five megabytes of unclosed cases").file("calc_cases.c", "case X: {\n"
          .repeat(500_000)).onMember("cases", "{root}/calc_cases.c:1: case X is not closed: "
          + "no line after it holds only a } indented like its case"),
      input("a case closed at the wrong indentation").file("calc_cases.c",
          StencilFixture.CASES.substring(0, StencilFixture.CASES.length() - 2) + "  }\n")
          .onMember("cases", "{root}/calc_cases.c:5: case NEGATE is not closed: no line after it "
              + "holds only a } indented like its case"),
      input("an empty template").file("calc.c", "").onMember("template", "{root}/calc.c: the "
          + "template must contain the token CASE exactly once, where each case is pasted; it "
          + "has none"),
      input("an empty template without cases").cases("").file("calc.c", "")
          .body("public interface Calc {\n  void calc();\n}\n").onMember("template", "the "
              + "template for " + HOST + ": the template does not define _JIT_ENTRY"),
      input("binary garbage as template").file("calc.c", new byte[] {(byte) 0xff, (byte) 0xfe,
          0, 1, 2, (byte) 0x80, 'C', 'A', 'S', 'E'}).onMember("template", "{root}/calc.c is not "
              + "UTF-8 text "
          + "(the byte 0xff at offset 0 is not valid there)"),
      input("binary garbage as cases").file("calc_cases.c", new byte[] {(byte) 0xc3, 0x28})
          .onMember("cases", "{root}/calc_cases.c is not UTF-8 text "
          + "(the byte 0xc3 at offset 0 is not valid there)"),
      input("a case that includes a missing header")
          .casesEdit("    acc = -acc;", "#include \"missing.h\"\n    acc = -acc;")
          .onMember("cases", "clang failed on case NEGATE for x86_64-unknown-linux-gnu:\n"
              + "{root}/calc_cases.c:6:10: fatal error: 'missing.h' file not found\n"
              + "    6 | #include \"missing.h\"\n"
              + "      |          ^~~~~~~~~~~\n"
              + "1 error generated."),
      input("a template that includes a missing header")
          .templateEdit("#include <stdint.h>", "#include <stdint.h>\n#include \"missing.h\"")
          .onMember("template", "clang failed on case ADD for x86_64-unknown-linux-gnu:\n"
              + "{root}/calc.c:2:10: fatal error: 'missing.h' file not found\n"
              + "    2 | #include \"missing.h\"\n"
              + "      |          ^~~~~~~~~~~\n"
              + "1 error generated.\n"
              + "(1 more compile(s) failed too)"),
      input("#error in a case").casesEdit("    acc = -acc;", "#error stop\n    acc = -acc;")
          .onMember("cases", "clang failed on case NEGATE for x86_64-unknown-linux-gnu:\n"
              + "{root}/calc_cases.c:6:2: error: stop\n"
              + "    6 | #error stop\n"
              + "      |  ^\n"
              + "1 error generated."),
      input("#error in the template").templateEdit("#include <stdint.h>", "#error stop")
          .onMember("template", "clang failed on case ADD for x86_64-unknown-linux-gnu:\n"
              + "{root}/calc.c:1:2: error: stop\n"
              + "    1 | #error stop\n"
              + "      |  ^\n"
              + "{root}/calc.c:3:8: error: unknown type name 'int64_t'\n"
              + "    3 | extern int64_t __attribute__((preserve_none)) _JIT_CONTINUE(int64_t "
              + "acc);\n"
              + "      |        ^\n"
              + "{root}/calc.c:3:61: error: unknown type name 'int64_t'\n"
              + "    3 | extern int64_t __attribute__((preserve_none)) _JIT_CONTINUE(int64_t "
              + "acc);\n"
              + "      |                                                             ^\n"
              + "{root}/calc.c:4:1: error: unknown type name 'int64_t'\n"
              + "    4 | int64_t __attribute__((preserve_none)) _JIT_ENTRY(int64_t acc) {\n"
              + "      | ^\n"
              + "{root}/calc.c:4:51: error: unknown type name 'int64_t'\n"
              + "    4 | int64_t __attribute__((preserve_none)) _JIT_ENTRY(int64_t acc) {\n"
              + "      |                                                   ^\n"
              + "{root}/calc_cases.c:2:13: error: use of undeclared identifier 'int64_t'\n"
              + "    2 |     acc += (int64_t)(intptr_t)_JIT_VALUE;\n"
              + "      |             ^\n"
              + "{root}/calc_cases.c:2:22: error: use of undeclared identifier 'intptr_t'\n"
              + "    2 |     acc += (int64_t)(intptr_t)_JIT_VALUE;\n"
              + "      |                      ^\n"
              + "7 errors generated.\n"
              + "(1 more compile(s) failed too)"),
      input("a template with CASE twice").templateEdit("    CASE", "    CASE\n    CASE")
          .onMember("template", "{root}/calc.c: the template must contain the token CASE "
              + "exactly once, where each case is pasted; it is on lines [6, 7]"),
      input("a template with CASE only in a comment").templateEdit("    CASE", "    // CASE")
          .onMember("template", "{root}/calc.c: the template must contain the token CASE "
              + "exactly once, where each case is pasted; it has none"),
      input("a hole named in lower case").templateEdit("_JIT_VALUE", "_JIT_value")
          .casesEdit("_JIT_VALUE", "_JIT_value").onMember("cases", "case ADD for "
              + "x86_64-unknown-linux-gnu: hole _JIT_value: a hole's name after _JIT_ must be "
              + "UPPER_SNAKE_CASE (it maps to the emitter parameter of the same name)"),
      input("thread-local data in a case").casesEdit("    acc = -acc;",
          "    static _Thread_local int64_t t; t += acc; acc = -t;").onMember("cases", "case "
              + "NEGATE for x86_64-unknown-linux-gnu: thread-local storage "
              + "(_JIT_ENTRY_NEGATE.t) cannot be used in a stencil"),

      // ---- compilers that misbehave ----
      input("a compiler that hangs").compiler(FAKE + "sleep 1000\n").onMember("cases", "clang "
          + "failed on cases ADD ... NEGATE (a batch of 2) for x86_64-unknown-linux-gnu:\n"
              + "fake-clang did not finish in 2 seconds (stopped with the processes it started; "
              + "-Astencil.timeout=SECONDS, or --timeout on the command line, allows more)"),
      input("a --version that hangs").compiler("#!/bin/sh\nsleep 1000\n").onAnnotation("{root}/"
          + "fake-clang --version did not finish in 2 seconds (stopped with the processes it "
          + "started; -Astencil.timeout=SECONDS, or --timeout on the command line, allows more)"),
      input("a compiler that crashes with a signal").compiler(FAKE + "kill -SEGV $$\n")
          .onMember("cases", "clang failed on case ADD for x86_64-unknown-linux-gnu:\n"
              + "fake-clang exited with status 139 and printed nothing\n"
              + "(1 more compile(s) failed too)"),
      input("a compiler killed").compiler(FAKE + "kill -KILL $$\n").onMember("cases", "clang "
          + "failed on case ADD for x86_64-unknown-linux-gnu:\n"
              + "fake-clang exited with status 137 and printed nothing\n"
              + "(1 more compile(s) failed too)"),
      input("a compiler that exits 1 without a message").compiler(FAKE + "exit 1\n")
          .onMember("cases", "clang failed on case ADD for x86_64-unknown-linux-gnu:\n"
              + "fake-clang exited with status 1 and printed nothing\n"
              + "(1 more compile(s) failed too)"),
      input("a compiler that prints 50 MB").compiler(FAKE
          + "head -c 52428800 /dev/zero | tr '\\0' x\nexit 1\n").onMember("cases", "clang "
          + "failed on "
          + "case ADD for " + HOST + ":\n" + "x".repeat(65536) + "\n[52363264 more bytes of output "
          + "cut]\n(1 more compile(s) failed too)"),
      input("a compiler that writes a garbage object").compiler(FAKE
          + "echo garbage > \"$object\"\necho \"$object: $source\" > \"$rule\"\n")
          .onMember("cases", "case ADD for x86_64-unknown-linux-gnu: not an ELF, Mach-O or COFF "
              + "object file"),
      input("a compiler that writes no object").compiler(FAKE
          + "echo \"$object: $source\" > \"$rule\"\n").onMember("cases", "clang failed on case "
          + "ADD for x86_64-unknown-linux-gnu:\n"
              + "fake-clang exited with status 0 but wrote no object file\n"
              + "(1 more compile(s) failed too)"),
      input("a compiler that writes an empty object").compiler(FAKE
          + ": > \"$object\"\necho \"$object: $source\" > \"$rule\"\n")
          .onMember("cases", "case ADD for x86_64-unknown-linux-gnu: not an ELF, Mach-O or COFF "
              + "object file"),
      input("a compiler that writes a truncated object").compiler(FAKE + CLANG
          + " \"$@\" && head -c 200 \"$object\" > \"$object.cut\" && mv \"$object.cut\" "
          + "\"$object\"\n").onMember("cases", "case ADD for x86_64-unknown-linux-gnu: section "
          + "header table (offset 0x208, size 64) extends past the end of the file (200 bytes)"),
      input("a compiler that writes an object for another machine").compiler(ANOTHER_MACHINE)
          .onMember("cases", ANOTHER_MACHINE_OBJECT),
      input("an object for another machine, each case compiled alone")
          .option("isolated", null).compiler(ANOTHER_MACHINE)
          .onMember("cases", ANOTHER_MACHINE_OBJECT),
      input("a compiler that writes no dependency file").compiler(FAKE
          + "echo garbage > \"$object\"\n").onMember("cases", "clang failed on case ADD for "
          + "x86_64-unknown-linux-gnu:\n"
              + "fake-clang exited with status 0 but wrote no dependency file (-MF)\n"
              + "(1 more compile(s) failed too)"),
      input("a dependency file naming missing files").compiler(FAKE + CLANG + " \"$@\" && "
          + "echo \"$object: $source /nonexistent/header.h\" > \"$rule\"\n")
          .onMember("cases", MISSING_HEADER),
      input("a dependency file without a blank after the colon").compiler(FAKE + CLANG
          + " \"$@\" && echo \"$object:$source /nonexistent/header.h\" > \"$rule\"\n")
          .onMember("cases", MISSING_HEADER),
      input("a dependency file that is no make rule").compiler(FAKE + CLANG
          + " \"$@\" && echo garbage > \"$rule\"\n").onMember("cases", NO_RULE + "garbage\"\n"
          + "(1 more compile(s) failed too)"),
      input("an empty dependency file").compiler(FAKE + CLANG
          + " \"$@\" && : > \"$rule\"\n").onMember("cases", NO_RULE + "\"\n"
          + "(1 more compile(s) failed too)"),
      input("a compiler that is not clang").compiler("#!/bin/sh\necho 'gcc (Debian 12.2.0) "
          + "12.2.0'\n").onAnnotation("{root}/fake-clang is not LLVM clang (its --version says "
          + "\"gcc (Debian 12.2.0) 12.2.0\"). Install one with \"apt-get install clang-19\", or "
          + "name it with -Astencil.clang=/path/to/clang"),
      input("a clang that is too old").compiler("#!/bin/sh\necho 'clang version 18.1.8'\n")
          .onAnnotation("{root}/fake-clang is clang 18; Stencil4j needs clang 19 or newer. "
              + "Install one with \"apt-get install clang-19\", or name it with "
              + "-Astencil.clang=/path/to/clang"),
      input("a --version that prints nothing").compiler("#!/bin/sh\nexit 0\n")
          .onAnnotation("{root}/fake-clang is not LLVM clang (its --version says \"\"). Install "
              + "one with \"apt-get install clang-19\", or name it with "
              + "-Astencil.clang=/path/to/clang"),
      input("a compiler that is missing").option("clang", "{root}/no-clang").onAnnotation("clan"
          + "g \"{root}/no-clang\" (from -Astencil.clang or $STENCIL_CLANG) is not an "
          + "executable file"),
      input("a compiler that is a directory").file("bin", new BadInput.Content.Directory())
          .option("clang", "{root}/bin").onAnnotation("clang \"{root}/bin\" (from "
              + "-Astencil.clang or "
          + "$STENCIL_CLANG) is not an executable file"),
      input("a compiler that is not executable").file("clang", "#!/bin/sh\n")
          .option("clang", "{root}/clang").onAnnotation("clang \"{root}/clang\" (from "
              + "-Astencil.clang or $STENCIL_CLANG) is not an executable file"),
      input("a gcc that is missing").option("gcc", "{root}/no-gcc").onAnnotation("gcc "
          + "\"{root}/no-gcc\" (from -Astencil.gcc) is not on the PATH. Install it with "
          + "\"apt-get install gcc\""),

      // ---- options ----
      input("a timeout that is no number").option("timeout", "soon")
          .onAnnotation("the timeout "
          + "\"soon\"" + NOT_SECONDS),
      input("a timeout of 0").option("timeout", "0")
          .onAnnotation("the timeout \"0\"" + NOT_SECONDS),
      input("a negative timeout").option("timeout", "-5")
          .onAnnotation("the timeout \"-5\"" + NOT_SECONDS),
      input("a fractional timeout").option("timeout", "1.5")
          .onAnnotation("the timeout \"1.5\"" + NOT_SECONDS),
      input("an empty timeout").option("timeout", "")
          .onAnnotation("the timeout \"\"" + NOT_SECONDS),
      input("a timeout without a value").option("timeout", null)
          .onAnnotation("the timeout \"\"" + NOT_SECONDS),
      input("a timeout beyond a long").option("timeout", "99999999999999999999")
          .onAnnotation("the timeout \"99999999999999999999\"" + NOT_SECONDS),
      input("the largest timeout").option("timeout", "9223372036854775807")
          .onAnnotation("the timeout \"9223372036854775807\"" + NOT_SECONDS),
      input("a misspelled option").option("timout", "5").onAnnotation("unknown option "
          + "-Astencil.timout; Stencil4j's options are " + OPTIONS),
      input("an unknown option").option("optimize", "3").onAnnotation("unknown option "
          + "-Astencil.optimize; Stencil4j's options are " + OPTIONS));
}
