#!/usr/bin/env node
// Writes the CLI's oclif.manifest.json after tsc has built cli/dist. Without a manifest oclif
// imports every command module on every run to learn the flags, which loads the whole server and
// kiosk and costs a second of CPU per `lanyard` call; with it, only the command being run loads.
import { Plugin } from '@oclif/core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = process.cwd();
const plugin = new Plugin({
  root,
  type: 'core',
  ignoreManifest: true,
  errorOnManifestCreate: true,
  respectNoCacheDefault: true,
});
await plugin.load();
await writeFile(join(root, 'oclif.manifest.json'), `${JSON.stringify(plugin.manifest, null, 2)}\n`);
console.log(`oclif.manifest.json: ${Object.keys(plugin.manifest.commands).length} commands`);
