// node-osc Server for GenWorld.Osc's tests. Prints {"ready":PORT}, then one JSON line per received message:
//   {"address":"/genworld/listener","types":"fffff","values":[...],"bundle":null|[ntpSeconds,fraction]}
// node-osc hands over values without their type tags, so the tags are read from the raw datagram here (OSC 1.0 layout)
// just before node-osc's own listener runs. With "echo PORT" each message is also sent back to 127.0.0.1:PORT.
// Exits when stdin closes (the test owns the process).
import { Client, Message, Server } from 'node-osc';

const port = Number(process.argv[2] ?? 0);
const echo = process.argv[3] === 'echo' ? new Client('127.0.0.1', Number(process.argv[4])) : null;
const server = new Server(port, '127.0.0.1');
let pendingTypes = [];

// Type tag strings of every message in a datagram, depth-first: the order node-osc emits them in.
function typeTags(buf) {
  if (buf.subarray(0, 8).toString('latin1') === '#bundle\0') {
    const tags = [];
    for (let at = 16; at + 4 <= buf.length;) {
      const size = buf.readInt32BE(at);
      tags.push(...typeTags(buf.subarray(at + 4, at + 4 + size)));
      at += 4 + size;
    }
    return tags;
  }
  const tagsAt = (buf.indexOf(0) + 4) & ~3;
  return [buf.subarray(tagsAt + 1, buf.indexOf(0, tagsAt)).toString('latin1')];
}

function print(message, bundle) {
  const [address, ...values] = message;
  console.log(JSON.stringify({ address, types: pendingTypes.shift() ?? null, values, bundle }));
  if (echo) echo.send(new Message(address, ...values));
}

function printBundle(bundle) {
  for (const element of bundle.elements) {
    if (element.elements) printBundle(element);
    else print(element, bundle.timetag);
  }
}

server._sock.prependListener('message', (buf) => { pendingTypes = typeTags(buf); });
server.on('listening', () => console.log(JSON.stringify({ ready: server._sock.address().port })));
server.on('message', (msg) => print(msg, null));
server.on('bundle', (bundle) => printBundle(bundle));
server.on('error', (err) => console.log(JSON.stringify({ error: String(err.message ?? err) })));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
