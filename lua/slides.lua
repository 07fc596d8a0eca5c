--[[
slides.lua - a numbered diagram after each step of a scenario, for
lecture slides: run the scenario once, get one picture per step.

  local vm = require "vmlab"
  local slides = require "slides"

  local deck = slides.new{ dir = "cow", format = "svg", show = "pagetable 1" }
  local p
  deck:step("exec: nothing is mapped", function() p = vm.exec("app") end)
  deck:step("the heap is written", function() p:touch(p:malloc(100), "w") end)
  deck:step("fork", function() p:fork() end, { "pagetable 1", "pagetable 2" })
  deck:finish()

writes

  cow/01-exec-nothing-is-mapped.svg
  cow/02-the-heap-is-written.svg
  cow/03-fork-pagetable-1.svg
  cow/03-fork-pagetable-2.svg

and prints one line per step.  Each diagram carries the step as its
heading ("3. fork", through `dot`'s title= option) above its own title.

Steps.  deck:step(title, fn, show) runs fn (if any), then draws; it
returns the step: {n=, title=, files={...}, dot={...}}.  The file name is
the step's number (two digits, `digits=` for more) and its title in
lower case with every run of other characters made a '-'; when a step
draws several diagrams, each name goes on with the diagram's words
("-pagetable-2"), and a number when two would still be the same.

What is drawn.  `show` (for the deck, or for one step) is a string of
`dot` words for one diagram ("pagetable 1 addr=0x0804c000"), or a list
of diagrams, each such a string or a table {"pagetable", p, addr = a} (a
process stands for its pid), or a function returning one of these,
called after the step (so it may name a process the step made):
  show = { "pagetable 1", { "pagetable", child, addr = a } }

Options of slides.new{}:
  dir      where files go; it must exist (slides.new checks).  Without
           dir nothing is written: each step's DOT text is kept in
           step.dot[] (and names in step.files[]), which also works in
           the sandbox.
  format   "svg" (default), "png" or "pdf": rendered by Graphviz, the .dot
           kept next to it; or "dot": the text only, no Graphviz needed.
  show     the diagrams of every step (default "phys", which needs no
           process).
  digits   width of the step number (2).
  quiet    true: print nothing.

The module is also a deck of its own, for short scripts:
  slides.setup{ dir = "out" }; slides.step("boot"); slides.finish()
]]
local vm = require "vmlab"

local M = {}
local Deck = {}
Deck.__index = Deck

local formats = { svg = true, png = true, pdf = true, dot = true }

-- "Copy-on-write: the child writes!" -> "copy-on-write-the-child-writes"
function M.slug(title)
  local s = tostring(title):lower():gsub("[^%w]+", "-"):gsub("^%-+", ""):gsub("%-+$", "")
  if #s > 40 then s = s:sub(1, 40):gsub("%-+$", "") end
  return s ~= "" and s or "step"
end

-- A word as the shell reads it: quoted when it has blanks, quotes, ';' or '#'.
local function word(s)
  s = tostring(s)
  if s ~= "" and not s:find('[%s";#\\]') then return s end
  return '"' .. s:gsub('[\\"]', "\\%0") .. '"'
end

-- A diagram as {words = {...}, label = "pagetable-2"}; spec is a string or a table.
local function diagram(spec)
  local words, label = {}, {}
  if type(spec) == "string" then
    for w in spec:gmatch("%S+") do words[#words + 1] = w end
    for _, w in ipairs(words) do
      if not w:find("=", 1, true) then label[#label + 1] = w end
    end
  elseif type(spec) == "table" then
    if type(spec[1]) ~= "string" then error("slides: a diagram starts with its name", 3) end
    for _, v in ipairs(spec) do
      local w = (type(v) == "userdata" or type(v) == "table") and v.pid or v
      words[#words + 1] = word(w)
      label[#label + 1] = tostring(w)
    end
    local keys = {}
    for k in pairs(spec) do if type(k) == "string" then keys[#keys + 1] = k end end
    table.sort(keys)
    for _, k in ipairs(keys) do words[#words + 1] = k .. "=" .. word(spec[k]) end
  else
    error("slides: a diagram is a string or a table, not " .. type(spec), 3)
  end
  if #words == 0 then error("slides: an empty diagram", 3) end
  return { words = words, label = M.slug(table.concat(label, "-")) }
end

-- The diagrams a show value stands for (a string: one; a table: a list), after the step ran.
local function diagrams(show, deck)
  if type(show) == "function" then show = show(deck) end
  if type(show) == "string" then show = { show } end
  if type(show) ~= "table" then
    error("slides: show is a string, a list or a function, not " .. type(show), 3)
  end
  local list = {}
  for _, spec in ipairs(show) do list[#list + 1] = diagram(spec) end
  if #list == 0 then error("slides: no diagram to draw", 3) end
  return list
end

-- Raises "slides.new: dir 'x': No such file or directory" unless dir is a
-- directory.  Without io (the sandbox) the first step says it may not write.
local function check_dir(dir)
  if not io then return end
  local f, err = io.open(dir .. "/.", "r")
  if not f then
    error(string.format("slides.new: dir '%s': %s", dir, (err:gsub("^.-: ", ""))), 3)
  end
  f:close()
end

--[[
slides.new{dir=, format=, show=, digits=, quiet=}: a deck.  Raises an
error for an unknown format, or a dir that is not a directory.
]]
function M.new(opts)
  opts = opts or {}
  local format = opts.format or "svg"
  if not formats[format] then
    error("slides.new: format '" .. tostring(format) .. "' is not svg, png, pdf or dot", 2)
  end
  local dir = opts.dir
  if dir == "" then error("slides.new: dir is empty (a directory, or no dir for no files)", 2) end
  if dir then dir = tostring(dir):gsub("/+$", "") end
  if dir == "" then dir = "/" end     -- "/" itself, given as "/" or "//"
  if dir then check_dir(dir) end
  return setmetatable({ dir = dir, format = format, show = opts.show or "phys",
                        digits = opts.digits or 2, quiet = opts.quiet, steps = {}, files = {} },
                      Deck)
end

-- The names of one step's files, made unique within the step.
local function names(deck, n, title, list)
  local base = string.format("%0" .. deck.digits .. "d-%s", n, M.slug(title))
  local out, seen = {}, {}
  for i, dg in ipairs(list) do
    local name = #list == 1 and base or base .. "-" .. dg.label
    if seen[name] then name = name .. "-" .. i end
    seen[name] = true
    out[i] = name .. "." .. deck.format
  end
  return out
end

-- Draws diagram dg as file name (or into memory); returns its DOT text or the "wrote" line.
local function draw(deck, dg, name, heading)
  local line = "dot " .. table.concat(dg.words, " ") .. " title=" .. word(heading)
  if deck.dir then line = line .. " " .. word(deck.dir .. "/" .. name) end
  return vm.cmd(line)
end

--[[
deck:step(title, fn, show): runs fn, then draws the step's diagrams.
Returns the step {n=, title=, files=, dot=}.  An error in fn or in a
diagram is raised with the step's number and title in front.
]]
function Deck:step(title, fn, show)
  if type(title) ~= "string" or title == "" then
    error("slides: a step needs a title", 2)
  end
  local n = #self.steps + 1
  if fn then
    local ok, err = pcall(fn)
    if not ok then error(string.format("step %d (%s): %s", n, title, tostring(err)), 2) end
  end
  local ok, list = pcall(diagrams, show or self.show, self)
  if not ok then error(string.format("step %d (%s): %s", n, title, tostring(list)), 2) end
  local step = { n = n, title = title, files = names(self, n, title, list), dot = {} }
  for i, dg in ipairs(list) do
    local ok2, out = pcall(draw, self, dg, step.files[i], string.format("%d. %s", n, title))
    if not ok2 then
      -- the machine's sentence, without this file's line in front
      out = tostring(out):gsub("^[^\n]-slides%.lua:%d+: ", "")
      error(string.format("step %d (%s): %s", n, title, out), 2)
    end
    if self.dir then
      step.files[i] = self.dir .. "/" .. step.files[i]
    else
      step.dot[i] = out
    end
    self.files[#self.files + 1] = step.files[i]
  end
  self.steps[n] = step
  if not self.quiet then
    print(string.format("slide %d: %s -> %s%s", n, title, table.concat(step.files, ", "),
                        self.dir and "" or " (not written)"))
  end
  return step
end

-- deck:finish(): a last line, and the list of every file, in order.
function Deck:finish()
  if not self.quiet then
    print(string.format("%d step%s, %d diagram%s%s", #self.steps, #self.steps == 1 and "" or "s",
                        #self.files, #self.files == 1 and "" or "s",
                        self.dir and " in " .. self.dir or " (kept in memory)"))
  end
  return self.files
end

-- The module as a deck: slides.setup{...}, slides.step(...), slides.finish().
local default
function M.setup(opts)
  default = M.new(opts)
  return default
end

function M.step(title, fn, show)
  if not default then error("slides.step: call slides.setup{...} first", 2) end
  return default:step(title, fn, show)
end

function M.finish()
  if not default then error("slides.finish: call slides.setup{...} first", 2) end
  return default:finish()
end

return M
