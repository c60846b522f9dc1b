// Text of the manuals put into Markdown (hover cards, history): data, never markup. A name with
// `*`, `_` or `[…](…)` would turn into emphasis or a link, and `<img …>` into HTML where a client
// renders it; escaped, it reads as written in every client (VS Code, Monaco, Neovim).
export function markdownText(text: string): string {
    return text.replace(/[\\*_[\]<>`#|]/g, c => `\\${c}`);
}
