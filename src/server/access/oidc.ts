// Lots as an OpenID Connect relying party (openid-client): authorization code flow with PKCE,
// state and nonce. Staff log in through the municipality's identity provider; citizens through
// an e-ID broker, which sends the personnummer in the Swedish OIDC profile's claim.
import * as oidc from 'openid-client';
import type { Config } from '../config.ts';

/** Claim and scope names from the Swedish OIDC profile (OIDC Sweden, used by Sweden Connect brokers). */
export const PNR_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
export const PNR_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';
/** Tillitsnivå 3 (LoA 3) as Sweden Connect names it; e-ID for citizens must reach it. */
export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

export class OidcClient {
  private configuration: Promise<oidc.Configuration> | null = null;
  constructor(private readonly config: Config) {}

  get redirectUri(): string {
    return `${this.config.publicUrl}/auth/callback`;
  }

  /** Discovery is lazy: the bundled test provider answers only once the server listens. */
  private server(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.config.oidc;
      const insecureLocal = /^http:\/\/(localhost|127\.0\.0\.1)(:|\/)/.test(issuer);
      this.configuration = oidc.discovery(new URL(issuer), clientId, { token_endpoint_auth_method: 'client_secret_post' },
        oidc.ClientSecretPost(clientSecret), insecureLocal ? { execute: [oidc.allowInsecureRequests] } : undefined);
      this.configuration.catch(() => { this.configuration = null; }); // retry discovery next time
    }
    return this.configuration;
  }

  async startLogin(kind: 'personal' | 'medborgare'): Promise<{ url: string; verifier: string; state: string; nonce: string }> {
    const server = await this.server();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const params: Record<string, string> = {
      redirect_uri: this.redirectUri,
      scope: kind === 'medborgare' ? `openid profile ${PNR_SCOPE}` : 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ui_locales: 'sv en',
    };
    if (kind === 'medborgare') params.acr_values = LOA3;
    // The bundled test IdP always shows its list, so switching demo people takes one click.
    if (this.config.oidc.bundledTestIdp) params.prompt = 'login';
    return { url: oidc.buildAuthorizationUrl(server, params).href, verifier, state, nonce };
  }

  async finishLogin(currentUrl: URL, checks: { verifier: string; state: string; nonce: string }) {
    const server = await this.server();
    const tokens = await oidc.authorizationCodeGrant(server, currentUrl, {
      pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the identity provider sent no ID token');
    return { claims, idToken: tokens.id_token };
  }

  async logoutUrl(idToken: string | null): Promise<string> {
    try {
      const server = await this.server();
      const params: Record<string, string> = { post_logout_redirect_uri: `${this.config.publicUrl}/` };
      if (idToken) params.id_token_hint = idToken;
      return oidc.buildEndSessionUrl(server, params).href;
    } catch {
      return '/'; // the identity provider is unreachable: the local session is gone anyway
    }
  }
}
