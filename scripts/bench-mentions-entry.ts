// Benchmark body (bundled by scripts/bench-mentions.mjs): the mention index over every example,
// cold, and after one edit in the largest ISSSTE file. Prints one JSON object.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { isFuncion } from '../server/src/language/generated/ast.js';
import { MentionIndex } from '../server/src/language/mentions/mention-index.js';
import { loadWorkspace } from '../server/src/workspace.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms: number) => Math.round(ms * 100) / 100;

async function main(): Promise<void> {
    const examples = path.resolve(process.argv[2] ?? 'examples');
    const copy = mkdtempSync(path.join(tmpdir(), 'estructura-bench-mentions-'));
    cpSync(examples, copy, { recursive: true });
    try {
        const { shared, documents } = await loadWorkspace([copy], false);
        let functions = 0;
        for (const d of documents) for (const n of streamFunctions(d.parseResult.value)) functions += n;

        // Cold: a fresh index builds the names, scans every text and resolves every mention.
        const cold: number[] = [];
        let mentions = 0;
        for (let i = 0; i < runs; i++) {
            const index = new MentionIndex(shared);
            const start = performance.now();
            mentions = 0;
            for (const d of documents) mentions += index.mentionsOf(d).length;
            cold.push(performance.now() - start);
        }

        // One edit in the largest ISSSTE file: the builder re-parses and relinks; then the index
        // rebuilds the names, rescans that file only and resolves its mentions (what its
        // diagnostics need); resolving every file again (what find-references needs) is timed apart.
        const index = new MentionIndex(shared);
        for (const d of documents) index.mentionsOf(d);
        // The ISSSTE file with the most functions (the main file is larger, but mostly prose).
        const functionsIn = (d: typeof documents[number]) => (d.textDocument.getText().match(/^\s+\d+\. "/gmu) ?? []).length;
        const issste = documents.filter(d => d.uri.path.includes('/issste-2018/')).sort((a, b) => functionsIn(b) - functionsIn(a))[0];
        const file = issste.uri.fsPath;
        const original = readFileSync(file, 'utf-8');
        const edited: number[] = [];
        const all: number[] = [];
        const rescanned: number[] = [];
        shared.workspace.DocumentBuilder.updateBuildOptions = { validation: false };
        for (let i = 0; i < runs; i++) {
            writeFileSync(file, original.replace(/(funciones \{\s*\n\s*1\. ")/u, `$1Coordinar con la Dirección de Finanzas ${i}. `));
            await shared.workspace.DocumentBuilder.update([URI.file(file)], []);
            const document = shared.workspace.LangiumDocuments.getDocument(URI.file(file))!;
            const scansBefore = index.scanCount;
            const start = performance.now();
            index.mentionsOf(document);
            edited.push(performance.now() - start);
            rescanned.push(index.scanCount - scansBefore);
            const startAll = performance.now();
            for (const d of shared.workspace.LangiumDocuments.all) index.mentionsOf(d);
            all.push(performance.now() - startAll);
        }
        writeFileSync(file, original);
        console.log(JSON.stringify({
            runs,
            files: documents.length,
            functions,
            mentions,
            names: index.dictionary.size,
            coldIndexMs: round(median(cold)),
            editedFile: path.relative(copy, file),
            editedFileBytes: original.length,
            afterEditMs: round(median(edited)),
            documentsRescannedAfterEdit: median(rescanned),
            afterEditAllDocumentsMs: round(median(all))
        }));
    } finally {
        rmSync(copy, { recursive: true, force: true });
    }
}

function* streamFunctions(root: { $type: string }): Generator<number> {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
        const node = stack.pop() as Record<string, unknown>;
        if (isFuncion(node as never)) yield 1;
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            if (Array.isArray(value)) for (const v of value) { if (v && typeof v === 'object' && '$type' in v) stack.push(v); }
            else if (value && typeof value === 'object' && '$type' in value) stack.push(value);
        }
    }
}

main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});
