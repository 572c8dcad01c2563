// What every scanning device shares (kiosk agent and staff phone app), exported by both entries.
export {
  clockOffsetFrom,
  narrowOffset,
  offsetBoundsFrom,
  offsetWithin,
  type OffsetBounds,
  type ServerClock,
} from './clock.js';
export { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.js';
export {
  DEFAULT_ONLINE_TIMEOUT_MS,
  OnlineFirstDecider,
  type ConnectivityTracker,
  type ScanDecider,
} from './online-first.js';
export { WedgeRecogniser, type WedgeOptions } from './wedge-recogniser.js';
export { normaliseForSearch, searchTextOf } from '../search/normalise.js';
export { editDistance, matchScore } from '../search/similarity.js';
