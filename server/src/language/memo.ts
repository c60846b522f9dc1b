// Pure functions of a text, computed once per distinct text. An edit re-parses its file into new
// nodes, but almost all of its texts are unchanged: names, function texts and their scans are not
// folded again. The cache is emptied when it grows past `limit`, so a long session stays bounded.
export function memoByText<T>(compute: (text: string) => T, limit = 200_000): (text: string) => T {
    const cache = new Map<string, T>();
    return text => {
        let value = cache.get(text);
        if (value === undefined) {
            if (cache.size >= limit) cache.clear();
            value = compute(text);
            cache.set(text, value);
        }
        return value;
    };
}
