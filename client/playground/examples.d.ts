// The example files, generated into the bundle by scripts/playground.mjs (never fetched).
declare module 'playground:ejemplos' {
    const files: Array<{ path: string; text: string }>;
    export default files;
}
