// One generic runner for the rule fixtures of test/fixtures/reglas/<código>/ (docs/fixtures.md):
// one test per case, named <código>/<caso>, each checked by the same workspace build as
// `estructura revisar`. It also fails when a catalog code has no folder or a folder is no code,
// and when a malformed `$TEST$` comment (test/fixtures/reglas-malformadas/) is not refused.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../server/src/language/rules/catalog.js';
import { REPO } from './helpers/examples.js';
import { checkCase, discoverCases, FixtureError, parseFixture } from './helpers/rule-fixtures.js';

const ROOT = path.join(REPO, 'test/fixtures/reglas');
const MALFORMED = path.join(REPO, 'test/fixtures/reglas-malformadas');

/** Catalog codes that need no fixture folder, with the reason. Prefer a folder: even a rule no text can trigger can have cases that must stay quiet. */
const EXEMPT: Readonly<Record<string, string>> = {};

const { codes, cases, problems } = discoverCases(ROOT);

describe('rule fixtures', () => {
    it('one folder per catalog code, each a code, with cases only', () => {
        const missing = [...RULES.keys()].filter(code => !codes.includes(code) && !(code in EXEMPT));
        expect(missing, 'catalog codes without a folder in test/fixtures/reglas/ (add one, or a reason to EXEMPT)').toEqual([]);
        expect(codes.filter(code => !RULES.has(code)), 'folders of test/fixtures/reglas/ that are no catalog code').toEqual([]);
        expect(Object.keys(EXEMPT).filter(code => codes.includes(code) || !RULES.has(code)), 'EXEMPT lists a code that has a folder or is no code').toEqual([]);
        expect(codes.filter(code => !cases.some(c => c.code === code)), 'folders without a case').toEqual([]);
        expect(problems).toEqual([]);
    });

    for (const fixture of cases) {
        it(`${fixture.code}/${fixture.name}`, async () => {
            const result = await checkCase(fixture);
            expect(result.problems.join('\n')).toBe('');
        });
    }
});

describe('malformed fixtures are refused, naming the file and the line', () => {
    const files = readdirSync(MALFORMED).filter(f => f.endsWith('.estructura')).sort();

    it('there are malformed fixtures to check', () => {
        expect(files.length).toBeGreaterThan(0);
    });

    for (const name of files) {
        it(name, () => {
            const file = path.join(MALFORMED, name);
            const text = readFileSync(file, 'utf-8');
            // The first line says where the parser must stop and why: `// error en la línea N: <parte del mensaje>`.
            const [, line, reason] = /^\/\/ error en la línea (\d+): (.+)$/mu.exec(text) ?? [];
            expect(line, `${name} must start with «// error en la línea N: …»`).toBeDefined();
            let error: unknown;
            try {
                parseFixture(file, text);
            } catch (e) {
                error = e;
            }
            expect(error).toBeInstanceOf(FixtureError);
            expect((error as Error).message).toMatch(new RegExp(`^test/fixtures/reglas-malformadas/${name.replace(/[.]/gu, '\\.')}:${line}: `, 'u'));
            expect((error as Error).message).toContain(reason);
        });
    }
});
