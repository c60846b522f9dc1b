// Node 20 lacks Object.groupBy and Map.groupBy: chevrotain 13 (used by Langium 4.4) calls the
// first, vitest's reporter the second. Loaded before them by `node -r`, by vitest's config and
// setupFiles, and as the bundles' banner.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, keyOf) {
            const groups = new Map();
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                if (!groups.has(key)) groups.set(key, []);
                groups.get(key).push(item);
            }
            return groups;
        }
    });
}
