/**
 * A small browser across sites for sign-in tests: cookies kept per origin,
 * redirects followed one by one (each hop can be inspected), forms posted
 * as a browser would. It talks to Omslag and to the test provider
 * (test/helpers/oidc-provider.ts) over real HTTP.
 */
export type Hop = { url: string; status: number; location: string | null; text: string; headers: Headers };

export function webAgent() {
  const jars = new Map<string, Map<string, string>>();
  const jarOf = (url: URL) => {
    let jar = jars.get(url.origin);
    if (!jar) jars.set(url.origin, (jar = new Map()));
    return jar;
  };

  async function request(method: string, url: string, body?: Record<string, string> | URLSearchParams): Promise<Hop> {
    const target = new URL(url);
    const jar = jarOf(target);
    const res = await fetch(target, {
      method,
      redirect: 'manual',
      body: body ? new URLSearchParams(body) : undefined,
      headers: jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, ...value] = pair.split('=');
      const gone =
        attrs.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a)) ||
        value.join('=') === '';
      if (gone) jar.delete(name.trim());
      else jar.set(name.trim(), value.join('='));
    }
    const location = res.headers.get('location');
    return {
      url: target.toString(),
      status: res.status,
      location: location ? new URL(location, target).toString() : null,
      text: await res.text(),
      headers: res.headers,
    };
  }

  /** Follows redirects from `hop` (GET each, as browsers do after 302/303) until a page; every hop is kept. */
  async function follow(hop: Hop, max = 15): Promise<{ page: Hop; hops: Hop[] }> {
    const hops = [hop];
    let at = hop;
    while (at.location && at.status >= 300 && at.status < 400) {
      if (hops.length > max) throw new Error(`more than ${max} redirects: ${hops.map((h) => h.url).join(' → ')}`);
      at = await request('GET', at.location);
      hops.push(at);
    }
    return { page: at, hops };
  }

  /** The fields of the first form on a page (hidden inputs with their values) and its action, resolved against the page. */
  function form(page: Hop, index = 0): { action: string; fields: Record<string, string> } {
    const forms = [...page.text.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
    const found = forms[index];
    if (!found) throw new Error(`no form ${index} on ${page.url} (${page.status}): ${page.text.slice(0, 300)}`);
    const action = /action="([^"]*)"/i.exec(found[1])?.[1] ?? page.url;
    const fields: Record<string, string> = {};
    for (const input of found[2].matchAll(/<input\b([^>]*)>/gi)) {
      const name = /name="([^"]*)"/i.exec(input[1])?.[1];
      const value = /value="([^"]*)"/i.exec(input[1])?.[1] ?? '';
      if (name) fields[name] = value.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, d) => String.fromCharCode(+d));
    }
    return { action: new URL(action.replace(/&amp;/g, '&'), page.url).toString(), fields };
  }

  return {
    jars,
    request,
    follow,
    form,
    get: (url: string) => request('GET', url),
    post: (url: string, body: Record<string, string>) => request('POST', url, body),
    /** GET and follow to the page it ends at. */
    async open(url: string) {
      return follow(await request('GET', url));
    },
    /** Posts the page's form `index` with `values` over its own fields, and follows to the page it ends at. */
    async submit(page: Hop, values: Record<string, string> = {}, index = 0) {
      const f = form(page, index);
      return follow(await request('POST', f.action, { ...f.fields, ...values }));
    },
    /** On the test provider's login page: signs in as `login` at `acr`, and follows back. */
    async loginAtProvider(page: Hop, login: string, acr?: string) {
      return this.submit(page, { login, ...(acr ? { acr } : {}) });
    },
  };
}
export type WebAgent = ReturnType<typeof webAgent>;
