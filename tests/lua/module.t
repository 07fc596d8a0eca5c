# Every function of the vmlab Lua module and its error paths: module.lua
# prints TAP through lua/tap.lua, run by the real vmlab binary.
use strict;
use warnings;
use lib 'tests/lib';
use Transcript;

exec { vmlab_path() } vmlab_path(), 'tests/lua/module.lua' or die "exec: $!\n";
