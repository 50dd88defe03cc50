// OSC traffic for a kiosk soak (`genworld run --kiosk --osc-in PORT`), from node-osc's Client for SECONDS:
// each minute, 20 s of a controller flying the camera (poses at 10 Hz along a circle, a trigger of a random id every
// second, gain changes), then 40 s of quiet in which attract mode takes over; all along one malformed datagram a second
// (truncated or a wrong type tag). Prints one JSON line with the counts at the end.
//   node soak-traffic.mjs PORT SECONDS
import dgram from 'node:dgram';
import { Client, Message } from 'node-osc';

const port = Number(process.argv[2]);
const seconds = Number(process.argv[3] ?? 3600);
const client = new Client('127.0.0.1', port);
const raw = dgram.createSocket('udp4');
const send = (message) => new Promise((resolve) => client.send(message, () => resolve()));
const counts = { poses: 0, triggers: 0, gains: 0, malformed: 0 };
const start = Date.now();
let tick = 0;

while ((Date.now() - start) / 1000 < seconds) {
  const t = (Date.now() - start) / 1000;
  const inMinute = t % 60;
  if (inMinute < 20) {
    const angle = t * 0.2;
    await send(new Message('/genworld/camera/pose', 25 * Math.sin(angle), 3, 25 * Math.cos(angle), (angle * 180) / Math.PI + 180, -5));
    counts.poses++;
    if (tick % 10 === 0) {
      await send(new Message('/genworld/emitter/trigger', { type: 'integer', value: Math.floor(Math.random() * 9276) }));
      counts.triggers++;
    }
  }
  if (tick % 50 === 0) {
    await send(new Message('/genworld/gain', 0.6 + 0.4 * Math.random()));
    counts.gains++;
  }
  if (tick % 10 === 5) {
    const bad = tick % 20 === 5 ? Buffer.from('/genworld/camera/pose\0\0\0,ff') : Buffer.from('/genworld/gain\0\0,x\0\0\0\0\0\0');
    raw.send(bad, port, '127.0.0.1');
    counts.malformed++;
  }
  tick++;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
client.close();
raw.close();
console.log(JSON.stringify(counts));
