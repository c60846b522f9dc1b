-- The estructura language server in Neovim's built-in LSP client (Neovim 0.7 or later; Debian 12
-- ships 0.7.2). Works the same in later versions (it uses vim.lsp.start_client, not 0.8's
-- vim.lsp.start).
--
-- In your init.lua, say where the server is (out/server.cjs, written by `npm run build`) and load
-- this file:
--
--   vim.g.estructura_server = '/ruta/a/estructura/out/server.cjs'
--   dofile('/ruta/a/estructura/docs/neovim.lua')
--
-- test/neovim.test.ts loads this very file in `nvim --headless` and checks the diagnostics it shows.

local server = vim.g.estructura_server or '/ruta/a/estructura/out/server.cjs'

-- The workspace the server checks: the nearest folder above the file that holds estructura.json,
-- else the nearest one with .git, else the file's own folder. Every .estructura file under it is
-- read, so references to units of other manuals resolve only when those manuals are inside it.
local function workspace_of(file)
  local start = vim.fn.fnamemodify(file, ':p:h')
  for _, marker in ipairs({ 'estructura.json', '.git' }) do
    local dir = start
    while true do
      if vim.loop.fs_stat(dir .. '/' .. marker) then return dir end
      local parent = vim.fn.fnamemodify(dir, ':h')
      if parent == dir then break end
      dir = parent
    end
  end
  return start
end

-- One server per workspace, shared by the buffers of its files.
local clients = {}

local function on_attach(_, buf)
  local map = function(keys, fn) vim.keymap.set('n', keys, fn, { buffer = buf }) end
  map('gd', vim.lsp.buf.definition)   -- go to the definition, in any manual of the workspace
  map('K', vim.lsp.buf.hover)         -- a unit's card
  map('gr', vim.lsp.buf.references)
  map('<F2>', vim.lsp.buf.rename)
  map('<leader>ca', vim.lsp.buf.code_action)  -- quick fixes
end

local function attach(buf)
  local file = vim.api.nvim_buf_get_name(buf)
  if file == '' then return end
  local root = workspace_of(file)
  local id = clients[root]
  if not (id and vim.lsp.get_client_by_id(id)) then
    id = vim.lsp.start_client({
      name = 'estructura',
      cmd = { 'node', server, '--stdio' },
      root_dir = root,
      on_attach = on_attach,
    })
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(buf, id) end
end

vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = '*.estructura',
  command = 'setfiletype estructura',
})

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'estructura',
  callback = function(args)
    vim.bo[args.buf].commentstring = '// %s'
    attach(args.buf)
  end,
})
