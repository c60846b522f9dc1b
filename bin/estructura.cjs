#!/usr/bin/env node
// The `estructura` command: runs the bundled CLI (built by `npm run build`).
require('../out/cli.cjs');
