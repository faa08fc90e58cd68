#!/usr/bin/env node
// The rig-schema command: a committed entry (so installing links it before the first build) that runs the built CLI.
import '../dist/cli.js';
