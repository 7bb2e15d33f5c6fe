import type { CDPSession, Page } from 'playwright';
import { FetchError } from './fetch-error.ts';

/** One visit's watch: `failed` rejects when the main document goes over the byte cap or turns into a download. */
export interface VisitWatch {
  failed: Promise<never>;
  /** The page's renderer crashed during the visit (the browser may still be fine). */
  pageCrashed(): boolean;
  end(): void;
}

export interface DocumentWatch {
  begin(url: string, maxBytes: number): VisitWatch;
}

interface Current {
  url: string;
  maxBytes: number;
  bytes: number;
  documents: Set<string>;
  crashed: boolean;
  fail: (err: FetchError) => void;
}

/** What a product page is served as; anything else (a PDF, an image, an archive) is a file, even where Chromium would show it. */
const PAGE_TYPES = /^(text\/(html|plain|xml)|application\/(xhtml\+xml|xml))$/;

/**
 * Counts the bytes of the page's main document as Chromium receives them (CDP Network.dataReceived: after
 * decompression, so a gzip bomb counts as what it inflates to) and fails the visit with too_large past the
 * cap, the static fetcher's size cap applied in the browser; stops the load at once so the renderer never
 * holds the rest. A main document served as an attachment or as a file type (PDF, image, archive) fails as
 * `download` without waiting for a timeout.
 */
export async function watchDocuments(page: Page): Promise<DocumentWatch> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let current: Current | null = null;
  // The top frame's id is the page target's and stays the same across navigations.
  let topFrame = '';
  const stop = () => void cdp.send('Page.stopLoading').catch(() => undefined);
  cdp.on('Network.requestWillBeSent', (event) => {
    // A navigation request of the top frame has its loader's id; redirects keep the request id.
    if (current && event.type === 'Document' && event.requestId === event.loaderId && event.frameId === topFrame) current.documents.add(event.requestId);
  });
  cdp.on('Network.responseReceived', (event) => {
    if (!current?.documents.has(event.requestId)) return;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const mime = event.response.mimeType.toLowerCase();
    const ok = event.response.status >= 200 && event.response.status < 300;
    if (/^\s*attachment/i.test(headers['content-disposition'] ?? '') || (ok && mime && !PAGE_TYPES.test(mime))) {
      stop();
      current.fail(new FetchError('download', `${current.url} is a file download (${headers['content-type'] ?? 'no content type'}), not a page`));
    }
  });
  cdp.on('Network.dataReceived', (event) => {
    if (!current?.documents.has(event.requestId)) return;
    current.bytes += event.dataLength;
    if (current.bytes > current.maxBytes) {
      stop();
      current.fail(new FetchError('too_large', `${current.url} is larger than the ${current.maxBytes}-byte cap (decompressed, in the browser)`));
    }
  });
  page.on('crash', () => {
    if (current) current.crashed = true;
  });
  await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
  await cdp.send('Page.enable');
  topFrame = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  return {
    begin(url, maxBytes) {
      let fail!: (err: FetchError) => void;
      const failed = new Promise<never>((_, reject) => (fail = reject));
      failed.catch(() => undefined);
      const visit: Current = { url, maxBytes, bytes: 0, documents: new Set(), crashed: false, fail: (err) => fail(err) };
      current = visit;
      return {
        failed,
        pageCrashed: () => visit.crashed,
        end: () => {
          if (current === visit) current = null;
        },
      };
    },
  };
}
