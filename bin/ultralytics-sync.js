#!/usr/bin/env node
// The command-line entry: the same bundled core as the action, driven by flags.
import '../dist/cli/index.js';
