// The nonce of a webview's Content-Security-Policy: Web Crypto, present in the desktop extension
// host (Node 20) and in VS Code for the Web's alike.
export function nonce(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return btoa(String.fromCharCode(...bytes));
}
