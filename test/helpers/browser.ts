/**
 * A small browser for page tests: keeps every cookie it is given, follows
 * no redirects, reads a form's CSRF token from a page.
 */
export function pageBrowser(base: string) {
  const jar = new Map<string, string>();
  /** A plain object is sent as a urlencoded form; a string as it is (with the caller's content-type). */
  async function request(
    method: string,
    path: string,
    body?: FormData | URLSearchParams | Record<string, string> | string,
    headers: Record<string, string> = {},
  ) {
    const form =
      body && typeof body === 'object' && !(body instanceof FormData) && !(body instanceof URLSearchParams)
        ? new URLSearchParams(body)
        : body;
    const res = await fetch(base + path, {
      method,
      redirect: 'manual',
      body: form,
      headers: { ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}), ...headers },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, ...value] = pair.split('=');
      if (attrs.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a)) || value.join('=') === '') jar.delete(name);
      else jar.set(name, value.join('='));
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), headers: res.headers };
  }
  return {
    request,
    jar,
    cookieHeader: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    async csrf(path: string) {
      const page = await request('GET', path);
      const m = /name="_csrf" value="([^"]+)"/.exec(page.text);
      if (!m) throw new Error(`no form token on ${path} (${page.status})`);
      return m[1];
    },
    async signIn(bsn: string) {
      return request('POST', '/inloggen', { _csrf: await this.csrf('/inloggen'), bsn, terug: '/mijn-zaken' });
    },
  };
}
export type PageBrowser = ReturnType<typeof pageBrowser>;
