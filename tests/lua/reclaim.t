# The swap, reclaim, OOM and replay functions of the vmlab Lua module and
# their error paths: reclaim.lua prints TAP (lua/tap.lua), run by the
# real vmlab binary.
use strict;
use warnings;
use lib 'tests/lib';
use Transcript;

$ENV{VMLAB} //= vmlab_path();
exec { vmlab_path() } vmlab_path(), 'tests/lua/reclaim.lua' or die "exec: $!\n";
