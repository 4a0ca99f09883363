#!/usr/bin/env node
// Entry point of the `lyceum` command: runs the compiled CLI (built by `npm run build`).
import '../dist/cli/main.js';
