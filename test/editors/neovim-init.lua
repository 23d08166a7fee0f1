-- Neovim's side of test/editors/neovim.test.ts (run as `nvim --headless -u neovim-init.lua FILE`):
-- domain configs below xen/ get the filetype xl-config (the language id), whose buffers start the
-- language server named by $XCC_SERVER_BIN over stdio. The first diagnostics the buffer receives
-- are written as JSON to $XCC_NVIM_OUT and Neovim quits; after $XCC_NVIM_TIMEOUT_MS it writes what
-- it has, marked as a timeout, and quits all the same. Neovim 0.7 (Debian 12) and later.
local out = assert(os.getenv('XCC_NVIM_OUT'), 'XCC_NVIM_OUT is not set')
local server = assert(os.getenv('XCC_SERVER_BIN'), 'XCC_SERVER_BIN is not set')
local timeout_ms = tonumber(os.getenv('XCC_NVIM_TIMEOUT_MS') or '20000')
local finished = false

local function finish(result)
  if finished then return end
  finished = true
  local file = assert(io.open(out, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, { pattern = '*/xen/*.cfg', command = 'setfiletype xl-config' })

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'xl-config',
  callback = function(args)
    local config = { name = 'xen-cluster-config', cmd = { server, '--stdio' }, root_dir = vim.fn.getcwd() }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else -- Neovim 0.7
      vim.lsp.buf_attach_client(args.buf, vim.lsp.start_client(config))
    end
  end,
})

vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    local diagnostics = vim.diagnostic.get(args.buf)
    if #diagnostics > 0 then finish({ filetype = vim.bo[args.buf].filetype, diagnostics = diagnostics }) end
  end,
})

vim.defer_fn(function() finish({ timeout = true, diagnostics = vim.diagnostic.get() }) end, timeout_ms)
