// A small text shared as a link: the file's name and text, compressed (deflate-raw) and written
// in base64url after `#c=`. The hash never reaches a server; opening the link restores the file.
import { toBase64 } from '../../server/src/protocol-base64.js';

const PREFIX = '#c=';
/** Links longer than this break in mail and chat: such texts are shared as files. */
export const MAX_LINK_CHARS = 30_000;

interface Shared { nombre: string; texto: string }

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
    const output = new Blob([bytes]).stream().pipeThrough(stream);
    return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
    return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, c => c.charCodeAt(0));
}

/** The link's hash for a file, or an error when the text is too big for a link. */
export async function shareHash(name: string, text: string): Promise<{ hash: string } | { error: string }> {
    const json = new TextEncoder().encode(JSON.stringify({ nombre: name, texto: text } satisfies Shared));
    const hash = PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
    if (hash.length > MAX_LINK_CHARS) {
        return { error: `El texto es demasiado grande para un enlace (${Math.round(hash.length / 1000)} mil caracteres comprimido). Descárguelo y compártalo como archivo.` };
    }
    return { hash };
}

/** A safe file name: no folders, no control characters, ending in .estructura. */
function fileName(name: unknown): string {
    const base = typeof name === 'string' ? name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120) : '';
    const named = base || 'compartido.estructura';
    return named.endsWith('.estructura') ? named : `${named}.estructura`;
}

/** The file a link's hash carries; undefined without one; an error when it cannot be read. */
export async function sharedFile(hash: string): Promise<{ name: string; text: string } | { error: string } | undefined> {
    if (!hash.startsWith(PREFIX)) return undefined;
    try {
        const json = new TextDecoder().decode(await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw')));
        const shared = JSON.parse(json) as Partial<Shared>;
        if (typeof shared.texto !== 'string') throw new Error('sin texto');
        return { name: fileName(shared.nombre), text: shared.texto };
    } catch {
        return { error: 'El enlace compartido está incompleto o dañado: no se pudo leer su texto.' };
    }
}
