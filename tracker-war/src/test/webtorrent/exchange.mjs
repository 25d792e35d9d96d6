// Two headless Chromium pages exchange one file with the webtorrent package, finding each
// other only through the WebSocket tracker given: page A seeds, page B downloads.
//
//   node exchange.mjs TRACKER_WS_URL CONTENT_FILE NAME PIECE_LENGTH EXPECTED_INFO_HASH OUT_FILE
//
// Writes what page B downloaded to OUT_FILE (the caller compares the bytes) and exits 0;
// exits 1 with the reason on stderr otherwise. Everything the pages log goes to stdout.
// Traffic stays on loopback: no STUN servers, host names other than 127.0.0.1 do not
// resolve, and page.html keeps only 127.0.0.1 ICE candidates.
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer from 'puppeteer-core'

const [tracker, contentFile, name, pieceLength, expectedInfoHash, outFile] = process.argv.slice(2)
if (!outFile) {
  console.error('usage: node exchange.mjs TRACKER_WS_URL CONTENT_FILE NAME PIECE_LENGTH EXPECTED_INFO_HASH OUT_FILE')
  process.exit(2)
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium'
const LIMIT_MS = Number(process.env.EXCHANGE_LIMIT_MS || 120000)
const here = dirname(fileURLToPath(import.meta.url))

const files = {
  '/': ['text/html', join(here, 'page.html')],
  '/favicon.ico': null,
  '/webtorrent.min.js': ['text/javascript', join(here, 'node_modules/webtorrent/dist/webtorrent.min.js')]
}
const pages = createServer(async (request, response) => {
  const file = files[request.url]
  if (!file) {
    response.writeHead(file === null ? 204 : 404).end()
    return
  }
  response.writeHead(200, { 'Content-Type': file[0] }).end(await readFile(file[1]))
})
await new Promise(resolve => pages.listen(0, '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${pages.address().port}/`

const profile = await mkdtemp(join(tmpdir(), 'swarmport-chromium-'))
let browser
const deadline = setTimeout(() => fail(`no complete download within ${LIMIT_MS / 1000} s`), LIMIT_MS)

async function fail (reason) {
  console.error(reason)
  await close()
  process.exit(1)
}

async function close () {
  clearTimeout(deadline)
  if (browser) await browser.close().catch(() => {})
  pages.close()
  await rm(profile, { recursive: true, force: true }).catch(() => {})
}

async function open (label) {
  const page = await browser.newPage()
  page.on('console', message => console.log(`[${label}] ${message.text()}`))
  page.on('pageerror', error => console.log(`[${label}] page error: ${error.message}`))
  await page.goto(origin)
  await page.waitForFunction('window.ready === true', { timeout: 30000 })
  return page
}

try {
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // WebRTC between two pages on this machine, over 127.0.0.1 and without mDNS names.
      '--allow-loopback-in-peer-connection',
      '--disable-features=WebRtcHideLocalIpsWithMdns',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
    ]
  })
  const content = await readFile(contentFile)
  const seeder = await open('seeder')
  const seeded = await seeder.evaluate((b64, n, p, a) => window.peer.seed(b64, n, p, a),
    content.toString('base64'), name, Number(pieceLength), tracker)
  if (seeded.infoHash !== expectedInfoHash) {
    await fail(`webtorrent made info-hash ${seeded.infoHash}, expected ${expectedInfoHash}`)
  }
  console.log(`seeding ${seeded.infoHash}`)
  const downloader = await open('downloader')
  const downloaded = await downloader.evaluate((t, a) => window.peer.download(t, a), seeded.torrentFile, tracker)
  const bytes = Buffer.from(downloaded, 'base64')
  await writeFile(outFile, bytes)
  console.log(`downloaded ${bytes.length} bytes`)
  await close()
  process.exit(0)
} catch (error) {
  await fail(`exchange failed: ${error.stack || error}`)
}
