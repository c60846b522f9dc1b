// Every «Incorrecto»/«Correcto» pair the rule catalog prints (docs/reglas.md, the hover,
// `estructura reglas`) is a complete file that does what it says when saved beside the real
// manuals of examples/: the «Incorrecto» file gets the rule's diagnostic, the «Correcto» file none
// of it and no other error or warning either (an example that teaches one rule must not break
// another, nor clash with an identifier of the real manuals). A rule without an example says why.
// The pairs are fixture files (test/fixtures/reglas/<codigo>/ejemplo-*.estructura, also run alone
// by test/rule-fixtures.test.ts); the build copies them into the catalog (scripts/rule-examples.mjs).
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../server/src/language/rules/catalog.js';
import { REPO } from './helpers/examples.js';
import { buildWorkspace, exampleFiles, type TestWorkspace } from './helpers/workspace.js';

// A file name no example uses, in the folder of hand-written examples. One file whose text each
// pair replaces in turn, as an editor would (the differential tests show that an update gives
// what a cold check of the same texts gives).
const FILE = 'ejemplos/ejemplo-de-regla.estructura';

let ws: TestWorkspace;

beforeAll(async () => {
    ws = await buildWorkspace(exampleFiles());
});

interface Found { code: string; severity: number; line: number; message: string }

async function diagnosticsOf(text: string): Promise<Found[]> {
    await ws.update(FILE, text);
    return (ws.docs[FILE].diagnostics ?? []).map(d => ({ code: String(d.code), severity: d.severity ?? 1, line: d.range.start.line + 1, message: String(d.message) }));
}

const show = (found: Found[]) => found.map(d => `${d.line}: ${d.code} ${d.message}`).join('\n');

describe('the catalog examples are true', () => {
    it('the catalog has the examples the fixtures hold (scripts/rule-examples.mjs --comprobar)', () => {
        execFileSync(process.execPath, ['scripts/rule-examples.mjs', '--comprobar'], { cwd: REPO, stdio: 'pipe' });
    });

    for (const rule of RULES.values()) {
        if (rule.example === undefined) {
            it(`${rule.code} says why it has no example`, () => {
                expect(rule.noExample, `${rule.code} has no example (test/fixtures/reglas/${rule.code}/ejemplo-*.estructura) and no noExample`).toBeTruthy();
            });
            continue;
        }
        const example = rule.example;
        it(`${rule.code}: «Incorrecto» gets the diagnostic, «Correcto» none of it`, async () => {
            expect(rule.noExample).toBeUndefined();
            for (const text of [example.incorrecto, example.correcto]) expect(text).not.toContain('…');
            const wrong = await diagnosticsOf(example.incorrecto);
            expect(wrong.filter(d => d.code === rule.code), show(wrong)).not.toEqual([]);
            const right = await diagnosticsOf(example.correcto);
            expect(right.filter(d => d.code === rule.code || d.severity <= 2), show(right)).toEqual([]);
        });
    }
});
