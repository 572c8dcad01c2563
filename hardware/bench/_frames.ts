// Re-exported so benches share the tests' synthetic camera frames.
export { qrFrame, sceneFrame } from '../test/support/qr-raster.js';
