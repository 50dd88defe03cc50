// The Train panel: the training service's jobs on this host (GET/POST/DELETE /jobs), the selected job's loss curve
// live from its server-sent events (read with fetch, since EventSource cannot send the token), its latest previews,
// and the model picker refreshed when a job publishes. `window.studioTest.train` is the browser tests' hook.
'use strict';

window.studioTrain = (() => {
  const $ = (id) => document.getElementById(id);
  let api = null, selected = null, stream = null;
  const losses = [];
  const hook = () => (window.studioTest.train ??= { events: 0, points: 0, states: [] });

  async function refresh() {
    const jobs = await api('/jobs');
    $('jobs').replaceChildren(...jobs.map((job) => {
      const li = document.createElement('li');
      li.textContent = `${job.name} · ${job.kind} · ${job.state} · step ${job.step}${job.steps ? `/${job.steps}` : ''}${job.loss != null ? ` · loss ${job.loss.toFixed(3)}` : ''}${job.model ? ` → ${job.model}` : ''}${job.error ? ` · ${job.error}` : ''}`;
      li.classList.toggle('selected', job.id === selected);
      li.addEventListener('click', () => follow(job.id));
      if (!['succeeded', 'failed', 'cancelled', 'broken'].includes(job.state)) {
        const cancel = Object.assign(document.createElement('button'), { textContent: 'Cancel' });
        cancel.addEventListener('click', (e) => { e.stopPropagation(); cancelJob(job.id).catch(window.studioFail); });
        li.append(' ', cancel);
      }
      return li;
    }));
    return jobs;
  }

  async function cancelJob(id) {
    const headers = {};
    const token = sessionStorage.getItem('genworld-token');
    if (token) headers.Authorization = `Bearer ${token}`;
    await fetch(`/jobs/${encodeURIComponent(id)}`, { method: 'DELETE', headers });
    await refresh();
  }

  function drawCurve() {
    const c = $('curve'), g = c.getContext('2d');
    g.clearRect(0, 0, c.width, c.height);
    if (losses.length < 2) return;
    const steps = losses.map((p) => p[0]), values = losses.map((p) => p[1]);
    const x0 = Math.min(...steps), x1 = Math.max(...steps), y0 = Math.min(...values), y1 = Math.max(...values);
    g.strokeStyle = '#7cf'; g.beginPath();
    losses.forEach(([s, v], i) => {
      const x = 30 + (c.width - 40) * (s - x0) / Math.max(1, x1 - x0), y = c.height - 15 - (c.height - 30) * (v - y0) / Math.max(1e-9, y1 - y0);
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke(); g.fillStyle = '#9aa';
    g.fillText(y1.toPrecision(4), 2, 12); g.fillText(y0.toPrecision(4), 2, c.height - 4); g.fillText(`step ${x1}`, c.width - 70, c.height - 4);
  }

  async function showPreviews(files) {
    const wav = files.find((f) => f.endsWith('.wav')), png = files.find((f) => f.endsWith('.png'));
    hook().previews = files;
    for (const [file, tag] of [[wav, 'audio'], [png, 'img']]) {
      if (!file) continue;
      const response = await api(file, undefined, 'raw');
      const el = Object.assign(document.createElement(tag), { src: URL.createObjectURL(await response.blob()), controls: true, title: file });
      document.querySelector(`#train-panel ${tag}.preview`)?.remove();
      el.className = 'preview'; $('curve').after(el);
    }
  }

  // Reads the job's event stream; "progress" extends the curve, "preview" shows the newest clips, "state" ends it.
  async function follow(id) {
    if (stream) stream.abort();
    selected = id; losses.length = 0; drawCurve(); await refresh();
    stream = new AbortController();
    const response = await api(`/jobs/${encodeURIComponent(id)}/events`, undefined, 'raw', stream.signal);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
        const type = block.match(/^event: (.*)$/m)?.[1], data = block.match(/^data: (.*)$/m)?.[1];
        if (!type || !data) continue;
        const payload = JSON.parse(data);
        hook().events++;
        if (type === 'progress' && payload.loss != null) { losses.push([payload.step, payload.loss]); hook().points = losses.length; drawCurve(); }
        if (type === 'preview') showPreviews(payload.files).catch(window.studioFail);
        if (type === 'state') {
          hook().states.push(payload.state);
          await refresh();
          if (payload.state === 'succeeded') await window.studioReloadModels();
        }
      }
    }
  }

  async function startJob() {
    const body = { kind: 'sound-vae', dataset: $('job-dataset').value, name: $('job-name').value, steps: +$('job-steps').value };
    if ($('job-base').value.trim()) body.baseModel = $('job-base').value.trim();
    if ($('job-hyper').value.trim()) {
      try { body.hyperparameters = JSON.parse($('job-hyper').value); } catch (e) { throw new Error(`Hyperparameters: not JSON (${e.message})`); }
    }
    const job = await api('/jobs', body);
    hook().started = job.id;
    follow(job.id).catch(window.studioFail);
  }

  return {
    async start(apiFunction) {
      api = apiFunction;
      $('job-start').addEventListener('click', () => startJob().catch(window.studioFail));
      const jobs = await refresh();
      const running = jobs.find((j) => j.state === 'running');
      if (running) follow(running.id).catch(window.studioFail);
    },
  };
})();
