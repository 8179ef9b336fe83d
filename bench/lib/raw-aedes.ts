// Raw aedes as Node-RED's broker node runs it: no hooks, no persistence beyond aedes' own
// in-memory default, TCP_NODELAY on, on a free loopback port. Its own process, so that /proc
// gives its CPU and memory alone. Prints `raw-aedes ready <port>`; stops on SIGTERM.
import { createServer } from 'node:net';
import { Aedes } from 'aedes';

const broker = await Aedes.createBroker();
const server = createServer({ noDelay: true }, (socket) => broker.handle(socket));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`raw-aedes ready ${address.port}`);
});
process.once('SIGTERM', () => {
  server.close();
  broker.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1_000).unref();
});
