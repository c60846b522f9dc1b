// The language server from another editor over stdio: Neovim's built-in LSP client, configured by
// docs/neovim.lua (the file the README documents, loaded as is), opens a copy of
// examples/ejemplos/con-errores.estructura in `nvim --headless`; a small Lua harness waits for the
// diagnostics (vim.diagnostic.get), asks for one definition across manuals, writes what it saw to a
// JSON file and quits. Neovim comes from Debian (0.7.2 in Debian 12): when `nvim` is missing, it is
// installed with e2e/setup.sh (apt-get, as root); the test skips only when this is not root.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO } from './helpers/examples.js';

const CONFIG = path.join(REPO, 'docs/neovim.lua');
const SERVER = path.join(REPO, 'out/server.cjs');
// The 7 deliberate errors of con-errores.estructura, as e2e/steps.mjs expects them in VS Code.
const EXPECTED = ['estructura-id-duplicado@16', 'estructura-numeracion@24', 'estructura-numeracion@30', 'estructura-id-duplicado@35',
    'estructura-ciclo@43', 'estructura-ciclo@48', 'estructura-referencia@54'];
/** How long the harness waits for the expected errors before it writes what it has and quits. */
const DEADLINE_MS = 60_000;

// Runs inside Neovim. It loads docs/neovim.lua exactly as a user's init.lua would, waits until the
// buffer's errors are the expected ones (or the deadline passes), then records them and quits.
const HARNESS = String.raw`
local out = os.getenv('ESTRUCTURA_NVIM_OUT')
local function finish(result, status)
  local f = assert(io.open(out, 'w'))
  f:write(vim.json.encode(result))
  f:close()
  vim.cmd(status == 0 and 'qa!' or 'cq!')
end

vim.g.estructura_server = os.getenv('ESTRUCTURA_SERVER')
local loaded, load_error = pcall(dofile, os.getenv('ESTRUCTURA_NVIM_CONFIG'))
if not loaded then
  vim.schedule(function() finish({ error = 'docs/neovim.lua: ' .. tostring(load_error) }, 1) end)
  return
end

local expect = os.getenv('ESTRUCTURA_NVIM_EXPECT')
local deadline_ms = tonumber(os.getenv('ESTRUCTURA_NVIM_DEADLINE_MS'))
local started = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - started) / 1e6) end
local first_ms = vim.NIL
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function() if first_ms == vim.NIL then first_ms = ms() end end,
})

local function errors(buf)
  local rows = {}
  for _, d in ipairs(vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR })) do
    table.insert(rows, { code = d.code, line = d.lnum + 1, col = d.col + 1, message = d.message })
  end
  table.sort(rows, function(a, b) return a.line < b.line or (a.line == b.line and a.col < b.col) end)
  return rows
end

local function signature(rows)
  local parts = {}
  for _, r in ipairs(rows) do table.insert(parts, r.code .. '@' .. r.line) end
  return table.concat(parts, ' ')
end

-- F12 on DG in "adscrita a DG": the Dirección General is defined in another manual.
local function definition(buf)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local at = line:find('adscrita a DG', 1, true)
    if at then
      local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
        position = { line = i - 1, character = at - 1 + #'adscrita a ' } }
      for _, answer in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, 10000) or {}) do
        local target = answer.result and (answer.result[1] or answer.result)
        if target and (target.uri or target.targetUri) then
          local range = target.range or target.targetSelectionRange
          return { uri = target.uri or target.targetUri, line = range.start.line + 1 }
        end
      end
      return { error = 'no answer to textDocument/definition' }
    end
  end
  return { error = 'no "adscrita a DG" in the buffer' }
end

-- The code actions offered on the first numbering error, and its rule link (codeDescription):
-- this client declares no commands, so it gets no «Desactivar la regla…» and a plain file link.
local function numbering_actions(buf)
  for _, d in ipairs(vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR })) do
    if d.code == 'estructura-numeracion' then
      local lsp = d.user_data and d.user_data.lsp or {}
      -- Back to LSP positions (UTF-16; Neovim keeps byte columns) with the diagnostic's data, as
      -- the client's own code action request sends it.
      local function position(lnum, col)
        local text = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ''
        local _, utf16 = vim.str_utfindex(text, math.min(col, #text))
        return { line = lnum, character = utf16 }
      end
      local range = { start = position(d.lnum, d.col), ['end'] = position(d.end_lnum, d.end_col) }
      local diagnostic = { range = range, severity = 1, message = d.message, code = d.code, source = d.source, data = lsp.data }
      local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range, context = { diagnostics = { diagnostic } } }
      local titles = {}
      for _, answer in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}) do
        for _, action in ipairs(answer.result or {}) do table.insert(titles, action.title) end
      end
      return { titles = titles, href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL }
    end
  end
  return { error = 'no estructura-numeracion error' }
end

local timer = vim.loop.new_timer()
timer:start(100, 100, vim.schedule_wrap(function()
  if timer:is_closing() then return end
  local buf = vim.api.nvim_get_current_buf()
  local rows = errors(buf)
  local matched = signature(rows) == expect
  if not matched and ms() < deadline_ms then return end
  timer:close()
  local names = {}
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(names, client.name) end
  local matched_ms = ms()
  finish({
    version = vim.version(), filetype = vim.bo[buf].filetype, clients = names,
    errors = rows, all = #vim.diagnostic.get(buf), timed_out = not matched,
    first_ms = first_ms, matched_ms = matched_ms,
    definition = matched and definition(buf) or vim.NIL,
    actions = matched and numbering_actions(buf) or vim.NIL,
  }, 0)
end))
`;

interface Seen {
    error?: string;
    version: { major: number; minor: number; patch: number };
    filetype: string;
    clients: string[];
    errors: Array<{ code: string; line: number; col: number; message: string }>;
    all: number;
    timed_out: boolean;
    first_ms: number | null;
    matched_ms: number;
    definition: { uri?: string; line?: number; error?: string } | null;
    actions: { titles?: string[]; href?: string | null; error?: string } | null;
}

const isRoot = () => process.getuid?.() === 0;

function nvimPath(): string | undefined {
    try {
        return execFileSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf-8' }).trim() || undefined;
    } catch {
        return undefined;
    }
}

/** Runs nvim; resolves with its exit code and output, killing it after `ms`. */
function runNvim(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, ms: number): Promise<{ code: number | null; output: string; killed: boolean }> {
    return new Promise(resolve => {
        const child = spawn('nvim', args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        let killed = false;
        child.stdout.on('data', d => { output += d; });
        child.stderr.on('data', d => { output += d; });
        const timer = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, ms);
        child.on('close', code => { clearTimeout(timer); resolve({ code, output, killed }); });
    });
}

describe('Neovim over stdio with docs/neovim.lua', () => {
    let work: string;
    let skipReason: string | undefined;

    beforeAll(() => {
        if (!existsSync(SERVER)) throw new Error(`${SERVER} does not exist: run \`npm run build\` first (\`npm test\` does it).`);
        if (!nvimPath()) {
            if (!isRoot()) {
                skipReason = 'nvim is not installed and this is not root, so apt-get cannot install it: '
                    + 'run `apt-get install neovim` as root (CI runs as root and installs it)';
                console.warn(`[neovim.test] skipped: ${skipReason}`);
                return;
            }
            // The same installer as the e2e test's Debian packages (one apt-get at a time).
            execFileSync('bash', [path.join(REPO, 'e2e/setup.sh'), '--solo-paquetes', 'neovim'], { stdio: 'inherit', timeout: 20 * 60_000 });
            if (!nvimPath()) throw new Error('e2e/setup.sh installed neovim but nvim is not on the PATH');
        }
        work = mkdtempSync(path.join(tmpdir(), 'estructura-nvim-'));
    }, 25 * 60_000);

    afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

    it('shows the 7 errors of con-errores.estructura and goes to a definition in another manual', async ctx => {
        if (skipReason) ctx.skip(skipReason);
        // A copy of examples/ in a folder with a space and an accent; estructura.json marks its root.
        const workspace = path.join(work, 'espacio de trabajo ñ');
        cpSync(EXAMPLES, workspace, { recursive: true });
        writeFileSync(path.join(workspace, 'estructura.json'), '{}\n');
        const harness = path.join(work, 'harness.lua');
        writeFileSync(harness, HARNESS);
        const out = path.join(work, 'seen.json');
        // Neovim's own files (lsp.log, shada) go to the temporary folder, not to the user's home.
        const xdg = (name: string) => { const dir = path.join(work, 'xdg', name); mkdirSync(dir, { recursive: true }); return dir; };
        const env = {
            ...process.env,
            XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data'), XDG_STATE_HOME: xdg('state'), XDG_CACHE_HOME: xdg('cache'),
            ESTRUCTURA_SERVER: SERVER, ESTRUCTURA_NVIM_CONFIG: CONFIG, ESTRUCTURA_NVIM_OUT: out,
            ESTRUCTURA_NVIM_EXPECT: EXPECTED.join(' '), ESTRUCTURA_NVIM_DEADLINE_MS: String(DEADLINE_MS)
        };

        const t0 = Date.now();
        const run = await runNvim(['--headless', '-i', 'NONE', '-u', harness, 'ejemplos/con-errores.estructura'], { cwd: workspace, env }, DEADLINE_MS + 30_000);
        const wallMs = Date.now() - t0;
        const context = `nvim exited with ${run.code}${run.killed ? ' (killed at the deadline)' : ''}; output:\n${run.output.slice(-3000)}`;
        expect(existsSync(out), context).toBe(true);
        const seen = JSON.parse(readFileSync(out, 'utf-8')) as Seen;
        expect(seen.error, context).toBeUndefined();
        expect(run.code, context).toBe(0);

        const { major, minor, patch } = seen.version;
        console.log(`[neovim.test] Neovim ${major}.${minor}.${patch}: first diagnostics after ${seen.first_ms} ms, `
            + `the 7 errors after ${seen.matched_ms} ms, nvim ran ${wallMs} ms in all`);
        expect(major > 0 || minor >= 7, `Neovim ${major}.${minor} is older than 0.7`).toBe(true);
        expect(seen.filetype).toBe('estructura');
        expect(seen.clients).toEqual(['estructura']);
        const got = seen.errors.map(e => `${e.code}@${e.line}`);
        expect(got, `errors seen ${seen.timed_out ? `when the ${DEADLINE_MS} ms deadline passed` : ''}`).toEqual(EXPECTED);
        expect(seen.timed_out).toBe(false);
        // The messages arrive intact (UTF-8 through the client) and the warnings come too.
        expect(seen.errors[0].message).toContain('«UPA» ya está definido en la línea 35');
        expect(seen.errors[4].message).toContain('CICLO_A → CICLO_B → CICLO_A');
        expect(seen.all).toBeGreaterThan(EXPECTED.length);

        // The Dirección General resolves in the institutional manual: the workspace root is right.
        expect(seen.definition?.error).toBeUndefined();
        const target = fileURLToPath(seen.definition!.uri!);
        expect(path.relative(workspace, target)).toBe(path.join('manuales', 'imss-2018', 'imss-2018.estructura'));
        expect(readFileSync(target, 'utf-8').split('\n')[seen.definition!.line! - 1]).toContain('unidad DG "Dirección General"');

        // Neovim declares no client commands (issue 19): the quick fixes, not «Desactivar la
        // regla…» (a VS Code command), and the rule link is the file's section, not a command link.
        expect(seen.actions?.error).toBeUndefined();
        expect(seen.actions!.titles!.some(t => t.startsWith('Renumerar como'))).toBe(true);
        expect(seen.actions!.titles!.filter(t => t.startsWith('Desactivar'))).toEqual([]);
        expect(seen.actions!.href).toMatch(/^file:\/\/.*\/docs\/reglas\.md#estructura-numeracion$/u);
    }, DEADLINE_MS + 60_000);
});
