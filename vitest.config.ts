import './server/src/polyfill.cjs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // chevrotain needs Object.groupBy, missing in Node 20.
        setupFiles: ['./server/src/polyfill.cjs'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks'
    }
});
