// @signpost/chromium: real headless Chromium for tests and benchmarks.
export { chromiumExecutable } from './executable.js'
export { launchChromium, CHROMIUM_ARGS, type Browser } from './launch.js'
