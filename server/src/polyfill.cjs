// Node 20 lacks Object.groupBy, which chevrotain 13 (used by Langium 4.4) calls.
// Loaded before chevrotain by `node -r`, by vitest's setupFiles and as the bundles' banner.
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
