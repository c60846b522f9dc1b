// The server tells the editor how far the workspace build is (`window/workDoneProgress`):
// «Revisando N de 65 archivos» on examples/, ending with a `done` once every file is validated.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';

const SERVER = process.env.ESTRUCTURA_SERVER ?? path.join(REPO, 'out/server.cjs');

describe('build progress', () => {
    let client: LspTestClient | undefined;
    afterAll(() => client?.dispose());

    it('reports «Revisando N de M archivos» while the workspace builds, then ends', async () => {
        client = LspTestClient.start(SERVER, EXAMPLES);
        const progress: Array<{ kind: string; message?: string; percentage?: number }> = [];
        client.connection.onNotification('$/progress', (params: { value: { kind: string; message?: string; percentage?: number } }) => { progress.push(params.value); });
        const files = readdirSync(EXAMPLES, { recursive: true }).filter(f => String(f).endsWith('.estructura')).length;
        const root = pathToFileURL(EXAMPLES).href;
        await client.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'examples' }], capabilities: { window: { workDoneProgress: true } } }, 60_000);
        await client.notify('initialized', {});
        const deadline = Date.now() + 60_000;
        while (!progress.some(p => p.kind === 'end') && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
        expect(progress[0]).toMatchObject({ kind: 'begin', message: `Revisando 0 de ${files} archivos` });
        expect(progress.at(-1)?.kind).toBe('end');
        for (const p of progress.filter(p => p.kind === 'report')) expect(p.message).toMatch(new RegExp(`^Revisando \\d+ de ${files} archivos$`));
        expect(await client.shutdown()).toBe(0);
    }, 90_000);
});
