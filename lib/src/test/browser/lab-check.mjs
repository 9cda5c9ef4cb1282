// Browser check of the course in a running JupyterLab: opens a notebook in headless Chromium,
// runs every cell from the Run menu, waits for the kernel to go idle, checks the rendered
// outputs and saves a screenshot. Starts no server itself.
//
//   node lab-check.mjs --url 'http://127.0.0.1:8888/lab?token=T' --notebook notebooks/00-check-setup.ipynb \
//       --screenshot out.png [--expect-text TEXT]... [--expect-html-table] [--timeout SECONDS]
//
// Needs KIT_PLAYWRIGHT_CORE (playwright-core's folder; ./kit setup records it) and Chromium
// (KIT_CHROMIUM, default /usr/bin/chromium). Exit status: 0 passed, 1 failed, 2 usage error.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

function usage(message) {
  console.error(`lab-check: ${message}`);
  console.error('usage: node lab-check.mjs --url LAB_URL --notebook PATH --screenshot FILE.png '
    + '[--expect-text TEXT]... [--expect-html-table] [--timeout SECONDS]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { expectText: [], expectHtmlTable: false, timeout: 180 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--url') opts.url = value();
    else if (a === '--notebook') opts.notebook = value();
    else if (a === '--screenshot') opts.screenshot = value();
    else if (a === '--expect-text') opts.expectText.push(value());
    else if (a === '--expect-html-table') opts.expectHtmlTable = true;
    else if (a === '--timeout') opts.timeout = Number(value());
    else usage(`unknown argument '${a}'`);
  }
  if (!opts.url || !opts.notebook || !opts.screenshot) usage('--url, --notebook and --screenshot are required');
  if (!(opts.timeout > 0)) usage('--timeout must be a positive number of seconds');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const pwDir = process.env.KIT_PLAYWRIGHT_CORE;
if (!pwDir) usage('KIT_PLAYWRIGHT_CORE is not set; run ./kit setup (it installs playwright-core and records the path)');
const { chromium } = await import(pathToFileURL(join(pwDir, 'index.mjs')).href);

const lab = new URL(opts.url);
const token = lab.searchParams.get('token') ?? '';
const notebookUrl = new URL(`/lab/tree/${opts.notebook.split('/').map(encodeURIComponent).join('/')}`, lab.origin);
if (token) notebookUrl.searchParams.set('token', token);

const VISIBLE_PANEL = '.jp-NotebookPanel:not(.lm-mod-hidden)';
let step = 'starting Chromium';
let browser;
let page;
const started = Date.now();
const say = (msg) => console.error(`lab-check [${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);
const stepTo = (name) => { step = name; say(name); };

class CheckFailed extends Error {}
const fail = (msg) => { throw new CheckFailed(msg); };

// How many code cells the notebook file has, from the server's contents API.
async function codeCellsInFile() {
  const res = await fetch(new URL(`/api/contents/${opts.notebook.split('/').map(encodeURIComponent).join('/')}`, lab.origin),
    { headers: { Authorization: `token ${token}` } });
  if (!res.ok) fail(`could not read ${opts.notebook} from JupyterLab (HTTP ${res.status}).`);
  return (await res.json()).content.cells.filter((c) => c.cell_type === 'code').length;
}

// The server's view of the notebook's kernel, from its REST API.
async function waitForServerKernelIdle(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no session yet';
  while (Date.now() < deadline) {
    const res = await fetch(new URL('/api/sessions', lab.origin), { headers: { Authorization: `token ${token}` } })
      .catch((e) => ({ ok: false, status: String(e) }));
    if (res.ok) {
      const session = (await res.json()).find((x) => x.path === opts.notebook);
      last = session?.kernel?.execution_state ?? 'no session yet';
      if (last === 'idle') return;
      if (last === 'dead') fail('the kernel died while starting; the JupyterLab server output says why.');
    } else {
      last = `HTTP ${res.status}`;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`the kernel did not become idle within ${timeoutMs / 1000} s (last state: ${last}).`);
}

async function failureScreenshot() {
  if (!page) return;
  const path = opts.screenshot.replace(/\.png$/, '') + '-failed.png';
  try {
    await page.screenshot({ path, timeout: 10_000 });
    console.error(`lab-check: a screenshot of the failure is in ${path}`);
  } catch { /* the page may be gone */ }
}

// One bound for the whole check, whatever hangs.
const watchdog = setTimeout(async () => {
  console.error(`lab-check: FAILED: gave up after ${opts.timeout} s while ${step}.`);
  await failureScreenshot();
  process.exit(1);
}, opts.timeout * 1000);

try {
  browser = await chromium.launch({
    executablePath: process.env.KIT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    // Playwright gives the browser a fresh, empty --user-data-dir of its own.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  page.setDefaultTimeout(60_000);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  stepTo(`opening ${notebookUrl.origin}${notebookUrl.pathname}`);
  const response = await page.goto(notebookUrl.href, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  if (!response || !response.ok()) {
    fail(`JupyterLab answered ${response ? response.status() : 'nothing'} for ${notebookUrl.pathname}; `
      + 'is the server running, is the token right and does the notebook exist under its root?');
  }

  stepTo('waiting for the notebook\'s kernel to start');
  const panel = page.locator(VISIBLE_PANEL);
  await panel.waitFor({ state: 'visible', timeout: 90_000 });
  await waitForServerKernelIdle(120_000);

  // The page should now show the kernel as idle; if it does not, a fresh page load reconnects.
  const statusBar = page.locator('#jp-main-statusbar');
  const showsIdle = async (ms) => {
    for (const until = Date.now() + ms; Date.now() < until; await page.waitForTimeout(250)) {
      if (/\|\s*Idle\b/.test(await statusBar.innerText().catch(() => ''))) return true;
    }
    return false;
  };
  let ready = await showsIdle(20_000);
  for (let attempt = 1; attempt <= 2 && !ready; attempt++) {
    stepTo(`reloading the page to reconnect to the kernel (attempt ${attempt})`);
    await page.reload({ waitUntil: 'domcontentloaded', timeout: 60_000 });
    await panel.waitFor({ state: 'visible', timeout: 90_000 });
    ready = await showsIdle(20_000);
  }
  if (!ready) {
    fail(`the page never showed the kernel as idle (status bar: "${(await statusBar.innerText()).replace(/\s+/g, ' ')}"); `
      + 'is JupyterLab started by ./kit lab (scripts/lab.sh), which loads notebooks/kernel/jupyter_server_config.py?');
  }
  const codeCells = panel.locator('.jp-CodeCell');
  await codeCells.first().waitFor({ timeout: 30_000 });

  stepTo('running all cells from the Run menu');
  await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
  await page.locator('.lm-Menu-item:visible', { hasText: 'Run All Cells' }).first().click();
  if (await page.locator('.jp-Dialog').waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
    fail(`JupyterLab opened a dialog instead of running the cells: "${(await page.locator('.jp-Dialog').innerText()).replace(/\s+/g, ' ')}".`);
  }

  stepTo('waiting for every code cell to run and the kernel to go idle');
  const total = await codeCellsInFile();
  await page.waitForFunction(({ panelSel, count }) => {
    const p = document.querySelector(panelSel);
    if (!p) return false;
    const prompts = [...p.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map((e) => e.textContent.trim());
    const status = p.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status');
    return prompts.length === count && prompts.every((t) => /^\[\d+\]:$/.test(t)) && status === 'idle';
  }, { panelSel: VISIBLE_PANEL, count: total }, { timeout: 150_000, polling: 250 })
    .catch(async () => {
      const prompts = await panel.locator('.jp-CodeCell .jp-InputArea-prompt').allTextContents();
      fail(`not every one of the ${total} code cells finished: prompts are ${JSON.stringify(prompts.map((t) => t.trim()))}.`);
    });
  say(`${total} code cells ran`);

  stepTo('checking the outputs');
  const outputs = panel.locator('.jp-OutputArea-output');
  const errors = await panel.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').allInnerTexts();
  if (errors.length) fail(`a cell wrote an error:\n${errors.join('\n---\n').slice(0, 3000)}`);
  const text = (await outputs.allInnerTexts()).join('\n');
  for (const expected of opts.expectText) {
    if (!text.includes(expected)) fail(`no output contains "${expected}". The outputs were:\n${text.slice(0, 3000)}`);
  }
  const tables = panel.locator('.jp-OutputArea-output.jp-RenderedHTMLCommon table');
  if (opts.expectHtmlTable) {
    if (await tables.count() === 0) {
      fail('no output was rendered as an HTML table: the kernel showed the HtmlRenderable as plain text '
        + '(is the renderer registered by notebooks/kernel/startup.jshell?).');
    }
    await tables.last().scrollIntoViewIfNeeded();
  }
  if (pageErrors.length) say(`note: the page reported script errors: ${pageErrors.slice(0, 3).join(' | ')}`);

  stepTo(`saving the screenshot to ${opts.screenshot}`);
  mkdirSync(dirname(opts.screenshot), { recursive: true });
  await page.screenshot({ path: opts.screenshot, timeout: 30_000 });
  console.log(`lab-check: passed: ${opts.notebook} ran ${total} code cells in ${((Date.now() - started) / 1000).toFixed(1)} s; `
    + `screenshot ${opts.screenshot}`);
  process.exitCode = 0;
} catch (e) {
  console.error(`lab-check: FAILED while ${step}: ${e instanceof CheckFailed ? e.message : (e.stack || e)}`);
  await failureScreenshot();
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  if (browser) await browser.close().catch(() => {});
}
