#!/usr/bin/env node
// The command-line entry: the same bundled core as the action, driven by flags.
// `ultralytics-sync emulator [--port N] [--quiet]` starts the bundled emulator instead, so that an
// installed package can test a pipeline offline.
if (process.argv[2] === 'emulator') {
  process.argv.splice(2, 1);
  await import('../dist/emulator/index.js');
} else {
  await import('../dist/cli/index.js');
}
