# The Lua library in lua/ (experiment, expect): library.lua prints TAP
# through lua/tap.lua, run by the real vmlab binary.
use strict;
use warnings;
use lib 'tests/lib';
use Transcript;

exec { vmlab_path() } vmlab_path(), 'tests/lua/library.lua' or die "exec: $!\n";
