# replay: reference strings through the replacement policies: Belady's anomaly, the
# textbook answers, steps=on as exercises lay them out, write-backs, every policy.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# Belady's anomaly: fifo with 4 frames faults more than with 3
$ replay refs=1,2,3,4,1,2,5,1,2,3,4,5 frames=3,4 policy=fifo
12 references to 5 pages
policy  frames  references  faults    hits  hit ratio  write-backs
fifo         3          12       9       3     25.00%            -
fifo         4          12      10       2     16.67%            -
# the textbook string with fifo, lru and opt
$ replay refs=7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1 frames=3 policy=fifo,lru,opt
20 references to 6 pages
policy  frames  references  faults    hits  hit ratio  write-backs
fifo         3          20      15       5     25.00%            -
lru          3          20      12       8     40.00%            -
opt          3          20       9      11     55.00%            -
# access by access, as exercises lay it out
$ replay refs=1,2,3,4,1,2,5,1,2,3,4,5 frames=3 policy=fifo steps=on
fifo, 3 frames:
     t    page         frames
     1       1  miss   1 - -
     2       2  miss   1 2 -
     3       3  miss   1 2 3
     4       4  miss   4 2 3   replaced 1
     5       1  miss   4 1 3   replaced 2
     6       2  miss   4 1 2   replaced 3
     7       5  miss   5 1 2   replaced 4
     8       1  hit    5 1 2
     9       2  hit    5 1 2
    10       3  miss   5 3 2   replaced 1
    11       4  miss   5 3 4   replaced 2
    12       5  hit    5 3 4

12 references to 5 pages
policy  frames  references  faults    hits  hit ratio  write-backs
fifo         3          12       9       3     25.00%            -
$ replay refs=2,3,2,1,5,2,4,5,3,2,5,2 frames=3 policy=clock,opt steps=on
clock, 3 frames:
     t    page         frames
     1       2  miss   2 - -
     2       3  miss   2 3 -
     3       2  hit    2 3 -
     4       1  miss   2 3 1
     5       5  miss   5 3 1   replaced 2
     6       2  miss   5 2 1   replaced 3
     7       4  miss   5 2 4   replaced 1
     8       5  hit    5 2 4
     9       3  miss   3 2 4   replaced 5
    10       2  hit    3 2 4
    11       5  miss   3 2 5   replaced 4
    12       2  hit    3 2 5

opt, 3 frames:
     t    page         frames
     1       2  miss   2 - -
     2       3  miss   2 3 -
     3       2  hit    2 3 -
     4       1  miss   2 3 1
     5       5  miss   2 3 5   replaced 1
     6       2  hit    2 3 5
     7       4  miss   4 3 5   replaced 2
     8       5  hit    4 3 5
     9       3  hit    4 3 5
    10       2  miss   2 3 5   replaced 4
    11       5  hit    2 3 5
    12       2  hit    2 3 5

12 references to 5 pages
policy  frames  references  faults    hits  hit ratio  write-backs
clock        3          12       8       4     33.33%            -
opt          3          12       6       6     50.00%            -
# writes: a dirty page that is evicted is written back
$ replay refs=1w,2,3,1,4,2w,5,6,7 frames=3 policy=fifo,lru,opt,mru steps=on
fifo, 3 frames:
     t    page         frames
     1      1w  miss   1 - -
     2       2  miss   1 2 -
     3       3  miss   1 2 3
     4       1  hit    1 2 3
     5       4  miss   4 2 3   replaced 1 (written back)
     6      2w  hit    4 2 3
     7       5  miss   4 5 3   replaced 2 (written back)
     8       6  miss   4 5 6   replaced 3
     9       7  miss   7 5 6   replaced 4

lru, 3 frames:
     t    page         frames
     1      1w  miss   1 - -
     2       2  miss   1 2 -
     3       3  miss   1 2 3
     4       1  hit    1 2 3
     5       4  miss   1 4 3   replaced 2
     6      2w  miss   1 4 2   replaced 3
     7       5  miss   5 4 2   replaced 1 (written back)
     8       6  miss   5 6 2   replaced 4
     9       7  miss   5 6 7   replaced 2 (written back)

opt, 3 frames:
     t    page         frames
     1      1w  miss   1 - -
     2       2  miss   1 2 -
     3       3  miss   1 2 3
     4       1  hit    1 2 3
     5       4  miss   4 2 3   replaced 1 (written back)
     6      2w  hit    4 2 3
     7       5  miss   5 2 3   replaced 4
     8       6  miss   6 2 3   replaced 5
     9       7  miss   7 2 3   replaced 6

mru, 3 frames:
     t    page         frames
     1      1w  miss   1 - -
     2       2  miss   1 2 -
     3       3  miss   1 2 3
     4       1  hit    1 2 3
     5       4  miss   4 2 3   replaced 1 (written back)
     6      2w  hit    4 2 3
     7       5  miss   4 5 3   replaced 2 (written back)
     8       6  miss   4 6 3   replaced 5
     9       7  miss   4 7 3   replaced 6

9 references (2 writes) to 7 pages
policy  frames  references  faults    hits  hit ratio  write-backs
fifo         3           9       7       2     22.22%            2
lru          3           9       8       1     11.11%            2
opt          3           9       7       2     22.22%            1
mru          3           9       7       2     22.22%            2
# every policy and several frame counts
$ replay refs=1,2,3,4,5,1,2,6,1,2,3,7,6,3,2,1,2,3,6,4,1,5 frames=1,2,4,8 policy=fifo,lru,clock,opt,rand,lfu,mru,linux
22 references to 7 pages
policy  frames  references  faults    hits  hit ratio  write-backs
fifo         1          22      22       0      0.00%            -
fifo         2          22      21       1      4.55%            -
fifo         4          22      15       7     31.82%            -
fifo         8          22       7      15     68.18%            -
lru          1          22      22       0      0.00%            -
lru          2          22      21       1      4.55%            -
lru          4          22      15       7     31.82%            -
lru          8          22       7      15     68.18%            -
clock        1          22      22       0      0.00%            -
clock        2          22      21       1      4.55%            -
clock        4          22      15       7     31.82%            -
clock        8          22       7      15     68.18%            -
opt          1          22      22       0      0.00%            -
opt          2          22      17       5     22.73%            -
opt          4          22      10      12     54.55%            -
opt          8          22       7      15     68.18%            -
rand         1          22      22       0      0.00%            -
rand         2          22      19       3     13.64%            -
rand         4          22      16       6     27.27%            -
rand         8          22       7      15     68.18%            -
lfu          1          22      22       0      0.00%            -
lfu          2          22      21       1      4.55%            -
lfu          4          22      14       8     36.36%            -
lfu          8          22       7      15     68.18%            -
mru          1          22      22       0      0.00%            -
mru          2          22      20       2      9.09%            -
mru          4          22      14       8     36.36%            -
mru          8          22       7      15     68.18%            -
linux        1          22      22       0      0.00%            -
linux        2          22      21       1      4.55%            -
linux        4          22      15       7     31.82%            -
linux        8          22       7      15     68.18%            -
# errors
$ replay refs=1,2,3 frames=3
! error: replay: missing policy= (usage: replay [FILE] [refs=...] frames=N policy=P ...)
$ replay refs=1,2,3 policy=lru
! error: replay: missing frames= (usage: replay [FILE] [refs=...] frames=N policy=P ...)
$ replay frames=3 policy=lru
! error: replay: give either refs=P,P,... or a trace FILE
$ replay refs=1,2 frames=0 policy=lru
! error: replay: frames: 0 is out of range (1..16777216)
$ replay refs=1,2 frames=3 policy=nru
! error: replay: policy: unknown policy 'nru' (fifo, lru, clock, opt, rand, lfu, mru, linux)
$ replay refs=1,x,2 frames=3 policy=lru
! error: replay: refs: 'x' is not a page number (N, or Nw for a write)
$ replay refs=1,2 frames=3 policy=lru steps=maybe
! error: replay: steps: expected on or off, not 'maybe'
$ replay refs=1,2 frames=3 policy=lru format=lackey
! error: replay: format= and page= are for trace files, not refs=
$ replay /nonexistent frames=3 policy=lru
! error: replay: cannot open /nonexistent: No such file or directory
$ replay refs=, frames=3 policy=lru
! error: replay: refs: item 1 is empty (page numbers are separated by one comma)
$ replay refs=1,,2 frames=3 policy=lru
! error: replay: refs: item 2 is empty (page numbers are separated by one comma)
$ replay refs=99999999999999999999 frames=1 policy=lru
! error: replay: refs: '99999999999999999999' is not a page number (N, or Nw for a write)
$ replay refs=18446744073709551615 frames=1 policy=lru
! error: replay: refs: '18446744073709551615' is not a page number (N, or Nw for a write)
$ replay refs=1,2 frames=3,,4 policy=lru
! error: replay: frames: '3,,4' has an empty item (items are separated by one ',')
$ replay refs=1,2 frames=3 policy=fifo,
! error: replay: policy: 'fifo,' has an empty item (items are separated by one ',')
$ replay refs=1,2, frames=3 policy=lru
! error: replay: refs: item 3 is empty (page numbers are separated by one comma)
# a column grows with its widest value
$ replay refs=1,2,3,1 frames=3,12345678 policy=lru
4 references to 3 pages
policy    frames  references  faults    hits  hit ratio  write-backs
lru            3           4       3       1     25.00%            -
lru     12345678           4       3       1     25.00%            -
