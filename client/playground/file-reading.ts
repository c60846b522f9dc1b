// Turning the bytes of a file from disk into text the editor can hold, or a reason not to:
// binary files (NUL bytes) are refused, UTF-8 is expected and Windows-1252 accepted with a
// warning (old manuals), big texts are accepted with a warning.

/** Above this a text still opens, but the page says checking it takes a while. */
export const LARGE_TEXT = 5 * 1024 * 1024;
/** Above this a file is not read at all: the tab would hold more than a browser edits well. */
export const TOO_LARGE = 100 * 1024 * 1024;

export type ReadResult =
    | { text: string; warning?: string }
    | { error: string };

function sizeText(bytes: number): string {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function decodeText(name: string, bytes: Uint8Array): ReadResult {
    if (bytes.length > TOO_LARGE) return { error: `«${name}» pesa ${sizeText(bytes.length)}: es demasiado grande para abrirlo aquí (el límite es ${sizeText(TOO_LARGE)}).` };
    if (bytes.includes(0)) return { error: `«${name}» no es un archivo de texto (tiene bytes nulos): no se abrió.` };
    const warnings: string[] = [];
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
        text = new TextDecoder('windows-1252').decode(bytes);
        warnings.push(`«${name}» no estaba en UTF-8: se leyó como Windows-1252; revise los acentos y guárdelo de nuevo.`);
    }
    if (bytes.length > LARGE_TEXT) warnings.push(`«${name}» pesa ${sizeText(bytes.length)}: la revisión puede tardar unos segundos.`);
    return { text, warning: warnings.join(' ') || undefined };
}
