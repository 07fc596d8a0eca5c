# kswapd, direct reclaim and the OOM killer as `explain on` and `trace on` tell
# them: kswapd wakes when the allocation finds the zones at their low watermark
# and sleeps once a zone is above high; the pages it scans get a second chance
# or go to swap; without swap, the allocating task reclaims by itself and then
# the OOM killer chooses.  The runs are long, so the checks are patterns.
use strict;
use warnings;
use lib 'tests/lib';
use Transcript;
use Test::More;

# Runs the commands; the exit status is 1 if one is expected to fail.
sub run {
	my ($cmds, $status) = @_;
	my $r = run_vmlab(['--check', '-c', $cmds], undef, merge => 1);
	is($r->{status}, $status // 0, "exit status: " . substr($cmds, 0, 60))
		or diag(substr($r->{out}, -2000));
	return $r->{out};
}

sub vmstat {
	my ($out, $name) = @_;
	return $out =~ /^\Q$name\E (\d+)$/m ? $1 : -1;
}

# x86_64, 64 MiB: 11400 pages touched quietly, then 200 more while explained.
my $fill = 'machine arch=x86_64 ram=64M swap=128M; exec app; mmap 100M; '
	 . 'touch 0x7ffff1bff000 45600K w';
my $out = run("$fill; explain on; touch 0x7ffff4887000 800K w; explain off; vmstat");
my ($free, $low) = $out =~ /^kswapd0 is woken: the allocation found every zone of its zonelist at or below its low watermark \(the first, DMA32: (\d+) free pages, low (\d+)\); kswapd reclaims until a zone is above its high watermark\.$/m;
ok(defined $low && $free <= $low, 'kswapd wakes at the low watermark of DMA32');
is(scalar(() = $out =~ /^kswapd0 is woken/mg), 1, 'once');
like($out, qr/^kswapd0 runs for order-0 pages in zones up to Movable\.$/m, 'it runs');
my ($after, $high, $got) = $out =~ /^kswapd0 sleeps: zone DMA32 has (\d+) free pages, above its high watermark (\d+); it reclaimed (\d+) pages\.$/m;
ok(defined $high && $after > $high && $after <= $high + 32 + 15,
   "and sleeps just above high ($after > $high)");
ok($got > 0 && $got == vmstat($out, 'pgsteal_kswapd'), 'pgsteal_kswapd counts what it freed');
like($out, qr/^pfn 0x[0-9a-f]+ \(anon\): a PTE saw it \(young\) and PG_referenced was clear: second chance, PG_referenced set, back to the head of the inactive list\.$/m,
     'young pages get a second chance');
like($out, qr/^pfn 0x[0-9a-f]+ \(anon\): no PTE saw it since the last scan \(PG_referenced is cleared on the way\): evicted\.$/m,
     'and go the next time round');
like($out, qr/^add_to_swap: pfn 0x[0-9a-f]+ gets slot 1 of \/dev\/sda2 \(type 0\) and enters the swap cache\.$/m,
     'the first victim gets slot 1');
like($out, qr/^unmap: pid 1's 0x00007ffff[0-9a-f]{7} now holds a swap entry: pte := 0x07ffffffffff[0-9a-f]{4}\.$/m,
     'its PTE becomes a swap entry');
like($out, qr/^pageout: pfn 0x[0-9a-f]+ is written to \/dev\/sda2 slot 1 \(pswpout\); then it leaves the swap cache and is freed\.$/m,
     'and it is written to its slot');
like($out, qr/^scan: 32 pages taken from the tail of node 0's inactive_anon list \(32 asked\)\.$/m, 'scans');
ok(vmstat($out, 'pageoutrun') >= 1 && vmstat($out, 'pgscan_kswapd') >= vmstat($out, 'pgsteal_kswapd'),
   'pageoutrun and pgscan_kswapd');
is(vmstat($out, 'allocstall_movable') + vmstat($out, 'allocstall_dma32'), 0, 'no direct reclaim');
is(vmstat($out, 'kswapd_low_wmark_hit_quickly'), 0, 'the first wakeup cuts no nap short');
is(vmstat($out, 'pageoutrun'), 1 + vmstat($out, 'kswapd_high_wmark_hit_quickly'),
   'each balance_pgdat after the first follows a try to sleep with the node not balanced');

# kswapd_try_to_sleep: after each run kswapd naps; woken again within the nap
# (KSWAPD_NAP_PAGES allocated), it counts kswapd_low_wmark_hit_quickly.  Here the
# first wakeup after the munmap comes 30720 allocations later: the nap was over.
$out = run('machine arch=x86_64 ram=256M swap=256M; exec app; mmap 400M; '
	   . 'touch 0x7fffdefff000 232M w; munmap 0x7fffdefff000 120M; explain on; '
	   . 'touch 0x7fffed7ff000 160M w; explain off; vmstat');
my $wakes = () = $out =~ /^kswapd0 is woken/mg;
ok($wakes > 3, "kswapd woken $wakes times after the munmap");
is(vmstat($out, 'kswapd_low_wmark_hit_quickly'), $wakes - 1, 'all but the first cut its nap short');
my $runs = $wakes + 1;		# one more before the munmap
is(vmstat($out, 'pageoutrun'), $runs + vmstat($out, 'kswapd_high_wmark_hit_quickly'),
   'pageoutrun: one per run, one more each time the node was not balanced');

# Two nodes: the allocation wakes the kswapd of every node of its zonelist
# (wake_all_kswapds), and each reclaims its own node's lists.
$out = run('machine arch=x86_64 ram=256M nodes=2 cpus=2 swap=256M; exec app; mmap 300M; '
	   . 'touch 0x7fffe53ff000 232M w; explain on; touch 0x7ffff3bff000 4M w; explain off');
my ($k0, $k1) = $out =~ /^(kswapd0 is woken: .*?^kswapd0 sleeps: [^\n]*\n)(kswapd1 is woken: .*?^kswapd1 sleeps: [^\n]*)$/ms;
ok(defined $k1, 'kswapd0 runs, then kswapd1') or diag(substr($out, 0, 3000));
my ($f1, $low1) = ($k1 // '') =~ /^kswapd1 is woken: .* \(the first, DMA32: (\d+) free pages, low (\d+)\)/m;
ok(defined $low1 && $f1 <= $low1, "node 1's DMA32 was at its low watermark ($f1 <= $low1)");
like($k1 // '', qr/^scan: \d+ pages taken from the tail of node 1's inactive_anon list/m,
     "kswapd1 scans node 1's list");
unlike($k1 // '', qr/node 0's/, "and not node 0's");
unlike($k0 // '', qr/node 1's/, "nor kswapd0 node 1's");
my ($a1, $high1) = ($k1 // '') =~ /^kswapd1 sleeps: zone DMA32 has (\d+) free pages, above its high watermark (\d+)/m;
ok(defined $high1 && $a1 > $high1, "node 1's DMA32 ends above high");

# The same with the tracepoints.
$out = run("$fill; trace on; touch 0x7ffff4887000 800K w; trace off");
like($out, qr/^mm_vmscan_wakeup_kswapd: nid=0 order=0 gfp_flags=GFP_HIGHUSER_MOVABLE\|__GFP_ZERO$/m, 'mm_vmscan_wakeup_kswapd');
like($out, qr/^mm_vmscan_kswapd_wake: nid=0 order=0$/m, 'mm_vmscan_kswapd_wake');
like($out, qr/^mm_vmscan_lru_isolate: isolate_mode=0 classzone=4 order=0 nr_requested=32 nr_scanned=32 nr_skipped=0 nr_taken=32 lru=inactive_anon$/m,
     'mm_vmscan_lru_isolate');
like($out, qr/^mm_vmscan_lru_shrink_inactive: nid=0 nr_scanned=32 nr_reclaimed=0 nr_dirty=0 nr_writeback=0 nr_congested=0 nr_immediate=0 nr_activate_anon=0 nr_activate_file=0 nr_ref_keep=32 nr_unmap_fail=0 priority=\d+ flags=RECLAIM_WB_ANON\|RECLAIM_WB_ASYNC$/m,
     'mm_vmscan_lru_shrink_inactive: the first look keeps them all');
like($out, qr/^mm_vmscan_lru_shrink_inactive: nid=0 nr_scanned=(\d+) nr_reclaimed=\1 nr_dirty=0 nr_writeback=0 nr_congested=0 nr_immediate=0 nr_activate_anon=0 nr_activate_file=0 nr_ref_keep=0 nr_unmap_fail=0 priority=\d+ flags=RECLAIM_WB_ANON\|RECLAIM_WB_ASYNC$/m,
     'the next one reclaims');
like($out, qr/^mm_vmscan_writepage: page=0xffffea0000[0-9a-f]{6} pfn=0x[0-9a-f]+ flags=RECLAIM_WB_ANON\|RECLAIM_WB_ASYNC$/m,
     'mm_vmscan_writepage');
like($out, qr/^try_to_unmap_one: pfn=0x[0-9a-f]+ pid=1 addr=0x7ffff[0-9a-f]{7} pte=0x7ffffffffff[0-9a-f]{4}$/m, 'try_to_unmap_one');
like($out, qr/^shrink_folio: pfn=0x[0-9a-f]+ policy=linux verdict=keep young=1 file=0$/m, 'shrink_folio');
like($out, qr/^mm_vmscan_kswapd_sleep: nid=0$/m, 'mm_vmscan_kswapd_sleep');

# i386: HighMem first.
$out = run('machine ram=1G swap=512M; exec app; mmap 1200M; touch 0x6dbff000 1100M w; vmstat; meminfo');
ok(vmstat($out, 'pageoutrun') >= 1 && vmstat($out, 'pswpout') > 0, 'i386: kswapd swaps when HighMem and Normal fill');
like($out, qr/^SwapFree: +\d+ kB$/m, 'i386: SwapFree');

# Without swap nothing anonymous can go: kswapd gives up, the task reclaims by
# itself (allocstall), then the OOM killer.
# (three mappings that merge: one of 100M is more than RAM and swap, which
# overcommit_memory 0 refuses)
$out = run('machine arch=x86_64 ram=64M; exec hog; mmap 40M; mmap 40M; mmap 40M; explain on; '
	   . 'touch 0x7ffff1bff000 100M w; explain off; vmstat');
like($out, qr/^kswapd0 gives up: no zone is above its high watermark and it reclaimed 0 pages \(failures in a row: 16 of 16\)\.$/m,
     'kswapd gives up after 16 failures');
like($out, qr/^kswapd0 stays asleep: it reclaimed nothing 16 times in a row \(the node is unreclaimable\); the allocation must reclaim by itself\.$/m,
     'and is not woken again');
like($out, qr/^direct reclaim: the allocation \(order 0, GFP_HIGHUSER_MOVABLE\|__GFP_ZERO\) fails even at the min watermark, so the allocating task reclaims by itself \(allocstall\)\.$/m,
     'direct reclaim');
like($out, qr/^OOM killer: pid 1 \(hog\) has the highest badness \(RSS \+ swap entries \+ page tables \+ oom_score_adj\): killed with SIGKILL, its memory freed\.$/m,
     'the OOM killer');
like($out, qr/^Out of memory: Killed process 1 \(hog\) total-vm:\d+kB, anon-rss:\d+kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:\d+kB oom_score_adj:0$/m,
     'its log line');
like($out, qr/^out of memory: pid 1 \(hog\) was killed by the OOM killer \(SIGKILL\)$/m,
     'one line says why the process died, and the shell goes on');
ok(vmstat($out, 'allocstall_movable') > 0 && vmstat($out, 'oom_kill') == 1, 'allocstall_movable and oom_kill');

$out = run('machine arch=x86_64 ram=64M; exec hog; mmap 40M; mmap 40M; mmap 40M; trace on; '
	   . 'touch 0x7ffff1bff000 100M w; trace off; cat /proc/zoneinfo');
like($out, qr/^mm_vmscan_direct_reclaim_begin: order=0 gfp_flags=GFP_HIGHUSER_MOVABLE\|__GFP_ZERO$/m, 'mm_vmscan_direct_reclaim_begin');
like($out, qr/^mm_vmscan_direct_reclaim_end: nr_reclaimed=0$/m, 'mm_vmscan_direct_reclaim_end');
like($out, qr/^mark_victim: pid=1$/m, 'mark_victim');
like($out, qr/^  node_unreclaimable:  1$/m, 'zoneinfo: node_unreclaimable');

done_testing();
