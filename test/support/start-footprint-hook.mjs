/**
 * @module start-footprint-hook
 * Preloaded (`--import`) into a `loket-yuki` process by start-footprint.unit.test.ts: records every module
 * the process loads and every V8 flag it sets, and writes both as JSON to START_FOOTPRINT_FILE at exit.
 */
import { registerHooks, syncBuiltinESMExports } from 'node:module';
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';

const modules = [];
const flags = [];
registerHooks({
  load(url, context, next) {
    modules.push(url);
    return next(url, context);
  },
});
const setFlagsFromString = v8.setFlagsFromString;
v8.setFlagsFromString = (flag) => {
  flags.push(flag);
  setFlagsFromString(flag);
};
syncBuiltinESMExports();
process.on('exit', () => writeFileSync(process.env.START_FOOTPRINT_FILE, JSON.stringify({ modules, flags })));
