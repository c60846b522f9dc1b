// A static server for the playground page, as any static host serves it (GitHub Pages, an
// intranet's web server): files of one folder under a sub-path, nothing else, nothing sent
// anywhere. `npm run playground` serves out/playground/ on this computer for trying it out
// (http://127.0.0.1:8080/estructura/); the browser test and the bench use the same server.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TYPES = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.ttf': 'font/ttf', '.json': 'application/json', '.map': 'application/json'
};

/**
 * Serves `root` under each of `bases` (paths that end with `/`) on 127.0.0.1; `intercept(pathname, response)`
 * may answer a request itself (return true). Resolves with the listening server.
 */
export function serveFolder(root, { bases = ['/estructura/'], port = 0, intercept } = {}) {
    const server = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (intercept?.(url.pathname, response)) return;
        const base = bases.find(prefix => url.pathname.startsWith(prefix));
        const relative = base ? decodeURIComponent(url.pathname.slice(base.length)) || 'index.html' : undefined;
        const file = relative === undefined ? undefined : path.join(root, relative);
        if (!file || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
            response.writeHead(404).end();
            return;
        }
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve(server));
    });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const root = fileURLToPath(new URL('../out/playground', import.meta.url));
    if (!existsSync(path.join(root, 'index.html'))) {
        console.error('estructura: falta out/playground/: ejecute primero `npm run build`.');
        process.exit(2);
    }
    const port = Number(process.env.PORT ?? 8080);
    try {
        await serveFolder(root, { port });
    } catch (error) {
        console.error(`estructura: no se pudo abrir el puerto ${port} (${error.code ?? error.message}); elija otro con PORT=8081 npm run playground.`);
        process.exit(2);
    }
    console.log(`Área de pruebas en http://127.0.0.1:${port}/estructura/ (Ctrl+C para terminar). Solo esta computadora la ve.`);
}
