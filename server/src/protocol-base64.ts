// The bytes of `estructura/leerBinario` (protocol.ts) travel as base64: the clients encode them
// (client/src/file-requests.ts, the playground), the worker's server decodes them. Plain functions
// with no imports, so every bundle can take them; the playground's shared links use them too.

export function toBase64(bytes: Uint8Array): string {
    let binary = '';
    // In chunks: String.fromCharCode takes its bytes as arguments, and arguments are limited.
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
    return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}
