// The package's version and repository, from package.json. scripts/bundle.mjs writes them into the
// bundle with esbuild's `define` (out/cli.cjs has no package.json beside it to read); run from
// source (tests, tsx), they are read from the package.json above this folder.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const ESTRUCTURA_PACKAGE: { version: string; repository?: string } | undefined;

function fromPackageJson(): { version: string; repository?: string } {
    let dir = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        try {
            const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf-8')) as { name?: string; version?: string; repository?: { url?: string } | string };
            if (json.name === 'estructura' && json.version) {
                return { version: json.version, repository: typeof json.repository === 'string' ? json.repository : json.repository?.url };
            }
        } catch {
            // Not here: one folder up.
        }
        dir = path.dirname(dir);
    }
    return { version: '0.0.0' };
}

const info = typeof ESTRUCTURA_PACKAGE === 'object' ? ESTRUCTURA_PACKAGE : fromPackageJson();

/** `version` of package.json. */
export const VERSION: string = info.version;

/** `repository.url` of package.json without `git+` and `.git`, if it is an http(s) URL. */
export const REPOSITORY_URL: string | undefined = /^(?:git\+)?(https?:\/\/.+?)(?:\.git)?\/?$/.exec(info.repository ?? '')?.[1];
