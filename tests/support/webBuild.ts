export { ensureWebBuild, isDevelopmentBuild, webDist } from '../../scripts/webBuild.mjs'
