// `npm run simulate -- lock|camera [options]`: a simulated Hearth device built on the device kit,
// for trying the hub without hardware (and for the tests). Ctrl-C says offline and exits 0.
import { createInterface } from 'node:readline';
import { HearthDevice } from './device-kit/hearth-device.js';
import { narrate } from './device-kit/simulator/narrator.js';
import { SimulatedCamera } from './device-kit/simulator/simulated-camera.js';
import { SimulatedLock } from './device-kit/simulator/simulated-lock.js';
import {
  parseSimulateArgs,
  USAGE,
  UsageError,
  type SimulateOptions,
} from './device-kit/simulator/simulate-options.js';

const stamp = (): string => new Date().toTimeString().slice(0, 8);
const say = (line: string): void => void process.stdout.write(`${stamp()} ${line}\n`);
const warn = (line: string): void => void process.stderr.write(`${stamp()} ${line}\n`);

function main(argv: readonly string[]): void {
  let options: SimulateOptions;
  try {
    const parsed = parseSimulateArgs(argv);
    if (parsed.help) {
      process.stdout.write(USAGE + '\n');
      return;
    }
    options = parsed.options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`simulate: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  run(options);
}

function run(options: SimulateOptions): void {
  const device = new HearthDevice({
    url: options.url,
    id: options.id,
    kind: options.kind,
    name: options.name,
    secretFile: options.secretFile,
  });
  narrate(device, options.url, { say, warn });

  const simulated =
    options.kind === 'lock'
      ? new SimulatedLock(device, options, say)
      : new SimulatedCamera(device, options, say);
  say(`Simulated ${options.kind} "${options.name}" (id ${options.id}).`);
  say(`Secret file: ${options.secretFile}`);

  if (simulated instanceof SimulatedCamera) {
    say(
      options.everySeconds === null
        ? 'Press Enter to send a picture.'
        : `Sending a picture every ${options.everySeconds} s; press Enter for one more.`,
    );
    createInterface({ input: process.stdin }).on('line', () => void simulated.snap());
  }

  let stopping = false;
  const shutDown = (code: number): void => {
    if (stopping) return;
    stopping = true;
    simulated.stop();
    device.stop().then(
      () => process.exit(code),
      () => process.exit(code),
    );
  };
  process.on('SIGINT', () => shutDown(0));
  process.on('SIGTERM', () => shutDown(0));
  device.on('rejected', () => shutDown(1));

  simulated.start();
  device.start();
}

main(process.argv.slice(2));
