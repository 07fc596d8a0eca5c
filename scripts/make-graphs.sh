#!/bin/sh
# make-graphs.sh - regenerates the diagrams in graphs/ from the scenarios
# in examples/ (`make graphs` runs it).
#
#   scripts/make-graphs.sh [VMLAB]      VMLAB defaults to ./vmlab
#   GRAPHS=DIR scripts/make-graphs.sh   write elsewhere than graphs/
#
# Each line of the table below names a graph, the command script that
# sets the machine up ("-" for the default machine) and the `dot` command
# that draws it.  The script runs in vmlab with the dot command appended,
# writing graphs/NAME.dot and graphs/NAME.svg, so the examples themselves
# stay free of output files and run anywhere.  Rendering needs Graphviz
# (apt-get install graphviz); without it vmlab says so and this fails.
set -eu

vmlab=${1:-./vmlab}
case $vmlab in
/*) ;;
*) vmlab=$(pwd)/$vmlab ;;
esac
out=${GRAPHS:-graphs}
case $out in
/*) ;;
*) out=$(pwd)/$out ;;
esac
cd "$(dirname "$0")/.."
[ -x "$vmlab" ] || { echo "make-graphs.sh: $vmlab is not built (run make)" >&2; exit 1; }
mkdir -p "$out"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# graph NAME SCRIPT DOT-COMMAND...
graph() {
	name=$1 script=$2
	shift 2
	{
		[ "$script" = - ] || cat "$script"
		echo "$* \"$out/$name.svg\""
	} | "$vmlab" --bail >"$tmp" || {
		echo "make-graphs.sh: $name.svg failed" >&2
		exit 1
	}
	echo "graphs: $name.svg"
}

#     name              scenario                        diagram
graph phys-boot         -                               dot phys
graph buddy-split       examples/buddy-split.vmlab      dot buddy zone=DMA
graph phys-fragmented   examples/fragmentation.vmlab    dot phys
graph buddy-fragmented  examples/fragmentation.vmlab    dot buddy zone=Normal
graph phys-numa         examples/numa.vmlab             dot phys
graph aspace-cow        examples/cow.vmlab              dot aspace 1
graph pagetable-walk    examples/cow.vmlab              dot pagetable 1 addr=0x0804c123
graph pagetable-cow     examples/cow.vmlab              dot pagetable 2 addr=0x0804c123
graph slab-foo          examples/slab.vmlab             dot slab foo
graph tlb-pcid          examples/tlb.vmlab              dot tlb
graph shared-fork       examples/shared-mappings.vmlab  dot shared
graph layout-i386       -                               dot layout
