// node-osc Client that sends the messages given as JSON to 127.0.0.1:PORT, in order, then prints {"sent":N}.
//   node send.mjs PORT '[["/genworld/camera/pose", 1.5, 2, -3, {"type":"integer","value":90}, 0], ...]'
// Plain numbers go out as f (osc-min's choice); {"type":"integer","value":N} makes an i, strings an s.
import { Client, Message } from 'node-osc';

const client = new Client('127.0.0.1', Number(process.argv[2]));
const messages = JSON.parse(process.argv[3]);
const send = (packet) => new Promise((resolve, reject) => client.send(packet, (err) => (err ? reject(err) : resolve())));
for (const [address, ...args] of messages) await send(new Message(address, ...args));
client.close();
console.log(JSON.stringify({ sent: messages.length }));
