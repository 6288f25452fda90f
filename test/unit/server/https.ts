/** A tiny HTTPS client for tests: trusts exactly the server's own certificate (no verification switched off). */
import { request } from 'node:https';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; ca: string; servername?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, ca: options.ca, agent: false, ...(options.servername ? { servername: options.servername } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Opens an SSE stream and collects its events until `close()`. */
export function openEvents(url: string, options: { cookie: string; ca: string; lastEventId?: string }) {
  const events: { id: string; data: unknown }[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let status = 0;
  const headers: Record<string, string> = { Cookie: options.cookie, Accept: 'text/event-stream' };
  if (options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
  const req = request(url, { method: 'GET', headers, ca: options.ca, agent: false }, (res) => {
    status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id !== undefined && data !== undefined) events.push({ id, data: JSON.parse(data) as unknown });
      }
      for (const w of waiters.splice(0)) w();
    });
  });
  req.on('error', () => undefined);
  req.end();
  return {
    events,
    status: () => status,
    /** Resolves when `n` events have arrived (or rejects after `ms`). */
    waitFor: (n: number, ms = 2000) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${n} events in ${ms} ms`)), ms);
      const check = () => {
        if (events.length >= n) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    }),
    close: () => req.destroy(),
  };
}
