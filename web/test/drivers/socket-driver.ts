// The real ParleySocket (src/shared/socket.ts) driven by another process, for the fault suite
// (system-tests' NodeCustomer): commands come as JSON lines on stdin, and what the socket hands the
// UI (onEvent), its answers and its state go out as JSON lines on stdout. Built to
// target/drivers/socket-driver.mjs by scripts/build.mjs; run with Node 20's --experimental-websocket.
//
//   node --experimental-websocket socket-driver.mjs <token> <origin> <ws url>...
//
// Each connect goes to the next url, as a load balancer in front of the nodes would send it.
import { createInterface } from 'node:readline';
import { ParleySocket } from '../../src/shared/socket';

const [token, origin, ...urls] = process.argv.slice(2);
const out = (line: object) => process.stdout.write(JSON.stringify(line) + '\n');
process.stdout.on('error', () => process.exit(0)); // the suite stopped reading: it is done with us

// A browser sends its page's Origin, which the gateway checks for customers; Node's WebSocket takes it as a header.
const NodeWebSocket = globalThis.WebSocket;
(globalThis as any).WebSocket = class extends NodeWebSocket {
  constructor(url: string | URL) {
    super(url, { headers: { Origin: origin } } as any);
  }
};

let connects = 0;
const socket = new ParleySocket({
  get url() {
    return urls[connects++ % urls.length];
  },
  token: async () => token,
  onEvent: (event) => out({ t: 'event', event }),
  onState: (state) => out({ t: 'state', state }),
  onTyping: (conversationId) => out({ t: 'typing', conversationId }),
  onFrame: (frame) => out({ t: 'frame', frame }),
});

// The replay's end is the socket's own business; the suite needs to know it happened to call the client caught up.
const internals = socket as any;
const receive = internals.receive.bind(socket);
internals.receive = (frame: any) => {
  if (frame.type === 'welcome' || frame.type === 'resumed' || (frame.type === 'error' && frame.code === 'resume.failed')) {
    out({ t: 'frame', frame });
  }
  receive(frame);
};
socket.start();

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  switch (command.t) {
    case 'send':
      socket.request('message.send', command.fields).then(
        (result) => out({ t: 'ack', index: command.index, result }),
        (error) => out({ t: 'error', index: command.index, code: error?.code ?? String(error) }));
      break;
    case 'resume':
      // as a token expiry does: close this socket; the client reconnects with lastSeqs
      internals.ws?.close(4000);
      break;
    case 'stop':
      socket.stop();
      process.exit(0);
  }
});

setInterval(() => out({
  t: 'status', state: socket.connection, inFlight: internals.inFlight.size + internals.queue.length,
  filling: internals.filling.size, holds: internals.holds.size,
}), 200);
