/**
 * The one embedded stylesheet of the HTML export: system fonts only (nothing is fetched),
 * readable contrast, nothing that scrolls sideways, and A4 when printed.
 */
export const HTML_STYLES = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328; font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }
.page { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
header.cover { border-bottom: 3px solid #1d4e89; padding-bottom: 1.5rem; margin-bottom: 2rem; }
header.cover h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 0.25rem; color: #12345b; }
header.cover .subtitle { font-size: 1.35rem; margin: 0 0 1.25rem; color: #3d4651; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; color: #3d4651; }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0.25rem 0 0; padding-left: 1.2rem; }
nav.toc { margin: 0 0 2.5rem; }
nav.toc ol { padding-left: 1.2rem; list-style: none; }
nav.toc li { margin: 0.2rem 0; }
h2 { font-size: 1.5rem; line-height: 1.3; margin: 2.5rem 0 0.75rem; color: #12345b; }
h3 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
h4, h5, h6 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
a { color: #0b5cad; text-decoration: underline; }
a:focus-visible { outline: 3px solid #1d4e89; outline-offset: 2px; }
blockquote { margin: 1rem 0; padding: 0.25rem 1rem; border-left: 4px solid #c5ccd6; color: #3d4651; }
pre { background: #f3f5f8; padding: 0.75rem 1rem; border-radius: 4px; white-space: pre-wrap; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
hr { border: 0; border-top: 1px solid #c5ccd6; margin: 2rem 0; }
.questions { background: #f3f6fb; border-left: 4px solid #1d4e89; padding: 0.5rem 1rem; margin: 0 0 1.25rem; }
.questions p { margin: 0.25rem 0; font-weight: 600; color: #12345b; }
.questions ul { margin: 0.25rem 0 0.5rem; padding-left: 1.2rem; }
ol.principles { padding-left: 1.6rem; }
ol.principles > li { margin: 0 0 1.25rem; }
ol.principles p { margin: 0.25rem 0; }
li > p { margin: 0.15rem 0; }
.tags { color: #3d4651; font-size: 0.92rem; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border: 1px solid #c5ccd6; }
thead th { background: #e8eef6; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid #c5ccd6; color: #3d4651; font-size: 0.9rem; }
@media print {
  @page { size: A4; margin: 2cm; }
  .page { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
}
`
  .trim()
  .replace(/\n\s*/g, '\n')
