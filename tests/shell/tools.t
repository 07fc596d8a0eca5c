# The shell's line syntax, dispatch, usage errors and its own commands.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# echo, and the way a line is cut into commands and words
$ echo hello   world
hello world
$ echo
\
$ echo "two  blanks" "a;b" "#not a comment" "" end
two  blanks a;b #not a comment  end
$ echo one; echo two;; echo three
one
two
three
$ echo visible # echo hidden; echo hidden too
visible
$ echo a#b
a#b
$ echo "say \"hi\"" "back\\slash" not\escaped
say "hi" back\slash not\escaped
$ echo "open
! error: unterminated quote
$ echo first; echo "open
! error: unterminated quote

# key=value words are options only for commands that take options
$ echo a=b "c=d"
a=b c=d
$ check x=1
! error: check: unexpected argument 'x=1' (usage: check)

# finding the command: exact name, unique prefix, or an error
$ bogus
! error: unknown command 'bogus' (try 'help')
$ ech prefix
prefix
$ __
! error: ambiguous command '__' (__free_pages, __get_free_pages)
$ echo before; bogus; echo after
before
! error: unknown command 'bogus' (try 'help')
after

# argument counts and options are checked before the command runs
$ alloc_pages
! error: alloc_pages: missing ORDER (usage: alloc_pages ORDER [gfp=FLAGS] [node=N])
$ free_pages 0xc1800000
! error: free_pages: missing ORDER (usage: free_pages ADDR ORDER)
$ check now
! error: check: unexpected argument 'now' (usage: check)
$ alloc_pages 0 foo=1
! error: alloc_pages: unknown option 'foo' (options: gfp, node)
$ alloc_pages 0 GFP=GFP_KERNEL
! error: alloc_pages: unknown option 'GFP' (options: gfp, node)
$ alloc_pages 0 gfp=GFP_KERNEL gfp=GFP_USER
! error: alloc_pages: option 'gfp' given twice

# numbers: decimal or 0x hex, 64 bits, nothing else
$ alloc_pages x3
! error: alloc_pages: ORDER: 'x3' is not a number
$ alloc_pages 0x
! error: alloc_pages: ORDER: '0x' is not a number
$ alloc_pages 3K
! error: alloc_pages: ORDER: '3K' is not a number
$ alloc_pages 1.5
! error: alloc_pages: ORDER: '1.5' is not a number
$ alloc_pages ""
! error: alloc_pages: ORDER: '' is not a number
$ alloc_pages -1
! error: alloc_pages: ORDER: '-1' is negative
$ alloc_pages +1
! error: alloc_pages: ORDER: '+1' is not a number
$ alloc_pages 18446744073709551616
! error: alloc_pages: ORDER: '18446744073709551616' is too large (more than 64 bits)
$ alloc_pages 0x10000000000000000
! error: alloc_pages: ORDER: '0x10000000000000000' is too large (more than 64 bits)
$ alloc_pages 18446744073709551615
! error: alloc_pages: order 18446744073709551615 is out of range (0..10)
$ alloc_pages 0xFFFFFFFFFFFFFFFF
! error: alloc_pages: order 18446744073709551615 is out of range (0..10)

# sizes: K, M, G, T and KiB, MiB, GiB, TiB (powers of 1024)
$ machine ram=64X
! error: machine: ram: '64X' is not a size (a number with K, M or G)
$ machine ram=64MB
! error: machine: ram: '64MB' is not a size (a number with K, M or G)
$ machine ram=M
! error: machine: ram: 'M' is not a size (a number with K, M or G)
$ machine ram=-64M
! error: machine: ram: '-64M' is negative
$ machine ram=16777216T
! error: machine: ram: '16777216T' is too large (more than 64 bits)
$ machine ram=99999999999999999999
! error: machine: ram: '99999999999999999999' is too large (more than 64 bits)

# check
$ check
OK
$ check; check
OK
OK

# explain and trace: on, off, and asking
$ explain
explain is off
$ explain on
$ explain
explain is on
$ explain off
$ explain
explain is off
$ trace
trace is off
$ trace on; trace
trace is on
$ trace off; trace
trace is off
$ trace maybe
! error: trace: expected 'on' or 'off', not 'maybe'
$ explain on off
! error: explain: unexpected argument 'off' (usage: explain [on|off])

# help for one command, by name or prefix
$ help echo
echo - print the words given

Usage: echo [TEXT...]

Prints its arguments separated by single blanks, then a newline.
Handy for headings in scripts and transcripts.  Quote a word to
keep blanks, ';' or '#' in it.

Example: echo "== order-3 allocation =="
$ help exi
exit - leave vmlab (the same as quit)

Usage: exit

Another name for `quit`.

Example: exit
$ help bogus
! error: help: unknown command 'bogus' (try 'help')
$ help __
! error: help: ambiguous command '__' (__free_pages, __get_free_pages)
$ help echo check
! error: help: unexpected argument 'check' (usage: help [CMD])
