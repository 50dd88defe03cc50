// node-osc Client for GenWorld.Osc's tests: sends what a controller would to 127.0.0.1:PORT, then prints {"sent":N}.
// A plain JS number goes out as f (osc-min's choice); {type:'integer'} makes an i. Real controllers differ the same way.
import { Bundle, Client, Message } from 'node-osc';

const client = new Client('127.0.0.1', Number(process.argv[2]));
const send = (packet) => new Promise((resolve, reject) => client.send(packet, (err) => (err ? reject(err) : resolve())));
const float = (value) => ({ type: 'float', value });
const int = (value) => ({ type: 'integer', value });

const packets = [
  new Message('/genworld/camera/pose', 1.5, int(2), -3.25, int(90), float(-10)), // f i f i f
  new Message('/genworld/camera/velocity', 0.5, float(0), -1.5),          // f f f
  new Message('/genworld/emitter/trigger', int(7)),                        // i
  new Message('/genworld/attract', true),                                  // T
  new Message('/genworld/gain', 0.75),                                     // f
  new Message('/genworld/goto', 'strings'),                                // s
  new Message('/genworld/model', 'notes-vae'),                             // s
  new Message('/genworld/*/trigger', int(11)),                             // an address pattern
  new Message('/genworld/no/such/address', int(1)),                        // unknown: counted and dropped
  new Bundle(['/genworld/emitter/trigger', 21], ['/genworld/attract', false]),   // 21 as f; node-osc's default tag is 1970
  new Bundle(Date.now() / 1000 + 1, new Message('/genworld/emitter/trigger', int(42))),     // due in 1 s
];
for (const packet of packets) await send(packet);
client.close();
console.log(JSON.stringify({ sent: packets.length }));
