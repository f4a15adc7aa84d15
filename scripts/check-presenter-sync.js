// Opens a deck in headless Chromium, presses `p` to open the presenter window, then presses
// keys in one window and checks that the other follows: the slide, the step and the blackout.
// Drives the browser through the DevTools protocol; needs Node 20 or later (run with
// --experimental-websocket on Node 20 and 21).
//
// Usage: node --experimental-websocket scripts/check-presenter-sync.js BROWSER FILE-URL
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');

const [browser, url] = process.argv.slice(2);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-sync-'));
const chrome = spawn(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0',
  `--user-data-dir=${profile}`, '--window-size=1280,720', 'about:blank'], { stdio: 'ignore' });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let port = 0;

function get(route) {
  return new Promise((resolve, reject) => http.get(`http://127.0.0.1:${port}${route}`, (response) => {
    let data = '';
    response.on('data', (chunk) => { data += chunk; });
    response.on('end', () => {
      try { resolve(JSON.parse(data)); } catch (error) { reject(error); }
    });
  }).on('error', reject));
}

async function connect(target) {
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  const pending = new Map();
  let id = 0;
  await new Promise((resolve) => { socket.onopen = resolve; });
  socket.onmessage = (message) => {
    const reply = JSON.parse(message.data);
    if (pending.has(reply.id)) { pending.get(reply.id)(reply); pending.delete(reply.id); }
  };
  return {
    send: (method, params = {}) => new Promise((resolve) => {
      id += 1;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    }),
    close: () => socket.close(),
  };
}

async function press(page, key, code, keyCode) {
  for (const type of ['rawKeyDown', 'keyUp']) {
    await page.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: keyCode,
      text: type === 'rawKeyDown' && key.length === 1 ? key : undefined });
  }
  await sleep(300);
}

async function shown(page) {
  const reply = await page.send('Runtime.evaluate', { returnByValue: true,
    expression: "location.hash + (document.body.classList.contains('blackout') ? ' blackout' : '')" });
  return reply.result.result.value;
}

async function main() {
  const portFile = path.join(profile, 'DevToolsActivePort');
  // A loaded machine can take a while to start the browser.
  for (let i = 0; i < 300 && !fs.existsSync(portFile); i += 1) { await sleep(100); }
  if (!fs.existsSync(portFile)) { return ['the browser did not start within 30 seconds']; }
  port = parseInt(fs.readFileSync(portFile, 'utf8').split('\n')[0], 10);
  const first = (await get('/json')).find((target) => target.type === 'page');
  const audience = await connect(first);
  await audience.send('Page.navigate', { url: url + '#2' });
  await sleep(800);
  await press(audience, 'p', 'KeyP', 80);
  let target;
  for (let i = 0; i < 30 && !target; i += 1) {
    await sleep(100);
    target = (await get('/json')).find((page) => page.type === 'page' && page.url.includes('?presenter'));
  }
  if (!target) { return ['p opened no presenter window']; }
  await sleep(800);
  const speaker = await connect(target);
  const failures = [];
  const expect = async (what, wanted) => {
    const seen = [await shown(audience), await shown(speaker)];
    if (seen[0] !== wanted || seen[1] !== wanted) {
      failures.push(`${what}: audience shows '${seen[0]}', presenter '${seen[1]}', wanted '${wanted}'`);
    }
  };
  await expect('p', '#2');
  await press(audience, 'PageDown', 'PageDown', 34);
  await expect('PageDown in the audience window', '#3');
  await press(speaker, 'ArrowRight', 'ArrowRight', 39);
  await expect('→ in the presenter window', '#4');
  await press(speaker, 'b', 'KeyB', 66);
  await expect('b in the presenter window', '#4 blackout');
  await press(speaker, 'b', 'KeyB', 66);
  await press(speaker, 'PageUp', 'PageUp', 33);
  await expect('PageUp in the presenter window', '#3');
  audience.close();
  speaker.close();
  return failures;
}

// Ends the browser, removes its profile once it has exited, and reports.
// Every way out reports: a browser that already exited, and errors thrown in callbacks.
function finish(failures) {
  const report = () => {
    fs.rmSync(profile, { recursive: true, force: true });
    for (const failure of failures) { console.log(`✘ presenter window: ${failure}`); }
    if (failures.length === 0) {
      console.log('✔ presenter window: opened by p, follows and leads the audience window (keys, blackout)');
    }
    process.exit(failures.length === 0 ? 0 : 1);
  };
  if (chrome.exitCode !== null || chrome.signalCode !== null) { report(); return; }
  chrome.once('exit', report);
  chrome.kill();
}

process.on('uncaughtException', (error) => finish([String(error)]));
main().then(finish, (error) => finish([String(error)]));
