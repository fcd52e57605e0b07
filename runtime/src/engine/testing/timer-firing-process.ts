/**
 * A process that fires due timers through the engine until none is left, printing `FIRED <id>`
 * per timer: the crash test kills it with SIGKILL part way and starts another.
 * Usage: node --import tsx timer-firing-process.ts <uri> <dbName> <now ISO>
 */
import { MongoClient } from 'mongodb';
import { TestClock } from '../../clock.ts';
import { TimerScheduler } from '../../timer-scheduler.ts';
import { openRuntime, timerRequestOf } from '../runtime-services.ts';

const [uri, dbName, now] = process.argv.slice(2);
if (!uri || !dbName || !now) throw new Error('usage: timer-firing-process.ts <uri> <dbName> <now>');
const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 }).connect();
const clock = new TestClock(now);
const { engine, timers } = await openRuntime(client.db(dbName), { clock });
const scheduler = new TimerScheduler({
  store: timers,
  clock,
  batchSize: 50,
  fire: async (timer) => {
    const result = await engine.fireTimer(timerRequestOf(timer));
    if (!result.ok) throw new Error(`timer ${timer._id}: ${result.code}`);
    process.stdout.write(`FIRED ${timer._id}\n`);
  },
});
let result = await scheduler.runDue();
while (result.fired + result.failed > 0) result = await scheduler.runDue();
process.stdout.write('DONE\n');
await client.close();
