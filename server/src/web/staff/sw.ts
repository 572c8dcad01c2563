// The staff app's service worker: keeps the app shell (page, scripts, styles, icons) so the app
// opens offline, and answers those from the cache first. API requests are never cached: the
// app keeps its data in IndexedDB. The build (vite.config.ts) fills in the list and the version.
declare const __SHELL__: string[];
declare const __VERSION__: string;

// The few service-worker types used here (the DOM library, which this folder compiles with,
// lacks them and the WebWorker library clashes with it).
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = globalThis as unknown as WorkerScope;
const CACHE = `lanyard-staff-${__VERSION__}`;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(__SHELL__))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  if (!__SHELL__.includes(url.pathname)) return;
  // Cached by path: the page opened with #enroll=… or ?source=… is the same page.
  event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(event.request)));
});

export {};
