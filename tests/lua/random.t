# 100,000 random operations on each architecture, vm.check() every 1,000:
# random.lua prints TAP, run by the real vmlab binary.
use strict;
use warnings;
use lib 'tests/lib';
use Transcript;

exec { vmlab_path() } vmlab_path(), 'tests/lua/random.lua' or die "exec: $!\n";
