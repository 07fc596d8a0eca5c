# lua/slides.lua: a numbered diagram after each step, for lecture slides.
# The fixture tests/lua/fixtures/slides.lua makes a deck of three steps,
# the third with four diagrams; the files written (names, count, the
# step's heading in each), the same deck kept in memory, the errors, the
# sandbox, and examples/slides-cow.lua writing its slides.
use strict;
use warnings;
use lib 'tests/lib';
use File::Spec;
use File::Temp qw(tempdir);
use Test::More;
use Transcript;

my $fixture = File::Spec->rel2abs('tests/lua/fixtures/slides.lua');
my $example = File::Spec->rel2abs('examples/slides-cow.lua');
my $have_dot = system('dot -V >/dev/null 2>&1') == 0;

sub slurp {
	my ($name) = @_;
	open my $fh, '<', $name or return '';
	local $/;
	return scalar <$fh>;
}

sub files_in {
	my ($dir) = @_;
	opendir my $dh, $dir or return ();
	return sort grep { !/^\./ } readdir $dh;
}

my @names = ('01-boot', '02-exec-app', '03-fork-write-copy-pagetable-1',
	     '03-fork-write-copy-pagetable-2', '03-fork-write-copy-shared',
	     '03-fork-write-copy-pagetable-1-4');

# Format dot: the text only, one file per diagram, numbered by step.
{
	my $dir = tempdir(CLEANUP => 1);
	mkdir "$dir/out";
	my $r = run_vmlab([$fixture, 'out', 'dot'], '', dir => $dir);
	is($r->{status}, 0, 'the deck runs') or diag($r->{err});
	is_deeply([files_in("$dir/out")], [sort map { "$_.dot" } @names],
		  'six files: one per diagram, named by step and title');
	is($r->{out}, "slide 1: boot -> out/01-boot.dot\n"
		. "slide 2: exec app -> out/02-exec-app.dot\n"
		. 'slide 3: Fork & write: "copy"! -> ' . join(', ', map { "out/$_.dot" } @names[2 .. 5]) . "\n"
		. "3 steps, 6 diagrams in out\n"
		. join('', map { "file out/$_.dot\n" } @names),
		'a line per step, a summary, and the list deck:finish() returns');
	like(slurp("$dir/out/01-boot.dot"), qr/^digraph phys \{/, 'step 1 drew the default diagram, phys');
	like(slurp("$dir/out/01-boot.dot"), qr/<B>1\. boot<\/B>/, 'with the step as its heading');
	like(slurp("$dir/out/03-fork-write-copy-pagetable-2.dot"),
	     qr/<B>3\. Fork &amp; write: &quot;copy&quot;!<\/B>.*Page tables of pid 2/s,
	     'a step\'s own diagrams: the heading escaped, the table form naming pid 2');
	like(slurp("$dir/out/03-fork-write-copy-shared.dot"), qr/^digraph shared \{/,
	     'and the shared frames');
	is(slurp("$dir/out/03-fork-write-copy-pagetable-1.dot"),
	   slurp("$dir/out/03-fork-write-copy-pagetable-1-4.dot"),
	   'a diagram asked twice gets a second name, the same text');
	my $again = run_vmlab([$fixture, 'out', 'dot'], '', dir => $dir);
	is($again->{out}, $r->{out}, 'a second run writes the same files again');
}

# Format svg: rendered by Graphviz, the .dot kept next to each.
SKIP: {
	skip 'Graphviz is not installed (apt-get install graphviz): svg slides not tested', 3
		unless $have_dot;
	my $dir = tempdir(CLEANUP => 1);
	my $r = run_vmlab([$fixture, $dir, 'svg'], '');
	is($r->{status}, 0, 'an svg deck runs') or diag($r->{err});
	is_deeply([files_in($dir)], [sort map { ("$_.dot", "$_.svg") } @names],
		  'each diagram as .svg with its .dot');
	like(slurp("$dir/02-exec-app.svg"), qr{</svg>\s*\z}, 'a whole SVG');
}

# Without a directory: nothing written, the text kept in step.dot.
{
	my $dir = tempdir(CLEANUP => 1);
	my $r = run_vmlab([$fixture, '-', 'svg'], '', dir => $dir);
	is($r->{status}, 0, 'a deck in memory runs') or diag($r->{err});
	is_deeply([files_in($dir)], [], 'it writes nothing');
	like($r->{out}, qr/^slide 1: boot -> 01-boot\.svg \(not written\)$/m, 'and says so');
	like($r->{out}, qr/^dot 1 \d+ pagetable\ndot 2 \d+ pagetable\ndot 3 \d+ shared\ndot 4 \d+ pagetable\n\z/m,
	     'step.dot holds each diagram\'s text');
	$r = run_vmlab(['--sandbox', $fixture, '-', 'dot'], '', dir => $dir);
	is($r->{status}, 0, 'in the sandbox too') or diag($r->{err});
	$r = run_vmlab(['--sandbox', $fixture, 'out', 'dot'], '', dir => $dir);
	is($r->{status}, 1, 'the sandbox refuses to write slides');
	like($r->{err}, qr/step 1 \(boot\): .*not allowed in the sandbox/, 'and says why');
}

# Errors name the step.
{
	my $dir = tempdir(CLEANUP => 1);
	my %faults = (
		'bad-dir' => qr/^vmlab: \S*slides\.lua:10: slides\.new: dir 'nowhere': No such file or directory\n/,
		'bad-diagram' => qr/step 2 \(exec app\): dot: unknown diagram 'nothing'/,
		'bad-step' => qr/step 3 \(Fork & write: "copy"!\): .*the step broke/,
		'bad-format' => qr/slides\.new: format 'jpg' is not svg, png, pdf or dot/,
		'no-title' => qr/slides: a step needs a title/,
	);
	for my $fault (sort keys %faults) {
		my $r = run_vmlab([$fixture, $fault eq 'bad-dir' ? 'nowhere' : '-', 'dot', $fault], '',
				  dir => $dir);
		is($r->{status}, 1, "$fault: the script fails");
		like($r->{err}, $faults{$fault}, "$fault: the error says where");
	}
}

# slides.new checks dir: one line at the caller's, before any step runs.
{
	my $dir = tempdir(CLEANUP => 1);
	open my $fh, '>', "$dir/file" or die; close $fh;
	my $r = run_vmlab(['-e', 'local slides = require "slides"; slides.new{ dir = "file", format = "dot" }; print("never")'],
			  '', dir => $dir);
	is($r->{status}, 1, 'a dir that is a file fails');
	like($r->{err}, qr/^vmlab: \(command line\):1: slides\.new: dir 'file': Not a directory\n/, 'at slides.new, saying why');
	is($r->{out}, '', 'before anything else runs');
	$r = run_vmlab(['-e', 'local slides = require "slides"; slides.new{ dir = "", format = "dot" }; print("never")'],
		       '', dir => $dir);
	like($r->{err}, qr/^vmlab: \(command line\):1: slides\.new: dir is empty/, 'an empty dir is an error, not /');
}

# The example: copy-on-write as eight slides.
{
	my $dir = tempdir(CLEANUP => 1);
	my $r = run_vmlab([$example, $dir, 'dot'], '');
	is($r->{status}, 0, 'examples/slides-cow.lua DIR dot runs') or diag($r->{err}, $r->{out});
	my @want = ('01-exec-nothing-is-mapped-yet', '02-the-parent-writes-its-heap',
		    map({ "03-fork-one-frame-two-read-only-ptes-$_" } qw(pagetable-1 pagetable-2 shared)),
		    map({ "04-the-child-writes-copy-on-write-$_" } qw(pagetable-1 pagetable-2 shared)));
	is_deeply([files_in($dir)], [map { "$_.dot" } @want], 'it writes its eight slides');
	like(slurp("$dir/03-fork-one-frame-two-read-only-ptes-shared.dot"), qr/<B>CoW<\/B>.*<B>CoW<\/B>/s,
	     'slide 3 shows the frame shared copy-on-write');
}

done_testing();
