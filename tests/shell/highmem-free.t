#!/usr/bin/perl
# highmem-free.t - a HighMem page freed after kunmap while its pkmap slot
# still maps it (count 1, no users): legal, as in Linux; the stale mapping
# is reused if the page is allocated and kmapped again.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38000 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ kmap 0x38000
0xff801000: pfn 0x38000 (HighMem) in pkmap slot 1, pkmap_count 2 (1 user)
$ kunmap 0x38000
pfn 0x38000: pkmap slot 1, pkmap_count 2 -> 1 (no users: the mapping stays until the next flush_all_zero_pkmaps)
$ __free_pages 0x38000 0
$ check
OK
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38000 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ kmap 0x38000
0xff801000: pfn 0x38000 (HighMem) already in pkmap slot 1, pkmap_count 2 (1 user)
$ kunmap 0xff801000
pfn 0x38000: pkmap slot 1, pkmap_count 2 -> 1 (no users: the mapping stays until the next flush_all_zero_pkmaps)
$ kunmap 0xff801000
! error: kunmap: pfn 0x38000 is not kmapped (its slot has no users left): kunmap_high() would BUG()
