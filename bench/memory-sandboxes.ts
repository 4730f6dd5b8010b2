/**
 * @module memory-sandboxes
 * The Loket and Yuki sandboxes for memory-child.ts, in a process of their own as the real APIs are: what
 * they generate and parse for thousands of employees is not the product's memory. Prints
 * `{"loket":{…},"yuki":{…}}` once listening; exits when its parent closes stdin.
 */
import { startLoketSandbox } from '../sandbox/loket/index.ts';
import { startYukiSandbox } from '../sandbox/yuki/index.ts';
import { LOKET_TODAY } from '../test/support/import-fixture.ts';

const employees = Number(process.argv[2] ?? 100);
const loket = await startLoketSandbox({ employeesPerAdministration: employees, today: LOKET_TODAY });
const yuki = await startYukiSandbox({ seed: 'import', dailyCallLimit: 1_000_000 });
// Stored documents are dropped as they arrive: the benchmark posts thousands and never reads them back.
setInterval(() => (yuki.state.documents.length = 0), 200);
console.log(
  JSON.stringify({
    loket: { url: loket.url, oauthUrl: loket.oauthUrl, controlUrl: loket.controlUrl, port: loket.port },
    yuki: { url: yuki.url, port: yuki.port },
  }),
);
process.stdin.resume();
process.stdin.on('end', () => void Promise.all([loket.close(), yuki.close()]).then(() => process.exit(0)));
