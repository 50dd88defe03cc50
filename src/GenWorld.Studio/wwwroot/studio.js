// GenWorld Studio: plain JavaScript, no build step. Every sound comes from POST /studio/api/sound (the model's
// generation service: batched, cached); its recipe code and quantised latent come back in headers, so what is heard
// is exactly what the code regenerates. `window.studioTest` is the hook the browser tests read.
'use strict';

const $ = (id) => document.getElementById(id);
const token = (() => {
  const m = location.hash.match(/token=([^&]+)/);
  if (m) { sessionStorage.setItem('genworld-token', decodeURIComponent(m[1])); history.replaceState(null, '', location.pathname); }
  return sessionStorage.getItem('genworld-token');
})();

const state = { models: [], model: null, latent: [], locked: new Set(), history: [], code: '', a: null, b: null, shelf: [], map: null, audio: null };
const test = window.studioTest = { plays: [], latencies: [], last: null, errors: [] };

function status(text, error = false) { const s = $('status'); s.textContent = text; s.classList.toggle('error', error); if (error) test.errors.push(text); }

async function api(path, body, accept = 'json', signal = undefined) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new Error(detail);
  }
  return accept === 'json' ? response.json() : response;
}

// ---- audio -------------------------------------------------------------------------------------------------------
let context = null;
function audioContext() { if (!context) context = new AudioContext(); return context; }

async function sha256(bytes) { return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join(''); }

// Plays a request's sound; `clicked` is the performance.now() of the click, for the click → sound latency.
async function play(request, clicked = performance.now(), { setCurrent = true } = {}) {
  const response = await api('/studio/api/sound', request, 'raw');
  const wav = await response.arrayBuffer();
  const code = response.headers.get('X-Recipe-Code');
  const latent = JSON.parse(response.headers.get('X-Latent'));
  const ctx = audioContext();
  const buffer = pcm16Buffer(ctx, wav) || await ctx.decodeAudioData(wav.slice(0));
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  source.connect(ctx.destination);
  if (state.audio) try { state.audio.stop(); } catch { /* already ended */ }
  source.start();
  state.audio = source;
  const latency = performance.now() - clicked;
  const samples = buffer.getChannelData(0);
  let sum = 0; for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  test.last = { code, latent, sampleRate: buffer.sampleRate, frames: buffer.length, rms: Math.sqrt(sum / samples.length), sha256: await sha256(wav), generateMs: +response.headers.get('X-Generate-Ms'), latency };
  test.latencies.push(latency);
  test.plays.push(test.last);
  drawWave(samples);
  if (setCurrent) {
    state.latent = latent; state.code = code; $('code').value = code;
    const pitch = response.headers.get('X-Pitch'); if (pitch) $('pitch').value = pitch;
    const label = response.headers.get('X-Label'); if (label) $('label').value = label;
    renderDims();
    prepareNext();
  }
  status(`played ${buffer.duration.toFixed(2)} s · ${latency.toFixed(0)} ms from click (generation ${response.headers.get('X-Generate-Ms')} ms)`);
  return test.last;
}

// The service's clips are 16-bit PCM WAV: read them straight into an AudioBuffer at their own rate (the browser
// resamples while playing), which saves decodeAudioData's copy and resampling on every click. Anything else: null.
function pcm16Buffer(ctx, wav) {
  const view = new DataView(wav);
  const text = (at) => String.fromCharCode(...new Uint8Array(wav, at, 4));
  if (wav.byteLength < 44 || text(0) !== 'RIFF' || text(8) !== 'WAVE' || text(12) !== 'fmt ' || text(36) !== 'data') return null;
  const format = view.getUint16(20, true), channels = view.getUint16(22, true), rate = view.getUint32(24, true), bits = view.getUint16(34, true);
  if (format !== 1 || channels !== 1 || bits !== 16) return null;
  const frames = Math.min(view.getUint32(40, true), wav.byteLength - 44) >> 1;
  const buffer = ctx.createBuffer(1, frames, rate), out = buffer.getChannelData(0);
  for (let i = 0; i < frames; i++) out[i] = view.getInt16(44 + 2 * i, true) / 32768;
  return buffer;
}

function drawWave(samples) {
  const c = $('wave'), g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height); g.strokeStyle = '#7cf'; g.beginPath();
  const step = samples.length / c.width;
  for (let x = 0; x < c.width; x++) {
    let peak = 0; for (let i = Math.floor(x * step); i < Math.floor((x + 1) * step); i++) peak = Math.max(peak, Math.abs(samples[i]));
    g.moveTo(x, c.height / 2 - peak * c.height / 2); g.lineTo(x, c.height / 2 + peak * c.height / 2);
  }
  g.stroke();
}

// ---- shape -------------------------------------------------------------------------------------------------------
function conditioning() {
  const m = state.model, c = {};
  if (m.pitchMin != null) c.pitch = +$('pitch').value;
  if (m.labels.length) c.label = $('label').value;
  return c;
}

function gaussian() { let u = 0; while (u === 0) u = Math.random(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * Math.random()); }

function pushHistory() { if (state.latent.length) state.history.push({ latent: [...state.latent], code: state.code }); $('undo').disabled = state.history.length === 0; }

async function playLatent(latent, clicked, record = true) {
  if (record) pushHistory();
  return play({ model: state.model.name, latent, ...conditioning() }, clicked);
}

function edited(change) {
  return state.latent.map((v, i) => (state.locked.has(i) ? v : change(v, i)));
}

function renderDims() {
  const box = $('dims');
  if (box.children.length !== state.latent.length) {
    box.replaceChildren();
    state.latent.forEach((_, i) => {
      const label = document.createElement('label');
      const lock = Object.assign(document.createElement('input'), { type: 'checkbox', className: 'lock', title: `lock dimension ${i}` });
      lock.dataset.dim = i;
      lock.addEventListener('change', () => { if (lock.checked) state.locked.add(i); else state.locked.delete(i); prepareNext(); });
      const range = Object.assign(document.createElement('input'), { type: 'range', min: -3, max: 3, step: 0.01, className: 'dim' });
      range.dataset.dim = i;
      range.addEventListener('change', () => { const l = [...state.latent]; l[i] = +range.value; playLatent(l, performance.now()).catch(fail); });
      label.append(lock, `z${i}`, range);
      box.append(label);
    });
  }
  box.querySelectorAll('input.dim').forEach((r) => { r.value = state.latent[+r.dataset.dim]; });
  box.querySelectorAll('input.lock').forEach((l) => { l.checked = state.locked.has(+l.dataset.dim); });
}

function fail(e) { if (e.name !== 'AbortError') status(e.message, true); }
window.studioFail = fail;

function click(id, handler) {
  $(id).addEventListener('click', (event) => { const t = performance.now(); Promise.resolve(handler(t, event)).catch(fail); });
}

click('play', (t) => playLatent(state.latent, t, false));
// The next Randomize and Mutate are drawn before the click and hinted to the server, which makes them while the
// current sound plays; a click then usually finds its clip finished (the cache), as sfxr's instant feel needs.
const next = { random: null, mutate: null };
function prepareNext() {
  if (!state.latent.length) return;
  next.random = edited(() => gaussian());
  next.mutate = edited((v) => v + +$('amount').value * gaussian());
  api('/studio/api/hint', { model: state.model.name, latents: [next.random, next.mutate], ...conditioning() }).catch(() => { /* only a prefetch */ });
}
function take(kind, make) { const l = next[kind] && next[kind].every((v, i) => !state.locked.has(i) || v === state.latent[i]) ? next[kind] : make(); next[kind] = null; return l; }
click('randomize', (t) => playLatent(take('random', () => edited(() => gaussian())), t));
click('mutate', (t) => playLatent(take('mutate', () => edited((v) => v + +$('amount').value * gaussian())), t));
$('amount').addEventListener('change', prepareNext);
$('pitch').addEventListener('change', prepareNext);
$('label').addEventListener('change', prepareNext);
click('undo', async (t) => {
  const last = state.history.pop(); $('undo').disabled = state.history.length === 0;
  if (last) await play({ code: last.code }, t);
});
click('set-a', () => { state.a = state.code; $('play-a').disabled = false; });
click('set-b', () => { state.b = state.code; $('play-b').disabled = false; });
click('play-a', (t) => play({ code: state.a }, t, { setCurrent: false }));
click('play-b', (t) => play({ code: state.b }, t, { setCurrent: false }));
click('load-code', async (t) => {
  const code = $('code').value.trim();
  const decoded = await api('/studio/api/decode', { code });
  if (decoded.kind !== 'sound') throw new Error('that is a texture code: paste it in the Textures panel');
  if (decoded.model !== state.model.name) await selectModel(decoded.model);
  pushHistory();
  await play({ code }, t);
});
click('copy-code', () => navigator.clipboard?.writeText(state.code));

// ---- keep --------------------------------------------------------------------------------------------------------
function exportFormat() { return { rate: +$('rate').value, bits: +$('bits').value, channels: +$('channels').value }; }

async function download(body) {
  const response = await api('/studio/api/export', body, 'raw');
  const blob = await response.blob();
  const name = (response.headers.get('Content-Disposition') || '').match(/filename="?([^";]+)/)?.[1] || 'genworld.wav';
  test.lastExport = { name, type: blob.type, bytes: new Uint8Array(await blob.arrayBuffer()) };
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  status(`exported ${name} (${blob.size} bytes)`);
}

click('export', () => download({ codes: [state.code], ...exportFormat() }));
click('export-shelf', () => download({ codes: state.shelf.map((s) => s.code), ...exportFormat() }));
click('export-variations', () => download({ codes: [state.code], variations: +$('var-count').value, amount: +$('amount').value, ...exportFormat() }));
click('keep', () => { state.shelf.push({ code: state.code, latent: [...state.latent], model: state.model.name, corner: false }); renderShelf(); });

function renderShelf() {
  const list = $('shelf');
  list.replaceChildren(...state.shelf.map((item, i) => {
    const li = document.createElement('li');
    const playButton = Object.assign(document.createElement('button'), { textContent: '▶' });
    playButton.addEventListener('click', () => { const t = performance.now(); pushHistory(); play({ code: item.code }, t).catch(fail); });
    const corner = Object.assign(document.createElement('input'), { type: 'checkbox', checked: item.corner, title: 'blend corner', className: 'corner' });
    corner.addEventListener('change', () => { item.corner = corner.checked; drawBlend(); });
    const remove = Object.assign(document.createElement('button'), { textContent: '✕', title: 'remove' });
    remove.addEventListener('click', () => { state.shelf.splice(i, 1); renderShelf(); });
    const code = Object.assign(document.createElement('code'), { textContent: item.code });
    li.append(playButton, corner, ` ${item.model} #${i + 1} `, remove, document.createElement('br'), code);
    return li;
  }));
  drawBlend();
}

function corners() { return state.shelf.filter((s) => s.corner && s.model === state.model?.name).slice(0, 4); }

function drawBlend(px, py) {
  const c = $('blend'), g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  const n = corners().length; g.fillStyle = '#7cf';
  [[0, 0], [1, 0], [0, 1], [1, 1]].slice(0, n).forEach(([x, y], i) => { g.fillRect(x * (c.width - 14), y * (c.height - 14), 14, 14); g.fillText(`${i + 1}`, x ? c.width - 26 : 18, y ? c.height - 4 : 12); });
  if (px != null) { g.beginPath(); g.arc(px, py, 5, 0, 7); g.fill(); }
}

$('blend').addEventListener('click', (event) => {
  const t = performance.now(), cs = corners();
  if (cs.length < 2) { fail(new Error('tick 2 to 4 kept sounds of this model as blend corners')); return; }
  const r = $('blend').getBoundingClientRect(), x = (event.clientX - r.left) / r.width, y = (event.clientY - r.top) / r.height;
  const w = [(1 - x) * (1 - y), x * (1 - y), (1 - x) * y, x * y].slice(0, cs.length);
  if (cs.length === 2) { w[0] = 1 - x; w[1] = x; }
  const total = w.reduce((a, b) => a + b, 0);
  const latent = cs[0].latent.map((_, k) => cs.reduce((sum, s, i) => sum + (w[i] / total) * s.latent[k], 0));
  drawBlend(event.clientX - r.left, event.clientY - r.top);
  playLatent(latent, t).catch(fail);
});

// ---- map ---------------------------------------------------------------------------------------------------------
async function loadMap() {
  const c = $('map'), g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  $('legend').replaceChildren(); state.map = null;
  if (!state.model.hasMap) { g.fillStyle = '#9aa'; g.fillText('This model has no anchors (genworld field encode makes them).', 20, 30); return; }
  const map = await api(`/studio/api/map?model=${encodeURIComponent(state.model.name)}`);
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of map.points) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  const pad = 10, span = Math.max(maxX - minX, maxY - minY) || 1, scale = (c.width - 2 * pad) / span;
  map.screen = map.points.map(([x, y]) => [pad + (x - minX) * scale, c.height - pad - (y - minY) * scale]);
  map.points.forEach((p, i) => { g.fillStyle = map.labels[p[2]].colour; g.fillRect(map.screen[i][0] - 1.5, map.screen[i][1] - 1.5, 3, 3); });
  $('legend').replaceChildren(...map.labels.map((l) => {
    const li = document.createElement('li'), dot = document.createElement('span');
    dot.style.background = l.colour; li.append(dot, l.name); return li;
  }));
  state.map = map;
  test.map = { count: map.points.length, screen: map.screen, labels: map.labels.length };
}

function nearest(event) {
  const map = state.map; if (!map) return -1;
  const r = $('map').getBoundingClientRect(), x = (event.clientX - r.left) * $('map').width / r.width, y = (event.clientY - r.top) * $('map').height / r.height;
  let best = -1, bestD = 64;
  map.screen.forEach(([sx, sy], i) => { const d = (sx - x) ** 2 + (sy - y) ** 2; if (d < bestD) { bestD = d; best = i; } });
  return best;
}

$('map').addEventListener('mousemove', (event) => {
  const i = nearest(event), hover = $('hover');
  if (i < 0) { hover.hidden = true; return; }
  const p = state.map.points[i];
  hover.textContent = `${state.map.names[i]} · ${state.map.labels[p[2]].name}${p[3] >= 0 ? ` · MIDI ${p[3]}` : ''}`;
  hover.style.left = `${state.map.screen[i][0] + 8}px`; hover.style.top = `${state.map.screen[i][1] + 8}px`;
  hover.hidden = false;
});

$('map').addEventListener('click', (event) => {
  const t = performance.now(), i = nearest(event);
  if (i < 0) return;
  (async () => {
    const anchor = await api(`/studio/api/anchor?model=${encodeURIComponent(state.model.name)}&index=${i}`);
    if (anchor.pitch != null && state.model.pitchMin != null) $('pitch').value = anchor.pitch;
    test.lastAnchor = anchor;
    await playLatent(anchor.latent, t);
    status(`${anchor.name} (${anchor.label}) · ${$('status').textContent}`);
  })().catch(fail);
});

// ---- textures ----------------------------------------------------------------------------------------------------
async function texture(body) {
  const response = await api('/studio/api/texture', body, 'raw');
  const url = URL.createObjectURL(await response.blob());
  $('tex-tile').src = url;
  $('tex-tiled').style.backgroundImage = `url(${url})`;
  $('tex-code').value = response.headers.get('X-Recipe-Code');
  test.lastTexture = { code: response.headers.get('X-Recipe-Code'), bytes: +response.headers.get('Content-Length') };
}
const texRequest = () => ({ model: $('tex-model').value, seed: +$('tex-seed').value, size: +$('tex-size').value });
click('tex-generate', () => texture(texRequest()));
click('tex-random', () => { $('tex-seed').value = Math.floor(Math.random() * 1e6); return texture(texRequest()); });
click('tex-load', () => texture({ code: $('tex-code').value.trim() }));

// ---- model picker ------------------------------------------------------------------------------------------------
async function selectModel(name) {
  const m = state.models.find((x) => x.name === name);
  if (!m) throw new Error(`no sound model '${name}' here`);
  state.model = m; $('model').value = name;
  $('pitch-label').hidden = m.pitchMin == null;
  if (m.pitchMin != null) { $('pitch').min = m.pitchMin; $('pitch').max = m.pitchMax; }
  $('label-label').hidden = m.labels.length === 0;
  $('label').replaceChildren(...m.labels.map((l) => Object.assign(document.createElement('option'), { value: l, textContent: l })));
  state.latent = new Array(m.latentSize).fill(0); state.locked.clear(); state.history = []; $('undo').disabled = true;
  renderDims(); drawBlend();
  await loadMap();
}

$('model').addEventListener('change', () => selectModel($('model').value).catch(fail));

// Called by the Train panel when a job publishes: the picker (and the map) follow the new version.
window.studioReloadModels = async () => {
  const current = state.model?.name;
  const all = await api('/studio/api/models');
  state.models = all.filter((m) => m.kind !== 'textureGan');
  $('model').replaceChildren(...state.models.map((m) => Object.assign(document.createElement('option'), { value: m.name, textContent: m.version ? `${m.name} v${m.version}` : m.name })));
  const m = state.models.find((x) => x.name === current);
  if (m && m.version !== state.model.version) await selectModel(current);
  else if (m) $('model').value = current;
  else if (state.models.length) await selectModel(state.models[0].name);
  test.modelsReloaded = (test.modelsReloaded || 0) + 1;
};

async function start() {
  const all = await api('/studio/api/models');
  state.models = all.filter((m) => m.kind !== 'textureGan');
  $('model').replaceChildren(...state.models.map((m) => Object.assign(document.createElement('option'), { value: m.name, textContent: m.version ? `${m.name} v${m.version}` : m.name })));
  $('tex-model').replaceChildren(...all.filter((m) => m.kind === 'textureGan').map((m) => Object.assign(document.createElement('option'), { value: m.name, textContent: m.name })));
  const first = state.models.find((m) => m.hasMap) || state.models[0];
  if (first) await selectModel(first.name);
  status('ready: click the map, or Randomize');
  test.ready = true;
  if (window.studioTrain) window.studioTrain.start(api).catch(fail);
}

start().catch(fail);
