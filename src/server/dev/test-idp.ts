// The bundled test identity provider (development and tests only; never in production mode).
// A real OpenID Provider (oidc-provider) mounted at /idp. Its login page lists the demo people
// by municipality and role, and the citizens as "Test-BankID" identities, so anyone can try
// every view in one click. It speaks the same protocol as a municipality's IdP or an e-ID broker.
import middie from '@fastify/middie';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Config } from '../config.ts';
import { PNR_CLAIM, PNR_SCOPE } from '../access/oidc.ts';
import { buildDemoData, demoLoginDirectory } from './demo-data.ts';
import { formatIdNumber } from '../../domain/personnummer.ts';

const INTERACTION_PATH = '/dev-idp/interaction';

interface TestAccount { sub: string; claims: Record<string, unknown> }

type Directory = ReturnType<typeof demoLoginDirectory>;

function accounts(dir: Directory): Map<string, TestAccount> {
  const map = new Map<string, TestAccount>();
  for (const s of dir.staff) map.set(s.subject, { sub: s.subject, claims: { name: s.name, email: `${s.subject.replace(/[:]/g, '.')}@test.example` } });
  for (const c of dir.citizens) {
    const sub = `bankid:${c.personnummer}`;
    const [given, ...family] = c.name.split(' ');
    map.set(sub, { sub, claims: { name: c.name, given_name: given, family_name: family.join(' '), [PNR_CLAIM]: c.personnummer } });
  }
  return map;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const PAGE_STYLE = `
  body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24;line-height:1.5}
  header{background:#1d3557;color:#fff;padding:1rem 1.5rem} header p{margin:.25rem 0 0;color:#dfe6ee}
  main{max-width:64rem;margin:0 auto;padding:1.5rem} h1{font-size:1.5rem;margin:0} h2{font-size:1.15rem;margin:1.75rem 0 .5rem}
  h3{font-size:1rem;margin:1rem 0 .25rem;color:#3b4450}
  ul{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:.5rem}
  button{width:100%;text-align:left;font:inherit;padding:.6rem .8rem;border:1px solid #c5ccd5;border-radius:.4rem;background:#fff;cursor:pointer;color:inherit}
  button:hover{border-color:#1d3557;background:#eef3f9} button:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
  .who{font-weight:600;display:block} .what{font-size:.9rem;color:#4a5360;display:block}
  .note{background:#fff6db;border:1px solid #e6c55c;padding:.6rem .8rem;border-radius:.4rem}`;

function loginPage(dir: Directory, uid: string, citizenFirst: boolean): string {
  const button = (account: string, who: string, what: string) =>
    `<li><form method="post" action="${INTERACTION_PATH}/${esc(uid)}/login"><input type="hidden" name="account" value="${esc(account)}">
      <button type="submit"><span class="who">${esc(who)}</span><span class="what">${esc(what)}</span></button></form></li>`;
  const staffByMunicipality = new Map<string, typeof dir.staff>();
  for (const s of dir.staff) staffByMunicipality.set(s.municipalityName, [...(staffByMunicipality.get(s.municipalityName) ?? []), s]);
  const staffHtml = [...staffByMunicipality].map(([m, people]) => `<h3>${esc(m)}</h3><ul>${people
    .map((p) => button(p.subject, p.name, `${p.title} · ${p.unitOrProvider}`)).join('')}</ul>`).join('');
  const citizensHtml = `<ul>${dir.citizens.map((c) => button(`bankid:${c.personnummer}`, c.name,
    `${formatIdNumber(c.personnummer, 'personnummer')} · ${c.description}`)).join('')}</ul>`;
  const staffSection = `<section aria-labelledby="staff"><h2 id="staff">Medarbetare (test-SITHS)</h2>${staffHtml}</section>`;
  const citizenSection = `<section aria-labelledby="citizens"><h2 id="citizens">Medborgare (Test-BankID)</h2>${citizensHtml}</section>`;
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
    <title>Testinloggning – Lots</title><style>${PAGE_STYLE}</style></head><body>
    <header><h1>Testinloggning</h1><p>Lots testidentitetsleverantör – finns bara i utvecklings- och testläge</p></header>
    <main><p class="note">Välj vem du vill logga in som. Alla personer är påhittade och har Skatteverkets testpersonnummer.</p>
    ${citizenFirst ? citizenSection + staffSection : staffSection + citizenSection}</main></body></html>`;
}

export async function mountTestIdp(app: FastifyInstance, config: Config): Promise<void> {
  // Built once: the demo people do not change while Lots runs.
  const directory = demoLoginDirectory(buildDemoData(new Date().toISOString().slice(0, 10)));
  const all = accounts(directory);
  const configuration: Configuration = {
    clients: [{
      client_id: config.oidc.clientId,
      client_secret: config.oidc.clientSecret,
      redirect_uris: [`${config.publicUrl}/auth/callback`],
      post_logout_redirect_uris: [`${config.publicUrl}/`],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    cookies: { keys: [config.secrets.cookieSecret] },
    scopes: ['openid', 'profile', 'email', PNR_SCOPE],
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'], email: ['email'], [PNR_SCOPE]: [PNR_CLAIM] },
    acrValues: ['http://id.elegnamnden.se/loa/1.0/loa3'],
    conformIdTokenClaims: false, // put the claims in the ID token; Lots does not call userinfo
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // No "are you sure?" page: the user already chose to log out in Lots.
        logoutSource: async (ctx, form) => {
          ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Loggar ut – Lots</title></head><body>
            ${form.replace('</form>', '<input type="hidden" name="logout" value="yes"><noscript><button type="submit">Logga ut</button></noscript></form>')}
            <script>document.forms[0].submit()</script></body></html>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = all.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
    },
    // Lots is a first-party client: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const client = ctx.oidc.client;
      const session = ctx.oidc.session;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 300, IdToken: 3600, AuthorizationCode: 60 },
  };
  const provider = new Provider(config.oidc.issuer, configuration);
  // The in-process provider sees plain http on localhost; trust nothing else.
  provider.proxy = false;

  await app.register(async (scope) => {
    await scope.register(formbody);
    scope.get(`${INTERACTION_PATH}/:uid`, { schema: { hide: true } }, async (req, reply) => {
      const details = await provider.interactionDetails(req.raw, reply.raw);
      const acr = String(details.params.acr_values ?? '');
      return reply.type('text/html; charset=utf-8').send(loginPage(directory, details.uid, acr.includes('loa3')));
    });
    scope.post(`${INTERACTION_PATH}/:uid/login`, { schema: { hide: true } }, async (req, reply) => {
      const account = (req.body as { account?: string } | undefined)?.account ?? '';
      if (!all.has(account)) return reply.status(400).type('text/html; charset=utf-8').send('<p>Okänt testkonto.</p>');
      await provider.interactionDetails(req.raw, reply.raw);
      const target = await provider.interactionResult(req.raw, reply.raw, { login: { accountId: account } }, { mergeWithLastSubmission: false });
      return reply.redirect(target, 303);
    });
  });
  await app.register(middie);
  app.use('/idp', provider.callback());
}
