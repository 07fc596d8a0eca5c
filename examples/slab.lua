--[[
slab.lua - slab caches: many small objects carved out of page blocks.

kmem_cache_create() only computes a geometry: object size (rounded to a
word, plus alignment), how many objects fit in a slab of 2^order pages.
The first allocation takes a slab from the buddy allocator; the next
ones come off the CPU's freelist in that slab, with no page allocation
at all, until the slab is full.  Freeing every object leaves empty slabs
that kmem_cache_shrink() gives back.  kmalloc is the same machinery with
the kmalloc-8 .. kmalloc-8k caches, picked by size.

  vmlab examples/slab.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

vm.machine{ ram = "64M" }
local cache = vm.kmem_cache_create("inode_cache", 600)
print(string.format("%s: objects of %d bytes, %d per slab of %s", tostring(cache), cache.size,
                    cache.objects, fmt.pages(1 << cache.order)))
expect(cache:info().num_slabs, 0, "creating a cache allocates no slab")

local page_allocs = 0
vm.on("mm_page_alloc", function() page_allocs = page_allocs + 1 end)
local objs = {}
for i = 1, cache.objects do objs[i] = cache:alloc() end
print(string.format("%d objects allocated: %d page allocation(s), addresses %s .. %s", #objs,
                    page_allocs, fmt.addr(objs[1]), fmt.addr(objs[#objs])))
expect(page_allocs, 1, "one slab serves a whole slab's worth of objects")
expect(objs[2] - objs[1], cache.size, "objects sit one stride apart")
expect(vm.page((objs[1] - vm.info().page_offset) >> 12).flags.slab, true,
       "the object's frame is a slab page")

objs[#objs + 1] = cache:alloc()
expect(page_allocs, 2, "object number objects+1 needs a second slab")
local info = cache:info()
print(string.format("one more: slab number %d; slabinfo says %d/%d objects active", info.num_slabs,
                    info.active_objs, info.num_objs))
expect(info.num_slabs, 2, "two slabs")
vm.off("*")

for _, a in ipairs(objs) do cache:free(a) end
local freed = cache:shrink()
print("all freed; kmem_cache_shrink gave back " .. freed .. " empty slab(s)")
expect(cache:info().num_slabs, 0, "after a shrink no slab is left")
cache:destroy()
expect.error(function() return cache.size end, "destroyed", "the handle knows its cache is gone")

-- kmalloc picks a cache by size.
local sizes = {}
for _, n in ipairs({ 8, 100, 200, 1000, 5000 }) do
  local a = vm.kmalloc(n)
  local name = "?"
  for _, c in ipairs(vm.slabinfo()) do
    if c.active_objs > 0 and c.name:find("^kmalloc") and c.objsize >= n and (name == "?" or c.objsize < sizes[n]) then
      name, sizes[n] = c.name, c.objsize
    end
  end
  print(string.format("kmalloc(%4d) = %s from %s", n, fmt.addr(a), name))
  vm.kfree(a)
end
expect(sizes[100], 128, "kmalloc(100) takes a 128-byte object")
expect(sizes[200], 256, "kmalloc(200) takes a 256-byte object")
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
