import { createWorkspace } from '../support/api.ts'
import { launchBrowser, joinThroughLink } from '../support/browser.ts'
import { spawnServer } from '../support/spawnServer.ts'
import { webDist } from '../support/webBuild.ts'

const server = await spawnServer({ env: { KOERS_WEB_DIR: webDist } })
const browser = await launchBrowser()
const ws = await createWorkspace(server.url)
async function metrics(page: any) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    const m = Object.fromEntries(metrics.map((x: any) => [x.name, x.value]))
    return { task: m.TaskDuration, script: m.ScriptDuration, layout: m.LayoutDuration, style: m.RecalcStyleDuration, nodes: m.Nodes, listeners: m.JSEventListeners }
  }
}
for (let i = 0; i < 2; i++) {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } })
  const p = { page: await context.newPage() }
  const t0 = Date.now()
  const m = await metrics(p.page)
  await joinThroughLink(p.page, ws.links.editor, 'Persoon ' + i)
  const a = await m()
  console.log('join', i, Date.now() - t0, 'ms', a)
  await new Promise((r) => setTimeout(r, 15000))
  const b = await m()
  console.log('idle 15s', i, { task: b.task - a.task, script: b.script - a.script, layout: b.layout - a.layout, style: b.style - a.style, nodes: b.nodes })
}
await browser.close()
await server.stop()
