// Types of serve-playground.mjs for the TypeScript tests that import it.
import type { Server, ServerResponse } from 'node:http';

export function serveFolder(root: string, options?: {
    bases?: string[];
    port?: number;
    intercept?: (pathname: string, response: ServerResponse) => boolean;
}): Promise<Server>;
