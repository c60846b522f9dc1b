// The example files on disk, without loading the language services, so command-line and protocol
// tests can count and read them cheaply.
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const EXAMPLES = path.join(REPO, 'examples');

/** Every `.estructura` file under examples/, as paths relative to examples/, sorted. */
export function exampleFileNames(): string[] {
    const names: string[] = [];
    const visit = (dir: string) => {
        for (const entry of readdirSync(dir).sort()) {
            const full = path.join(dir, entry);
            if (statSync(full).isDirectory()) visit(full);
            else if (entry.endsWith('.estructura')) names.push(path.relative(EXAMPLES, full));
        }
    };
    visit(EXAMPLES);
    return names;
}

/** Every `.estructura` file under `dir` (relative to examples/), with the same walk. */
export function exampleFileNamesUnder(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return exampleFileNames().filter(name => name.startsWith(prefix));
}
