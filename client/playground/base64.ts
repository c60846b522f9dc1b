// Bytes as base64 (the server's estructura/leerBinario answers, the text of a shared link).
export function toBase64(bytes: Uint8Array): string {
    let binary = '';
    // In chunks: String.fromCharCode takes its bytes as arguments, and arguments are limited.
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}
