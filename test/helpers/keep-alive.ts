import http from 'node:http';

export type Answer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  localPort: number;
  early: boolean;
  error?: string;
};

/**
 * A client on one keep-alive socket (node:http Agent, one socket at most):
 * shows whether a second request reuses the socket the first one used, and
 * whether a refusal came before the body was sent (`early`).
 */
export function keepAliveClient(base: string) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  /**
   * Sends `body` in two parts: the first `firstBytes`, then the rest once the
   * answer came or after `waitMs`, whichever is first.
   */
  function send(
    method: string,
    path: string,
    opts: { headers?: Record<string, string>; body?: Buffer; firstBytes?: number; waitMs?: number } = {},
  ): Promise<Answer> {
    const body = opts.body ?? Buffer.alloc(0);
    const first = Math.min(opts.firstBytes ?? 64 * 1024, body.length);
    return new Promise((resolve, reject) => {
      let restSent = body.length === 0;
      let early = false;
      let answered = false;
      const req = http.request({
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent,
        headers: { ...opts.headers, ...(body.length ? { 'content-length': String(body.length) } : {}) },
      });
      const sendRest = () => {
        if (restSent) return;
        restSent = true;
        // In one write: after an early answer Node's client emits no 'drain' on the request any more.
        req.end(body.subarray(first));
      };
      req.on('response', (res) => {
        answered = true;
        early = !restSent;
        const localPort = res.socket.localPort ?? -1;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text, localPort, early }));
        res.on('error', (e) =>
          resolve({ status: res.statusCode!, headers: res.headers, text, localPort, early, error: e.message }),
        );
        sendRest();
      });
      // After the answer, a server that stops reading may reset the rest of a large upload: not the answer's error.
      req.on('error', (e) => (answered ? undefined : reject(e)));
      if (first) req.write(body.subarray(0, first));
      if (body.length === 0) req.end();
      else if (first === body.length) {
        restSent = true;
        req.end();
      } else setTimeout(sendRest, opts.waitMs ?? 300);
    });
  }
  return { send, close: () => agent.destroy() };
}
