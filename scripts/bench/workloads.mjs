// The synthetic workloads of the benchmarks: N renamed copies of the imported ISSSTE manual, each
// its own institution (ISSSTE01, ISSSTE02, …) with the ISSSTE profile, as `npm run bench` built ×10.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Writes `copies` copies of the manual in `source` under `target`; `profile` is the ISSSTE profile. */
export function buildCopies(source, target, copies, profile) {
    const perfiles = {};
    for (let k = 1; k <= copies; k++) {
        const institution = `ISSSTE${String(k).padStart(2, '0')}`;
        perfiles[institution] = profile;
        const dir = path.join(target, institution.toLowerCase());
        mkdirSync(dir, { recursive: true });
        for (const name of readdirSync(source)) {
            const text = readFileSync(path.join(source, name), 'utf-8')
                .replace(/^(\s*institucion) ISSSTE$/mu, `$1 ${institution}`)
                .replace(/^(manual|parte de) ISSSTE_2018\b/mu, `$1 ISSSTE_2018_${k}`);
            writeFileSync(path.join(dir, name), text);
        }
    }
    writeFileSync(path.join(target, 'estructura.json'), JSON.stringify({ perfiles }, null, 2));
}

/** The file of a folder with the most numbered functions: the edits go into one of its texts. */
export function largestByFunctions(dir) {
    const functionsIn = file => (readFileSync(file, 'utf-8').match(/^\s+\d+\. "/gmu) ?? []).length;
    return readdirSync(dir).filter(f => f.endsWith('.estructura')).map(f => path.join(dir, f))
        .sort((a, b) => functionsIn(b) - functionsIn(a))[0];
}
